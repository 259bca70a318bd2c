import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
/**
 * The modules of src/shared the portal uses: pure, and without zod (the rules are kept apart from the
 * zod schemas for that: saudi/national-id-rules.ts, saudi/phone-rules.ts, dates-hijri-calendar.ts).
 */
const portalShared =
  /\/src\/shared\/(beneficiary-codes|digits|dates|dates-hijri-calendar|gendered-text|survey-answers|saudi\/national-id-rules|saudi\/phone-rules|requests\/portal-status)\.ts$/;
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
      // Two pages: the staff app, and the beneficiaries' portal (/p/<slug>), which shares none of the
      // staff app's code (its own small entry, no Mantine; budget: 150 kB of gzip JavaScript to sign in).
      input: {
        index: `${repoRoot}src/web/index.html`,
        portal: `${repoRoot}src/web/portal.html`,
      },
      output: {
        // Every icon a page uses would otherwise be a file of its own (~40 files of ~300 bytes): all the
        // icons go into one chunk instead (~28 kB, ~9 kB gzip), fetched with the entry (which uses a few).
        // React (with Rollup's CommonJS helpers), the fonts' stylesheets, and the few pure helpers of
        // src/shared the portal uses (with Vite's preload helper) are chunks of their own: both pages load
        // them. Each portal screen loaded later is its own chunk too. So the merging of small chunks below
        // never puts staff code into a file the portal loads, nor portal code into one of the staff app's
        // (tests/e2e/portal.e2e.ts checks it).
        manualChunks: (id) => {
          if (id.includes('/node_modules/@tabler/icons-react/')) return 'icons';
          if (/\/node_modules\/(react|react-dom|scheduler)\/|commonjsHelpers/.test(id)) return 'react';
          if (id.includes('/node_modules/@fontsource/')) return 'fonts';
          if (portalShared.test(id) || /vite\/(preload-helper|modulepreload-polyfill)/.test(id))
            return 'shared';
          const portalChunk = /\/src\/web\/portal\/(?:pages\/([^/.]+)|i18n\/(en)\.json)/.exec(id);
          if (portalChunk && portalChunk[1] !== 'sign-in')
            return `portal-${portalChunk[1] ?? portalChunk[2]}`;
          return undefined;
        },
        // A manual chunk holds the modules named above, not everything they import.
        onlyExplicitManualChunks: true,
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
