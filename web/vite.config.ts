import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    // 移动执法 (/field): installable, and its shell precached so it opens with no network. The service
    // worker is registered by the field app itself (web/src/field), not by every page.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      includeAssets: ['field-icon-192.png', 'field-icon-512.png'],
      manifest: {
        name: '烟台市生态环境局 移动执法',
        short_name: '移动执法',
        description: '现场检查、调查询问、取证与签名，离线可用',
        lang: 'zh-CN',
        start_url: '/field',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#137a54',
        icons: [
          { src: '/field-icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/field-icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/field-icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
        // antd's shell chunk is over Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // antd alone is ~1 MB minified; pages are lazy-loaded, the shell chunk holds antd + react.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
