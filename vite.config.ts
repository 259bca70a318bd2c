import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { firstScreenNamespaces } from './src/web/i18n/first-screen';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));
/**
 * The modules of src/shared the portal uses: pure, and without zod (the rules are kept apart from the
 * zod schemas for that: saudi/national-id-rules.ts, saudi/phone-rules.ts, dates-hijri-calendar.ts).
 */
const portalShared =
  /\/src\/shared\/(beneficiary-codes|digits|dates|dates-hijri-calendar|gendered-text|survey-answers|saudi\/national-id-rules|saudi\/phone-rules|requests\/portal-status)\.ts$/;
/**
 * The icons of the screens before signing in (error alert, language switch, setup done) and the code
 * every icon shares: with the pages that use them, not in the icons chunk (~7 kB of gzip), which the
 * sign-in page would otherwise download whole (decision 026).
 */
const firstScreenIcons =
  /\/@tabler\/icons-react\/dist\/esm\/(createReactComponent|defaultAttributes|icons\/(IconAlertCircle|IconCircleCheck|IconLanguage))\.mjs$/;
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

/**
 * Every `import … from 'zod'` in the web app's sources resolves to src/web/zod-jitless.ts, which
 * configures zod (no eval, messages in the UI language) and re-exports it. The configuration used to be
 * a side effect of main.tsx, which put zod in the first download of every page; now zod comes with the
 * first page that needs it and is configured before any schema is built (decision 026).
 */
function zodConfigured(): Plugin {
  const wrapper = `${repoRoot}src/web/zod-jitless.ts`;
  return {
    name: 'wasl-zod-configured',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'zod' || !importer) return null;
      const from = importer.split('?')[0]!;
      if (from === wrapper || !from.startsWith(`${repoRoot}src/`)) return null;
      return wrapper;
    },
  };
}

/**
 * `ar.json?first-screen`: only the namespaces the screens before signing in use (src/web/i18n/
 * first-screen.ts), so the sign-in page does not download every message of the app (decision 026).
 */
function firstScreenMessages(): Plugin {
  const suffix = '?first-screen';
  return {
    name: 'wasl-first-screen-messages',
    load(id) {
      if (!id.endsWith(`.json${suffix}`)) return null;
      const file = id.slice(0, -suffix.length);
      this.addWatchFile(file);
      const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      return JSON.stringify(Object.fromEntries(firstScreenNamespaces.map((ns) => [ns, all[ns]])));
    },
  };
}

export default defineConfig({
  root: `${repoRoot}src/web`,
  plugins: [zodConfigured(), firstScreenMessages(), react(), precompress()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    // Every page is its own chunk, loaded when its route is first matched (src/web/app/router.tsx,
    // decision 013). The entry chunk holds i18next and Mantine's core (~110 kB minified, ~36 kB gzip);
    // the router, React Query and the route table are the `app` chunk, which main.tsx loads after the
    // sign-in screen shows (or at once on any other address); messages, zod, notices, dialogs and the
    // signed-in layout come later (decision 026). The largest chunk, the chart library (recharts), is
    // under Vite's 500 kB warning.
    rollupOptions: {
      // Two pages: the staff app, and the beneficiaries' portal (/p/<slug>), which shares none of the
      // staff app's code (its own small entry, no Mantine; budget: 150 kB of gzip JavaScript to sign in).
      input: {
        index: `${repoRoot}src/web/index.html`,
        portal: `${repoRoot}src/web/portal.html`,
      },
      output: {
        // Every icon a page uses would otherwise be a file of its own (~40 files of ~300 bytes): all the
        // icons go into one chunk instead (~28 kB, ~7 kB gzip), fetched with the first signed-in page; the
        // few of the screens before signing in stay out of it (`firstScreenIcons`).
        // React (with Rollup's CommonJS helpers), the fonts' stylesheets, and the few pure helpers of
        // src/shared the portal uses (with Vite's preload helper) are chunks of their own: both pages load
        // them. Each portal screen loaded later is its own chunk too. So no file the portal loads holds
        // staff code, nor one of the staff app's portal code (tests/e2e/portal.e2e.ts checks it).
        // Small chunks are not merged (Rollup's experimentalMinChunkSize): Rollup merged them into the
        // entry, which every page loads, and so put pages' code and the texts of both languages in the
        // first download (~200 files instead of ~90; served over HTTP/2, precompressed; decision 026).
        manualChunks: (id) => {
          if (id.includes('/node_modules/@tabler/icons-react/') && !firstScreenIcons.test(id)) return 'icons';
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
