/**
 * The user dictionary through the command line: the configuration file's top-level `dictionary` reaches
 * the proofreading rules on the worker threads (allow silences a word, replace adds a pair), --fix writes
 * the pair's right form, and a bad dictionary is reported on stderr without stopping the check.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, readFixture } from '../unit/helpers';
import { jsonFiles } from '../helpers/cli-json';

const CLI = join(ROOT, 'dist', 'cli.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const report = readFixture('rules', 'look-alike', 'invalid-look-alike.txt').replace('清河镇认真', '清河镇财政全融局认真');

function folder(dictionary: unknown): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-proof-'));
  writeFileSync(join(dir, 'ogi-report.config.json'), JSON.stringify({ dictionary }));
  const file = join(dir, '报告.txt');
  writeFileSync(file, report);
  return { dir, file };
}

const lookAlike = (out: string) => jsonFiles<{ diagnostics: { code: string; message: string }[] }>(out)[0].diagnostics
  .filter((d) => d.code === 'look-alike').map((d) => d.message);

describe('proofreading dictionary on the command line', () => {
  it('allow silences a word and replace adds a pair', () => {
    const plain = folder({});
    const before = lookAlike(run(['check', '--format', 'json', plain.file]).out);
    assert.ok(before.some((m) => m.includes('杜会')));
    assert.ok(!before.some((m) => m.includes('财政全融局')));
    const { file } = folder({ allow: ['杜会'], replace: { 财政全融局: '财政金融局' } });
    const after = lookAlike(run(['check', '--format', 'json', file]).out);
    assert.ok(!after.some((m) => m.includes('杜会')));
    assert.ok(after.some((m) => m.includes('“财政全融局”应为“财政金融局”')));
    assert.equal(after.length, before.length);
  });

  it('--fix writes the right form of a dictionary pair', () => {
    const { file } = folder({ replace: { 财政全融局: '财政金融局' } });
    run(['check', '--fix', file]);
    const fixed = readFileSync(file, 'utf8');
    assert.ok(fixed.includes('清河镇财政金融局认真'));
    assert.ok(fixed.includes('已经按期完成'));
  });

  it('a bad dictionary is named on stderr and the check goes on', () => {
    const { file } = folder({ allow: [1] });
    const r = run(['check', '--format', 'json', file]);
    assert.match(r.err, /dictionary\.allow/);
    assert.ok(lookAlike(r.out).length > 0);
  });
});
