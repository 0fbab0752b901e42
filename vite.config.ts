import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// One config: the web app's build and dev server, and the unit/integration test projects.
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": { target: `http://127.0.0.1:${process.env.PORT ?? 8080}`, changeOrigin: false } },
  },
  test: {
    root: ".",
    projects: [
      { test: { name: "shared", root: "shared", environment: "node", include: ["src/**/*.test.ts"] } },
      {
        test: {
          name: "server",
          root: "server",
          environment: "node",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: "web",
          root: "web",
          environment: "jsdom",
          include: ["src/**/*.test.{ts,tsx}"],
          // Absolute, so tools reading this config from the repo root (knip) find it too.
          setupFiles: [fileURLToPath(new URL("web/src/test-setup.ts", import.meta.url))],
        },
      },
    ],
  },
});
