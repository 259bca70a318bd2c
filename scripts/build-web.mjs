#!/usr/bin/env node
// `npm start` builds the web app only when it is missing or its sources changed since it was built, so a
// second start does not wait for Vite (issue 15: ready in under 3 s). "Changed" is decided by a hash of the
// sources' contents (scripts/web-source-hash.mjs), recorded after each build: a `git checkout` of older
// files rebuilds, touching a file without changing it does not. `npm run build` always builds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { recordedWebBuild, recordWebBuild, repoRoot, webSourceHash } from './web-source-hash.mjs';

const built = path.join(repoRoot, 'dist', 'web', 'index.html');
const hash = webSourceHash();
if (fs.existsSync(built) && recordedWebBuild() === hash) process.exit(0);
console.log(
  fs.existsSync(built) ? 'web app sources changed: building it again' : 'building the web app (first start)',
);
const vite = path.join(repoRoot, 'node_modules', '.bin', 'vite');
const run = spawnSync(vite, ['build', '--logLevel', 'warn'], { cwd: repoRoot, stdio: 'inherit' });
if (run.status === 0) recordWebBuild(hash);
process.exit(run.status ?? 1);
