import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The editor is served by server.py at "/"; during development the API is proxied to it.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { proxy: { "/api": "http://127.0.0.1:8000" } },
});
