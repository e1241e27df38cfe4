/** The CLI's batch as a cross-report workspace, run as a user runs it (test/unit/workspace.test.ts has the index in process). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES, ROOT } from '../unit/helpers';
import { jsonFiles } from '../helpers/cli-json';

describe('CLI batch', () => {
  it('`check` indexes every file it is given and the region manifest beside them; JSON names the related files', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ogi-ws-'));
    const src = join(FIXTURES, 'rules', 'carry-over');
    copyFileSync(join(src, 'invalid-natural-differs.txt'), join(tmp, 'now.txt'));
    copyFileSync(join(src, 'invalid-natural-differs', '清河镇2022年报告.txt'), join(tmp, 'last.txt'));
    writeFileSync(join(tmp, 'ogi-report.region.json'), '{"parent": "清河镇人民政府", "children": ["清河镇卫生院"]}');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', join(tmp, 'now.txt'), join(tmp, 'last.txt')], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    const out = jsonFiles<{ file: string; related: string[]; diagnostics: { code: string; message: string }[] }>(r.stdout);
    assert.deepEqual(out[0].related, [join(tmp, 'last.txt')]);
    assert.deepEqual(out[1].related, []);
    assert.ok(out[0].diagnostics.some((d) => d.code === 'carry-over' && /last\.txt/.test(d.message)));
    assert.ok(out[0].diagnostics.some((d) => d.code === 'rollup-total' && /清河镇卫生院/.test(d.message)), 'the manifest beside the files is read');
    const alone = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', join(tmp, 'now.txt')], { encoding: 'utf8' });
    assert.ok(!(jsonFiles(alone.stdout) as typeof out)[0].diagnostics.some((d) => d.code === 'carry-over'), 'last year not given: not compared');
    const off = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--no-cross-report', '--format', 'json', join(tmp, 'now.txt'), join(tmp, 'last.txt')], { encoding: 'utf8' });
    const offOut = jsonFiles(off.stdout) as typeof out;
    assert.ok(!offOut[0].diagnostics.some((d) => d.code === 'carry-over' || d.code === 'rollup-total'), '--no-cross-report: each file alone');
    assert.deepEqual(offOut[0].related, []);
  });

  it('with --fix, a report is compared with last year\'s as it was when the run began, not as its fix left it', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'ogi-ws-'));
    const src = join(FIXTURES, 'workspace', 'three-years');
    const name = (y: number) => `清河镇${y}年政府信息公开工作年度报告.txt`;
    // Last year's carry-over total is mistyped (8 for 7): --fix recomputes it, but this year's 上年结转 (7)
    // still differs from what last year's report said when the run began.
    writeFileSync(join(tmp, name(2022)), readFileSync(join(src, name(2022)), 'utf8').replace('四、结转下年度继续办理\t6\t1\t0\t0\t0\t0\t7', '四、结转下年度继续办理\t6\t1\t0\t0\t0\t0\t8'));
    copyFileSync(join(src, name(2023)), join(tmp, name(2023)));
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--fix', '--jobs', '1', '--format', 'json', join(tmp, name(2022)), join(tmp, name(2023))], { encoding: 'utf8' });
    const out = jsonFiles<{ file: string; diagnostics: { code: string }[] }>(r.stdout);
    assert.match(readFileSync(join(tmp, name(2022)), 'utf8'), /四、结转下年度继续办理\t6\t1\t0\t0\t0\t0\t7/, 'last year\'s total was fixed');
    assert.ok(out[1].diagnostics.some((d) => d.code === 'carry-over'), JSON.stringify(out[1].diagnostics.map((d) => d.code)));
  });
});
