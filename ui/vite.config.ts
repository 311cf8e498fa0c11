import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

// The UI lives in ui/; Tauri loads ui/dist in release and the dev server in `tauri dev`.
export default defineConfig({
  root: __dirname,
  plugins: [svelte({ compilerOptions: { css: "external" } })],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { outDir: "dist", emptyOutDir: true, target: "safari15" },
  test: { include: ["src/**/*.test.ts"], environment: "node" },
});
