/**
 * The workspace is pure: the front end reads files and hands texts down. An analysis reads no file and
 * calls no reader (the count of a reader owned by the test stays 0 while it runs), it says which other
 * reports it read (`Analysis.reads`), and the CLI's batch reads last year's report at most once per check.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { contentHash, createIndex, findReport, indexFile, reportsNeeded } from '../../server/src/workspace';
import { checkFile, setBatch } from '../../server/src/cli/check';
import { FIXTURES } from './helpers';

const YEARS = join(FIXTURES, 'workspace', 'three-years');
const REGION = join(FIXTURES, 'workspace', 'region');
const name = (y: number) => join(YEARS, `清河镇${y}年政府信息公开工作年度报告.txt`);

/** A reader over files on disk (with optional replacements) that counts its calls per path. */
function countingReader(replace: Record<string, string> = {}) {
  const calls = new Map<string, number>();
  const read = (path: string): string | null => {
    calls.set(path, (calls.get(path) ?? 0) + 1);
    if (path in replace) return replace[path];
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  };
  const total = () => [...calls.values()].reduce((a, b) => a + b, 0);
  return { read, calls, total };
}

describe('a workspace of texts handed down', () => {
  // Last year's 结转 is off by 2, so this year's 上年结转 differs: carry-over needs last year's text.
  const edited = readFileSync(name(2023), 'utf8').replace(/^(四、结转下年度继续办理\t)(\d+)/m, (_, a, n) => a + (Number(n) + 2));
  const reader = countingReader({ [name(2023)]: edited });
  const paths = [name(2022), name(2023), name(2024)];

  it('an analysis calls no reader: the front end reads what `reportsNeeded` names, and the count during the analysis is 0', () => {
    const index = createIndex();
    for (const p of paths) indexFile(index, p, reader.read(p)!, { keepText: false });
    assert.ok([...index.reports.values()].every((e) => e.text === undefined), 'the index keeps no text when told not to');
    const self = index.reports.get(name(2024))!;
    const needed = reportsNeeded(index, name(2024), self);
    assert.deepEqual(needed, [name(2023)]);
    const texts = new Map(needed.map((p) => [p, reader.read(p)!]));
    const text = reader.read(name(2024))!;
    const before = reader.total();
    const a = analyze(text, { workspace: { index, path: name(2024), texts } });
    assert.equal(reader.total() - before, 0, 'no reads during the analysis');
    assert.equal(a.diagnostics.filter((d) => d.code === 'carry-over').length, 1, 'last year\'s text reached the rule');
    assert.deepEqual(a.reads, [name(2023)]);
  });

  it('without the texts handed down, the cross-report rules are silent and nothing is read', () => {
    const index = createIndex();
    for (const p of paths) indexFile(index, p, reader.read(p)!, { keepText: false });
    const a = analyze(reader.read(name(2024))!, { workspace: { index, path: name(2024) } });
    assert.deepEqual(a.diagnostics.filter((d) => d.code === 'carry-over'), []);
    assert.deepEqual(a.reads, []);
  });

  it('`reads` names a region\'s children, and nothing when the cross-report rules are off', () => {
    const files = ['淮河县2024年政府信息公开工作年度报告.txt', '淮河县人力资源和社会保障局2024年政府信息公开工作年度报告.txt',
      '淮河县卫生健康委员会2024年政府信息公开工作年度报告.txt', '淮河县教育局2024年政府信息公开工作年度报告.txt', 'ogi-report.region.json'].map((f) => join(REGION, f));
    const index = createIndex();
    for (const p of files) indexFile(index, p, readFileSync(p, 'utf8'));
    const a = analyze(readFileSync(files[0], 'utf8'), { workspace: { index, path: files[0] } });
    assert.deepEqual([...a.reads].sort(), files.slice(1, 4).sort());
    const off = analyze(readFileSync(files[0], 'utf8'), { workspace: { index, path: files[0] }, rules: { 'rollup-total': 'off' } });
    assert.deepEqual(off.reads, []);
  });
});

describe('copies of one report', () => {
  it('a copy saved with CRLF line ends and trailing spaces has the same hash, and is not a second candidate', () => {
    const text = readFileSync(name(2023), 'utf8');
    const crlf = '\uFEFF' + text.split('\n').map((l) => l + '  ').join('\r\n') + '\r\n\r\n';
    assert.equal(contentHash(crlf), contentHash(text));
    assert.notEqual(contentHash(text.replace('清河镇', '河清镇')), contentHash(text));
    const index = createIndex();
    indexFile(index, '/ws/b.txt', crlf);
    indexFile(index, '/ws/a.txt', text);
    const found = findReport(index, '清河镇人民政府', 2023);
    assert.equal(found.kind, 'found');
    assert.equal(found.kind === 'found' && found.entry.path, '/ws/a.txt', 'the first copy by path stands for all');
  });
});

describe('the CLI batch', () => {
  it('reads last year\'s report at most once per check, and not at all when it checks a copy of the same body again', async () => {
    const reader = countingReader();
    setBatch([name(2022), name(2023), name(2024)], { read: reader.read });
    try {
      const opts = { fix: false, analyze: {}, context: false, locale: 'zh-cn' as const };
      const first = await checkFile(name(2024), 'text', opts);
      assert.deepEqual(first.related, [name(2023)]);
      const indexed = reader.calls.get(name(2023))!;
      assert.ok(indexed <= 2, `indexing and the first check read last year's ${indexed} times`);
      await checkFile(name(2024), 'text', opts);
      assert.equal(reader.calls.get(name(2023)), indexed, 'the second check of the same body reads nothing again');
    } finally {
      setBatch([]);
    }
  });
});
