// The hash of what the web build reads, recorded in dist/.web-build.json by whatever builds dist/web
// (`npm start` through build-web.mjs, the browser tests' set-up), so `npm start` knows the build is current.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const webBuildRecord = path.join(repoRoot, 'dist', '.web-build.json');
const sources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];

/** The files the web build reads, in a stable order. */
function files(p) {
  const full = path.join(repoRoot, p);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [p];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((entry) => files(path.join(p, entry)));
}

export function webSourceHash() {
  const hash = crypto.createHash('sha256');
  for (const file of sources.flatMap(files)) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(repoRoot, file)));
  }
  return hash.digest('hex');
}

export function recordWebBuild(sourceHash) {
  fs.mkdirSync(path.dirname(webBuildRecord), { recursive: true });
  fs.writeFileSync(webBuildRecord, `${JSON.stringify({ sourceHash })}\n`);
}

export function recordedWebBuild() {
  return fs.existsSync(webBuildRecord)
    ? JSON.parse(fs.readFileSync(webBuildRecord, 'utf8')).sourceHash
    : null;
}
