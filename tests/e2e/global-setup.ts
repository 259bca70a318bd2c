import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// Browser journeys run against the built web app, as `npm start` serves it.
export default function setup() {
  const root = path.resolve(import.meta.dirname, '../..');
  if (!fs.existsSync('/usr/bin/chromium')) {
    throw new Error('Chromium is missing: install it with `sudo apt-get install -y chromium`');
  }
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}
