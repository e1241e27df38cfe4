/** Running the built CLI as a user does, and scratch folders for its tests. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { FIXTURES, ROOT } from './helpers';

export const CLI = join(ROOT, 'dist', 'cli.js');

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: options.cwd, env: { ...process.env, OGI_REPORT_LOCALE: '', ...options.env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export const seedPath = (n: string) => join(FIXTURES, 'reports', n);
export const SEED001 = seedPath('001_b4cf58a1ae5d2f01.txt'); // no errors
export const SEED002 = seedPath('002_1a82f41e62f68c0a.txt'); // section-numbering error at 403:1, fixable
export const scratch = () => mkdtempSync(join(tmpdir(), 'ogi-cli-'));
export const noStack = (s: string) => assert.doesNotMatch(s, /\n\s+at |Error:.*\n.*at |node:internal/);
