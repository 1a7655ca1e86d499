// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several builds (e.g. parallel browser-test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm run typecheck` (tsc, in CI) checks the types; the build does not check them a second time (over a minute
  // of the build on two cores).
  typescript: { ignoreBuildErrors: true },
  // proxy.ts answers plain page views of /zoeken from the page cache. It must tell them from client-side
  // navigations, whose RSC headers Next.js otherwise strips before the proxy sees the request.
  skipProxyUrlNormalize: true,
  // The question wizard sends up to 3 attachments of 5 MB through a server action (app/_core/body-limit.ts has the
  // same limit: proxy.ts refuses a larger declared body with a Dutch 413 before anything reads it).
  // proxy.ts runs for server-action posts too (app/_core/action-guard.ts), and Next.js hands the proxy a copy of
  // the body, cut at proxyClientMaxBodySize (default 10 MB): that limit must not be below the action limit, or
  // the action would receive a truncated upload.
  experimental: { serverActions: { bodySizeLimit: "17mb" }, proxyClientMaxBodySize: "17mb" },
  // Native and server-only packages stay outside the server bundle.
  serverExternalPackages: [
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "nodemailer",
    "meilisearch",
    "pdfjs-dist",
    "smtp-server",
    "mailparser",
    "imapflow",
    "html-to-text",
  ],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
