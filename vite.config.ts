import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The engine (npm run engine) serves the API and socket in development; the dev server forwards to it. */
const ENGINE_ORIGIN = 'http://127.0.0.1:7480';

export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: ENGINE_ORIGIN },
      '/socket.io': { target: ENGINE_ORIGIN, ws: true },
    },
  },
});
