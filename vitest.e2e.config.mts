import { defineConfig } from "vitest/config";
import path from "node:path";

// Browser tests: run by scripts/e2e.ts against a running `next start` (E2E_BASE_URL).
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
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // One retry against a live server absorbs a click that lands before hydration on a loaded machine;
    // a real failure still fails twice.
    retry: 1,
    setupFiles: ["tests/setup.ts"],
  },
});
