#!/usr/bin/env node
// `npm start` builds the web app only when it is missing or older than its sources, so a second start
// is ready in about a second instead of waiting for Vite. `npm run build` always builds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist', 'web', 'index.html');
const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'].map((p) =>
  path.join(root, p),
);

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) latest = Math.max(latest, newest(path.join(p, entry)));
  return latest;
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
if (builtAt > 0 && Math.max(...sources.map(newest)) <= builtAt) process.exit(0);
console.log(builtAt ? 'web app sources changed: building it again' : 'building the web app (first start)');
const vite = path.join(root, 'node_modules', '.bin', 'vite');
const run = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
