import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The platform's server; TINHSO_API_URL points the dev server at another copy (e.g. port 3200).
const backend = process.env.TINHSO_API_URL ?? 'http://localhost:3000';

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
