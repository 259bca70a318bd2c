// The two builds `npm start` needs — the web app (Vite) and the server bundle (esbuild) — each made only
// when the hash of its sources differs from the one recorded in dist/ at its last build. The browser
// tests' set-up records the web build it makes too. A `git checkout` of older files rebuilds; touching a
// file without changing it does not.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
const webBuildRecord = path.join(repoRoot, 'dist', '.web-build.json');
const serverBuildRecord = path.join(repoRoot, 'dist', '.server-build.json');
export const serverBundle = path.join(repoRoot, 'dist', 'server', 'main.js');
const webSources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];
const serverSources = [
  'src/server',
  'src/shared',
  'package-lock.json',
  'tsconfig.json',
  'scripts/builds.mjs',
];
const bin = (name) => path.join(repoRoot, 'node_modules', '.bin', name);

/** The files under `p`, in a stable order; tests are part of no build. */
function files(p) {
  const full = path.join(repoRoot, p);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return /\.test\.tsx?$/.test(p) ? [] : [p];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((entry) => files(path.join(p, entry)));
}

function hashOf(sources) {
  const hash = crypto.createHash('sha256');
  for (const file of sources.flatMap(files)) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(repoRoot, file)));
  }
  return hash.digest('hex');
}

function record(file, sourceHash) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ sourceHash })}\n`);
}

const recorded = (file) =>
  fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).sourceHash : null;

export const webSourceHash = () => hashOf(webSources);
export const recordWebBuild = (sourceHash) => record(webBuildRecord, sourceHash);

/** Runs `command` when `output` is missing or its sources changed; exits the process if it fails. */
function buildIfChanged({ what, output, file, sourceHash, command, args }) {
  if (fs.existsSync(output) && recorded(file) === sourceHash) return;
  console.log(
    fs.existsSync(output) ? `${what} changed: building it again` : `building ${what} (first start)`,
  );
  const run = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  record(file, sourceHash);
}

export function ensureWebBuild() {
  buildIfChanged({
    what: 'the web app',
    output: path.join(repoRoot, 'dist', 'web', 'index.html'),
    file: webBuildRecord,
    sourceHash: webSourceHash(),
    command: bin('vite'),
    args: ['build', '--logLevel', 'warn'],
  });
}

/** The server as one ES module (packages stay in node_modules): no TypeScript compiled at each start. */
export function ensureServerBuild() {
  buildIfChanged({
    what: 'the server',
    output: serverBundle,
    file: serverBuildRecord,
    sourceHash: hashOf(serverSources),
    command: bin('esbuild'),
    args: [
      'src/server/main.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      '--sourcemap',
      '--log-level=warning',
      `--outfile=${serverBundle}`,
    ],
  });
}
