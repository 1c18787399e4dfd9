// The board is built into web/dist by `npm run build` (and so by `npm install` and `npm start`), and the API serves
// it at `/`. In development, `npx vite web` serves it with hot reload and sends /graphql to the API on :3000.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // A government office's PCs: no newer syntax than the browsers they run.
    target: 'es2020',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        // The libraries change less often than the board: cached separately.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          // Loaded only when someone exports a table: not in what every phone downloads at start.
          if (/node_modules\/exceljs\//.test(id)) return undefined;
          return 'vendor';
        },
      },
    },
  },
  server: {
    proxy: { '/graphql': { target: 'http://127.0.0.1:3000', ws: true }, '/tasks': 'http://127.0.0.1:3000', '/items': 'http://127.0.0.1:3000' },
  },
});
