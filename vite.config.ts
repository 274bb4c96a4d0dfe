import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const rendererRoot = fileURLToPath(new URL("./renderer", import.meta.url));

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs, because the packaged app loads index.html from a custom protocol
  // rather than from a web server root.
  base: "./",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/renderer", import.meta.url)),
    emptyOutDir: true,
    target: "chrome140",
    // The polyfill is an inline script, which the page's Content-Security-Policy blocks.
    // Electron's Chromium supports modulepreload natively.
    modulePreload: { polyfill: false },
    // Inlined assets would become data: URLs for scripts and fonts, which the CSP also blocks.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: { host: "127.0.0.1", strictPort: true },
  preview: { host: "127.0.0.1", strictPort: true },
});
