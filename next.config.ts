import type { NextConfig } from "next";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "./lib/http/csp";
import securityHeaders from "./lib/http/security-headers.json";

const production = process.env.NODE_ENV === "production";

// Every response gets these; proxy.ts replaces the Content-Security-Policy on pages rendered per
// request with one that carries their nonce. HSTS only in production: `next dev` is plain http.
const documentHeaders = [
  ...securityHeaders,
  { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: process.env.NODE_ENV === "development" }) },
  ...(production ? [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }] : []),
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A second server can run from a copy of the build (the database-outage test does).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Next.js would hash every cached HTML page on every request to make an ETag (about a sixth of
  // the server's time under load). Pages carry s-maxage for CDNs instead; the JSON API and feeds
  // make their own content ETags.
  generateEtags: false,
  devIndicators: false,
  // Packages with WASM or native pieces are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "nodemailer", "smtp-server", "mailparser"],
  typescript: { tsconfigPath: "tsconfig.json" },
  async headers() {
    return [{ source: "/:path*", headers: documentHeaders }];
  },
};

export default nextConfig;
