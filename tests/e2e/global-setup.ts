import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Browser journeys run against the built web app, as `npm start` serves it: dist/web, or the folder in
// WEB_ROOT (so two runs side by side do not rebuild each other's files; the servers they start read it too).
export default async function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  if (!fs.existsSync('/usr/bin/chromium')) {
    throw new Error('Chromium is missing: install it with `sudo apt-get install -y chromium`');
  }
  const { recordWebBuild, webSourceHash } = await import('../../scripts/builds.mjs');
  const hash: string = webSourceHash();
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      ...(process.env.WEB_ROOT ? ['--outDir', path.resolve(process.env.WEB_ROOT)] : []),
    ],
    {
      cwd: root,
      stdio: 'inherit',
      // Vitest runs with NODE_ENV=test, which Vite would build into the pages (React's development
      // build, effects run twice): the journeys test the production build, as `npm start` serves it.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  // The default folder is the one `npm start` serves: record which sources it was built from, so the next
  // start does not build it again (scripts/builds.mjs).
  if (!process.env.WEB_ROOT) recordWebBuild(hash);
}
