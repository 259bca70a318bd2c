// The JavaScript a page downloads before it can be used: the page's own script and every chunk it
// imports statically (or preloads), followed through the built files; dynamic import() is not followed.
// Sizes as the browser receives them with gzip (the .gz files the build writes beside each script,
// vite.config.ts; compressed here when a file is too small to have one). The portal's sign-in screen
// must stay under 150 kB (issue 11).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const portalFirstPageBudgetBytes = 150 * 1024;
/** The staff sign-in page's budget (issue 15): the same 150 kB of gzip JavaScript. */
export const staffFirstPageBudgetBytes = 150 * 1024;

export interface FirstPageJs {
  /** What was measured. */
  name: string;
  /** The HTML page measured (index.html, portal.html). */
  page: string;
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
}

/** Static imports of a built ES module: `import … from "./x.js"`, `import "./x.js"`, `export … from`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** Modules loaded later: `import("./x.js")`, and the file lists of Vite's preload helper. */
function dynamicImports(code: string): string[] {
  const found = [...code.matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)].map((m) => m[1]!);
  // Vite lists a lazy chunk's dependencies as "assets/x.js" paths (relative to the site root).
  for (const m of code.matchAll(/["'](assets\/[^"']+\.js)["']/g)) found.push(`/${m[1]!}`);
  return found;
}

function gzipSize(file: string, data: Buffer): number {
  const gz = `${file}.gz`;
  return fs.existsSync(gz) ? fs.statSync(gz).size : zlib.gzipSync(data, { level: 9 }).length;
}

function walk(
  webRoot: string,
  page: string,
  followDynamic: boolean,
  lazy: RegExp[] = [],
): FirstPageJs['files'] {
  const html = fs.readFileSync(path.join(webRoot, page), 'utf8');
  const start = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  const assets = fs.existsSync(path.join(webRoot, 'assets'))
    ? fs.readdirSync(path.join(webRoot, 'assets'))
    : [];
  for (const pattern of lazy) {
    for (const name of assets) if (name.endsWith('.js') && pattern.test(name)) start.push(`/assets/${name}`);
  }
  const seen = new Set<string>();
  const queue = start.map((url) => path.join(webRoot, url.replace(/^\//, '')));
  const files: FirstPageJs['files'] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const data = fs.readFileSync(file);
    files.push({ file: path.relative(webRoot, file), bytes: data.length, gzipBytes: gzipSize(file, data) });
    const code = data.toString('utf8');
    for (const spec of staticImports(code)) queue.push(path.resolve(path.dirname(file), spec));
    if (!followDynamic) continue;
    for (const spec of dynamicImports(code)) {
      queue.push(
        spec.startsWith('/') ? path.join(webRoot, spec.slice(1)) : path.resolve(path.dirname(file), spec),
      );
    }
  }
  return files;
}

/** Every script a page may ever load (its lazy screens included), relative to the web root. */
export function allScriptsOf(webRoot: string, page: string): string[] {
  return walk(webRoot, page, true).map((f) => f.file);
}

/**
 * `lazy`: the lazily loaded chunks the screen needs as well (the staff sign-in page's own chunk,
 * `sign-in-page-*.js`), followed the same way.
 */
export function measureFirstPageJs(webRoot: string, page: string, lazy: RegExp[] = []): FirstPageJs {
  const files = walk(webRoot, page, false, lazy);
  return {
    name: page,
    page,
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The Markdown lines of the bench report: each page's first download, gzip and as built. */
export function renderFirstPageJs(pages: FirstPageJs[]): string {
  const lines = [
    "**JavaScript before the first screen** (the page's script and its static imports, as built; gzip as sent)",
    '',
    '| page | files | gzip | as built | budget |',
    '|---|--:|--:|--:|---|',
  ];
  for (const p of pages) {
    const limit = p.page === 'portal.html' ? portalFirstPageBudgetBytes : staffFirstPageBudgetBytes;
    const budget = `${kb(limit)} — ${p.gzipBytes <= limit ? 'met' : '**exceeded**'}`;
    lines.push(`| ${p.name} | ${p.files.length} | ${kb(p.gzipBytes)} | ${kb(p.bytes)} | ${budget} |`);
  }
  return lines.join('\n');
}

/**
 * The two sign-in screens, as built in `webRoot`. The staff page also needs, fetched by its entry before
 * it shows: its own chunk (`sign-in-page-*.js`, loaded by the router) and the Arabic texts of the first
 * screen (`first-screen.ar-*.js`, loaded by src/web/i18n/index.ts; decision 026).
 */
export function measureSignInPages(webRoot: string): FirstPageJs[] {
  return [
    { ...measureFirstPageJs(webRoot, 'portal.html'), name: 'portal sign-in (/p/<slug>)' },
    {
      ...measureFirstPageJs(webRoot, 'index.html', [/^sign-in-page-/, /^first-screen\.ar-/]),
      name: 'staff sign-in (/sign-in)',
    },
  ];
}
