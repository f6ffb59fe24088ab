import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://localhost:3000';

// The root is this folder whichever directory vite is started from, so that `npx vite build apps/web`
// and `npm run build -w @tinhso/web` both write apps/web/dist, which the server serves.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  server: {
    proxy: {
      '/api': backend,
      '/metrics': backend,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
