import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
// WASL_API_URL lets a second local server (another port, another data dir) back the dev server.
const apiTarget = process.env.WASL_API_URL ?? 'http://127.0.0.1:3000';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every script, stylesheet and HTML file the build
 * emits; the server sends them to browsers that accept them (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  return {
    name: 'wasl-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|html|svg)$/.test(fileName)) continue;
        const file = path.join(dir, fileName);
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        );
      }
    },
  };
}

export default defineConfig({
  root: `${repoRoot}src/web`,
  plugins: [react(), precompress()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    // Every page is its own chunk, loaded when its route is first matched (src/web/app/router.tsx,
    // decision 013). The entry chunk (React, Mantine, the router, i18n with both languages, zod) is
    // ~930 kB minified (~290 kB gzip), above Vite's 500 kB default warning, hence this limit.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: {
        // Every icon a page uses would otherwise be a file of its own (~40 files of ~300 bytes): all the
        // icons go into one chunk instead (~28 kB, ~9 kB gzip), fetched with the entry (which uses a few).
        manualChunks: (id) => (id.includes('/node_modules/@tabler/icons-react/') ? 'icons' : undefined),
        // Chunks under 10 kB without side effects are merged into a chunk loaded with them (90 → 64 files).
        experimentalMinChunkSize: 10_000,
      },
    },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
});
