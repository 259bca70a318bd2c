#!/usr/bin/env node
// `npm test` (= `npm run validate`): lint, typecheck, dependency direction, then the unit,
// integration and browser tests in one Vitest run. Ends with one line: `N passed, N failed`.
// Extra arguments go to Vitest (e.g. `npm test -- --project unit`); static checks then are skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const vitestArgs = process.argv.slice(2);

// The browser tests run Debian's Chromium and the PDF tests read text with poppler's pdftotext. As root
// with apt (CI, a fresh machine) we install them; otherwise we say the one command to run. The path is
// an environment variable only so that this branch can be tried on a machine that has Chromium.
const chromium = process.env.WASL_TEST_CHROMIUM_PATH || '/usr/bin/chromium';
const pdftotext = '/usr/bin/pdftotext';
const packagesMissing = () => !fs.existsSync(chromium) || !fs.existsSync(pdftotext);
const installCommand = 'apt-get update && apt-get install -y chromium poppler-utils';
if (packagesMissing() && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
  console.log(`Chromium or pdftotext is missing for the tests: installing them (${installCommand})`);
  spawnSync('sh', ['-c', installCommand], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
if (packagesMissing()) {
  console.error(
    `Chromium or pdftotext is missing for the tests: run \`sudo sh -c '${installCommand}'\`, then \`npm test\` again.`,
  );
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

let passed = 0;
let failed = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status === 0) passed += 1;
  else {
    failed += 1;
    console.log(`✘ ${name} failed`);
  }
}

if (vitestArgs.length === 0) {
  step('lint and format (biome)', bin('biome'), ['ci', '.']);
  step('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', '.']);
  step('dependency direction (dependency-cruiser)', bin('depcruise'), [
    'src',
    '--config',
    '.dependency-cruiser.cjs',
  ]);
}

fs.mkdirSync(path.join(root, '.tmp'), { recursive: true });
const report = path.join(root, '.tmp', 'vitest-report.json');
fs.rmSync(report, { force: true });
console.log('\n▶ tests (vitest: unit, integration, e2e)');
const run = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...vitestArgs],
  { cwd: root, stdio: 'inherit' },
);
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A test file that fails before its tests run (import error, failed setup) counts as one failure.
  const brokenFiles = json.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  failed += brokenFiles;
  if (json.numTotalTests === 0) failed += 1;
  // The names of what failed, just above the last line (CI logs are often read from the end).
  const failures = json.testResults.flatMap((f) => {
    const file = path.relative(root, f.name);
    const tests = f.assertionResults.filter((t) => t.status === 'failed');
    if (f.status === 'failed' && tests.length === 0) return [`${file} (the file failed before its tests)`];
    return tests.map((t) => `${file} › ${t.fullName}`);
  });
  if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  ✘ ${f}`).join('\n')}`);
} else {
  failed += 1;
}
if (run.status !== 0 && failed === 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
