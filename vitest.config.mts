import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  // Server modules import "server-only", which throws outside the react-server condition. Vitest cannot take that
  // condition as a whole (react-dom/server refuses to load under it, and the chart tests render with it): the marker
  // alone resolves to its empty server build. tests/unit/server-only.test.ts checks the real boundary.
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    include: ["app/**/*.test.ts", "scripts/**/*.test.ts", "tests/unit/**/*.test.ts"],
    exclude: ["node_modules", ".next", "tests/e2e/**"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration suites share one SQLite file per worker; keep workers few on a 2-core machine.
    maxWorkers: 2,
    setupFiles: ["tests/setup.ts"],
    // next-auth imports `next/server` without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
