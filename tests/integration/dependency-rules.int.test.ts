/**
 * The dependency direction is enforced, not only written down: `npm run check:deps` (dependency-cruiser
 * with the project's rules) fails on the imports STYLE.md forbids. Each case builds a tiny source tree in
 * a temporary folder and runs the real check on it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');
const config = path.join(root, '.dependency-cruiser.cjs');
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
});

function check(files: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-deps-'));
  folders.push(dir);
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
  );
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const run = spawnSync(depcruise, ['src', '--config', config], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('dependency rules', () => {
  it('fails on an import from src/server/platform into src/server/modules', () => {
    const result = check({
      'src/server/modules/users/users.tables.ts': 'export const users = 1;\n',
      'src/server/platform/auth/sessions.ts':
        "import { users } from '../../modules/users/users.tables';\nexport const s = users;\n",
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('platform-never-imports-modules');
  });

  it("fails when a module reaches into another module's repository instead of its service", () => {
    const result = check({
      'src/server/modules/services/services.repository.ts': 'export const findService = () => 1;\n',
      'src/server/modules/requests/requests.service.ts':
        "import { findService } from '../services/services.repository';\nexport const r = findService;\n",
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('modules-use-each-other-through-services');
  });

  it('passes a module that uses another through its service, and a repository joining its tables', () => {
    const result = check({
      'src/server/modules/services/services.service.ts': 'export const loadService = () => 1;\n',
      'src/server/modules/services/services.tables.ts': 'export const services = 1;\n',
      'src/server/modules/requests/requests.service.ts':
        "import { loadService } from '../services/services.service';\nexport const r = loadService;\n",
      'src/server/modules/requests/requests.repository.ts':
        "import { services } from '../services/services.tables';\nexport const q = services;\n",
    });
    expect(result.output).not.toContain('error');
    expect(result.status).toBe(0);
  });
});
