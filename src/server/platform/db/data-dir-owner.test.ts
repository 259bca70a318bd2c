import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, takeOwnership } from './data-dir-owner';

// Processes that certainly exist or certainly do not, without starting any.
const liveOtherPid = process.ppid;
const deadPid = 2 ** 22 + 17; // above Linux's pid_max

const quiet = { warn() {} };
const dirs: string[] = [];
const dataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-owner-'));
  dirs.push(dir);
  return dir;
};
const lockOf = (dir: string) => path.join(dir, 'embedded-postgres.owner');
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ownership of a DATA_DIR', () => {
  it('takes a free folder, writing this process’s pid', () => {
    const dir = dataDir();
    expect(takeOwnership(dir, quiet)).toBe(lockOf(dir));
    expect(fs.readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
    expect(fs.readdirSync(dir)).toEqual(['embedded-postgres.owner']); // no temporary file left
  });

  it('refuses while another live process owns it, naming the folder and that pid', () => {
    const dir = dataDir();
    fs.writeFileSync(lockOf(dir), `${liveOtherPid}\n`);
    const refusal = (() => {
      try {
        takeOwnership(dir, quiet);
      } catch (err) {
        return err;
      }
    })();
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    expect((refusal as Error).message).toContain(`DATA_DIR ${dir} is in use`);
    expect((refusal as Error).message).toContain(`pid ${liveOtherPid}`);
    expect((refusal as Error).message).toContain('DATABASE_URL');
    expect((refusal as Error).stack).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(lockOf(dir), 'utf8')).toBe(`${liveOtherPid}\n`);
  });

  it('takes over from an owner that is gone (kill -9)', () => {
    const dir = dataDir();
    fs.writeFileSync(lockOf(dir), `${deadPid}\n123\n`);
    takeOwnership(dir, quiet);
    expect(fs.readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
  });

  it.runIf(os.platform() === 'linux')(
    'takes over when the pid now belongs to a later process (after a reboot)',
    () => {
      const dir = dataDir();
      fs.writeFileSync(lockOf(dir), `${liveOtherPid}\n1\n`); // started one tick after boot: not that process
      takeOwnership(dir, quiet);
      expect(fs.readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
    },
  );

  it('takes over an empty or unreadable lock', () => {
    const dir = dataDir();
    fs.writeFileSync(lockOf(dir), '');
    takeOwnership(dir, quiet);
    expect(fs.readFileSync(lockOf(dir), 'utf8').split('\n')[0]).toBe(String(process.pid));
  });
});
