/**
 * The batch at a glance: `--summary` per rule and per body, `--summary-file` as JSON, and
 * `--format csv` read back by a real CSV parser (Python's csv module, as a spreadsheet would read it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FIXTURES } from '../unit/helpers';
import { noStack, runCli, scratch } from '../unit/cli-helpers';

const CORPUS = join(FIXTURES, 'corpus');

function batch(): string {
  const dir = scratch();
  copyFileSync(join(CORPUS, 'hongze_2024.txt'), join(dir, '洪泽区2024.txt'));
  copyFileSync(join(CORPUS, 'huaian_2024.txt'), join(dir, '淮安市2024.txt'));
  copyFileSync(join(FIXTURES, 'reports', '001_b4cf58a1ae5d2f01.txt'), join(dir, '寒葱沟镇2021.txt'));
  // A county government that signs its report after 3月31日 of the next year.
  const late = readFileSync(join(CORPUS, 'hongze_2024.txt'), 'utf8').trimEnd() + '\n\n淮安市洪泽区人民政府\n2025年4月10日\n';
  writeFileSync(join(dir, '洪泽区2024（补发）.txt'), late);
  return dir;
}

const python = spawnSync('python3', ['--version']).status === 0;

describe('the batch at a glance', () => {
  it('--format csv is the per-body table in UTF-8 with a BOM, with 纠错率 only from 30 decided cases and timeliness against 第四十九条', { skip: python ? false : 'python3 not installed' }, () => {
    const dir = batch();
    const r = runCli(['check', '--format', 'csv', '--no-cross-report', '--output', '汇总.csv', '.'], { cwd: dir });
    noStack(r.err);
    const bytes = readFileSync(join(dir, '汇总.csv'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so that Excel and WPS read it as UTF-8');
    const read = spawnSync('python3', ['-c', 'import csv,json,sys; print(json.dumps(list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))))', join(dir, '汇总.csv')], { encoding: 'utf8' });
    assert.equal(read.status, 0, read.stderr);
    const rows = JSON.parse(read.stdout) as Record<string, string>[];
    assert.equal(rows.length, 4);
    const by = (file: string) => rows.find((x) => x['文件'].endsWith(file))!;
    const huaian = by('淮安市2024.txt');
    assert.equal(huaian['机关'], '淮安市人民政府');
    assert.equal(huaian['本年新收'], '3119');
    assert.equal(huaian['行政复议'], '351');
    assert.equal(huaian['行政复议纠正'], '64');
    assert.match(huaian['行政复议纠错率'], /^\d+(\.\d)?%$/);
    assert.match(huaian['行政诉讼纠错率'], /^\d+(\.\d)?%$/);
    const hongze = by('洪泽区2024.txt');
    assert.equal(hongze['行政复议纠错率'], '样本不足', 'two cases are too few for a rate');
    assert.equal(hongze['法定期限'], '2025-03-31');
    const late = by('洪泽区2024（补发）.txt');
    assert.equal(late['发布日期'], '2025-04-10');
    assert.equal(late['及时性'], '逾期 10 天');
    const town = by('寒葱沟镇2021.txt');
    assert.equal(town['级别'], '乡镇政府');
    assert.equal(town['及时性'], '—', 'the statute sets no deadline for 乡镇');
    // The output may be written again: it is recognised as an earlier output.
    const again = runCli(['check', '--format', 'csv', '--no-cross-report', '--output', '汇总.csv', '.'], { cwd: dir });
    assert.doesNotMatch(again.err, /不覆盖/);
  });

  it('--summary prints per rule and per body; --summary-file writes the same as JSON', () => {
    const dir = batch();
    const r = runCli(['check', '--no-cross-report', '--summary', '--summary-file', join(dir, 'summary.json'), '洪泽区2024.txt', '淮安市2024.txt'], { cwd: dir });
    noStack(r.err);
    assert.match(r.out, /按规则汇总/);
    assert.match(r.out, /格式版本（format-version）\s+2 \/ 1 \/ 1：1 0 0 0/);
    assert.match(r.out, /按机关汇总[\s\S]*淮安市人民政府\t市级政府\t2024\t有警告/);
    const s = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    const fv = s.rules.find((x: { rule: string }) => x.rule === 'format-version');
    assert.deepEqual({ checked: fv.checked, failing: fv.failing, findings: fv.findings }, { checked: 2, failing: 1, findings: 1 });
    assert.equal(s.bodies.length, 2);
    assert.equal(s.bodies[1].agency, '淮安市人民政府');
    assert.equal(s.bodies[1].reviewRate.percent !== null, true);
  });
});
