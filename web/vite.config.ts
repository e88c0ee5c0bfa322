import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Served by the Web API at /app (hashed assets under /app/assets, cached for a year); `npm run dev` proxies the API.
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  build: { outDir: "dist", assetsDir: "assets", sourcemap: true },
  server: { proxy: { "/api": "http://127.0.0.1:5080" } },
});
