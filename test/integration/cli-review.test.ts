/**
 * Supervisors' review across runs: stable fingerprints (inserted lines, CRLF, GB18030, and the text,
 * Word, PDF and web-page forms of one report), the `--review` ledger (dismissed findings listed with
 * their reason but not counted, resolved entries) and `--baseline` (new / unchanged / absent).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { strToU8, zipSync } from 'fflate';
import { encodeText } from '../../server/src/sources/decode';
import { FIXTURES } from '../unit/helpers';
import { validateSarif } from '../helpers/sarif';
import { noStack, runCli, scratch } from '../unit/cli-helpers';
import { jsonFiles } from '../helpers/cli-json';

const CORPUS = join(FIXTURES, 'corpus');
const HONGZE = join(CORPUS, 'hongze_2024.txt');

interface JsonDiag { code: string; line: number; message: string; fingerprint: string; review?: { status: string; reason?: string; reviewer?: string }; baseline?: string }
interface JsonFile { file: string; status: string; identity: string; diagnostics: JsonDiag[]; absent?: { code: string; fingerprint: string; line: number }[]; resolved?: { fingerprint: string }[] }

function json(args: string[], cwd?: string): { files: JsonFile[]; code: number | null; err: string } {
  const r = runCli(['check', '--format', 'json', '--no-cross-report', ...args], { cwd });
  noStack(r.err);
  return { files: jsonFiles(r.out), code: r.code, err: r.err };
}

const prints = (f: JsonFile) => f.diagnostics.map((d) => `${d.code} ${d.fingerprint}`).sort();

/** Findings present in both forms (same rule and message) have the same fingerprint; returns how many. */
function sameInBoth(a: JsonFile, b: JsonFile): number {
  const byB = new Map(b.diagnostics.map((d) => [`${d.code}|${d.message}`, d.fingerprint]));
  let n = 0;
  for (const d of a.diagnostics) {
    const other = byB.get(`${d.code}|${d.message}`);
    if (other === undefined) continue;
    assert.equal(d.fingerprint, other, `${d.code} at ${a.file}:${d.line}: ${d.message}`);
    n++;
  }
  return n;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Word file written from a text report: each line a paragraph, each run of ` | ` rows one table. */
function docxOf(text: string): Uint8Array {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body: string[] = [];
  let rows: string[] = [];
  const flush = () => { if (rows.length) body.push(`<w:tbl>${rows.join('')}</w:tbl>`); rows = []; };
  for (const line of text.split(/\r?\n/)) {
    if (line.includes(' | ')) {
      rows.push(`<w:tr>${line.split(' | ').map((c) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${xml(c.trim())}</w:t></w:r></w:p></w:tc>`).join('')}</w:tr>`);
      continue;
    }
    flush();
    body.push(line.trim() ? `<w:p><w:r><w:t xml:space="preserve">${xml(line)}</w:t></w:r></w:p>` : '<w:p/>');
  }
  flush();
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${body.join('')}</w:body></w:document>`),
  });
}

describe('fingerprints', () => {
  it('do not change when lines are inserted above, or the file is saved with CRLF or in GB18030', () => {
    const dir = scratch();
    const text = readFileSync(HONGZE, 'utf8');
    const lines = text.split('\n');
    // Blank lines after the title and inside 一、总体情况, and a wrapped paragraph.
    const moved = [lines[0], '', '', ...lines.slice(1, 4), '', ...lines.slice(4)].join('\n');
    writeFileSync(join(dir, 'a.txt'), text);
    writeFileSync(join(dir, 'b-moved.txt'), moved);
    writeFileSync(join(dir, 'c-crlf.txt'), text.replace(/\n/g, '\r\n'));
    writeFileSync(join(dir, 'd-gb18030.txt'), encodeText(text, 'gb18030', false));
    const { files } = json([dir]);
    assert.equal(files.length, 4);
    assert.ok(files[0].diagnostics.length >= 2, 'the report has findings to compare');
    assert.notEqual(files[1].diagnostics[0].line, files[0].diagnostics[0].line, 'the lines did move');
    for (const f of files.slice(1)) assert.deepEqual(prints(f), prints(files[0]), f.file);
    assert.match(files[0].diagnostics[0].fingerprint, /^[0-9a-f]{16}:[0-9a-f]{16}$/);
    assert.equal(new Set(files[0].diagnostics.map((d) => d.fingerprint)).size, files[0].diagnostics.length, 'each finding its own');
  });

  it('are equal between the text, Word, PDF and web-page forms of one report for the findings they share', () => {
    const pairs: [string, string][] = [
      [HONGZE, join(CORPUS, 'pdf', 'hongze_2024.pdf')],
      [HONGZE, join(FIXTURES, 'sources', 'hongze_2024.docx')],
      [join(CORPUS, 'huaian_2024.txt'), join(CORPUS, 'pdf', 'huaian_2024.pdf')],
      [join(CORPUS, 'huaian_2024.txt'), join(FIXTURES, 'sources', 'huaian_2024.docx')],
      [join(CORPUS, 'pingtan_2022.txt'), join(CORPUS, 'html', 'pingtan_2022_page.html')],
    ];
    const generated = join(scratch(), '平潭2022.docx');
    writeFileSync(generated, docxOf(readFileSync(join(CORPUS, 'pingtan_2022.txt'), 'utf8')));
    pairs.push([join(CORPUS, 'pingtan_2022.txt'), generated]);
    let shared = 0;
    for (const pair of pairs) {
      const { files } = json(pair);
      assert.equal(files[0].identity, files[1].identity, `${files[0].file} and ${files[1].file} are one report`);
      const n = sameInBoth(files[0], files[1]);
      assert.ok(n >= 1, `${pair[1]}: no finding in both forms`);
      shared += n;
    }
    assert.ok(shared >= 10, `findings compared across forms: ${shared}`);
  });
});

function ledger(entries: object[]): string {
  const dir = scratch();
  const file = join(dir, '审核记录.json');
  writeFileSync(file, JSON.stringify({ version: 'ogiReport/v1', entries }, null, 2));
  return file;
}

describe('--review', () => {
  it('keeps a dismissed finding out of the counts and exit status, and lists it with its reason in every format', () => {
    const first = json([HONGZE]);
    assert.equal(first.code, 1);
    const error = first.files[0].diagnostics.find((d) => d.code === 'format-version')!;
    const warning = first.files[0].diagnostics.find((d) => d.code === 'official-wording')!;
    const review = ledger([
      { fingerprint: error.fingerprint, rule: error.code, file: 'hongze_2024.txt', status: 'dismissed', reason: '表三格式经核实为上级要求', reviewer: '张三', at: '2025-03-01' },
      { fingerprint: warning.fingerprint, rule: warning.code, file: 'hongze_2024.txt', status: 'confirmed', reviewer: '张三' },
    ]);
    const text = runCli(['check', '--no-cross-report', '--review', review, HONGZE]);
    assert.equal(text.code, 0, text.out + text.err);
    assert.doesNotMatch(text.out, /format-version/);
    assert.match(text.out, /0 个错误，1 个警告；另有 1 处已驳回/);
    assert.match(text.out, /\[official-wording\] .*［已确认］/);

    const again = json(['--review', review, HONGZE]);
    assert.equal(again.code, 0);
    const d = again.files[0].diagnostics.find((x) => x.code === 'format-version')!;
    assert.deepEqual(d.review, { status: 'dismissed', reason: '表三格式经核实为上级要求', reviewer: '张三', at: '2025-03-01' });
    assert.equal(again.files[0].diagnostics.find((x) => x.code === 'official-wording')!.review?.status, 'confirmed');
    assert.equal(again.files[0].status, 'warnings');

    const sarif = runCli(['check', '--format', 'sarif', '--no-cross-report', '--review', review, HONGZE]);
    const log = JSON.parse(sarif.out);
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
    const res = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'format-version');
    assert.deepEqual(res.suppressions[0].kind, 'external');
    assert.equal(res.suppressions[0].status, 'accepted');
    assert.equal(res.suppressions[0].justification, '表三格式经核实为上级要求');
    assert.equal(res.fingerprints['ogiReport/v1'], error.fingerprint);
    assert.deepEqual(Object.keys(res.partialFingerprints).sort(), ['ogiReport/place/v1', 'ogiReport/report/v1']);
    const confirmed = log.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'official-wording');
    assert.equal(confirmed.properties.review.status, 'confirmed');

    const junit = runCli(['check', '--format', 'junit', '--no-cross-report', '--review', review, HONGZE]);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(junit.out);
    const cases = [xml.testsuites.testsuite].flat()[0].testcase as { '@_name': string; failure?: unknown; 'system-out'?: string }[];
    const fv = cases.find((c) => c['@_name'] === 'format-version')!;
    assert.equal(fv.failure, undefined, 'a dismissed finding does not fail its test case');
    assert.match(String(fv['system-out']), /已驳回：表三格式经核实为上级要求/);
  });

  it('refuses a dismissal without a reason, reports a gone finding as resolved, and leaves other reports\' entries alone', () => {
    const first = json([HONGZE]);
    const error = first.files[0].diagnostics.find((d) => d.code === 'format-version')!;
    const identity = first.files[0].identity;
    const gone = `${identity}:0123456789abcdef`;
    const elsewhere = 'fedcba9876543210:0123456789abcdef';
    const review = ledger([
      { fingerprint: error.fingerprint, rule: error.code, file: 'hongze_2024.txt', status: 'dismissed', reason: '  ' },
      { fingerprint: gone, rule: 'row-total', file: '旧的副本.txt', status: 'dismissed', reason: '已更正' },
      { fingerprint: elsewhere, rule: 'row-total', file: '别的报告.txt', status: 'confirmed' },
    ]);
    const r = json(['--review', review, HONGZE]);
    assert.equal(r.code, 2, 'an entry that cannot be used fails the run');
    assert.match(r.err, /第 1 条驳回时须写明理由/);
    assert.equal(r.files[0].diagnostics.find((d) => d.code === 'format-version')!.review, undefined);
    assert.deepEqual(r.files[0].resolved?.map((e) => e.fingerprint), [gone]);
    const text = runCli(['check', '--no-cross-report', '--review', review, HONGZE]);
    assert.match(text.out, /审核记录中 1 处问题已不再出现/);
  });

  it('warns once about a ledger written under another fingerprint version', () => {
    const dir = scratch();
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({ version: 'ogiReport/v0', entries: [{ fingerprint: 'abc', status: 'confirmed' }, { fingerprint: 'def', status: 'confirmed' }] }));
    const r = runCli(['check', '--no-cross-report', '--review', file, HONGZE]);
    assert.equal(r.err.match(/另一版本的指纹/g)?.length, 1, r.err);
  });
});

describe('--baseline', () => {
  it('marks findings new or unchanged and lists the absent ones, from an earlier JSON or SARIF output', () => {
    const dir = scratch();
    const report = join(dir, '洪泽区2024.txt');
    const text = readFileSync(HONGZE, 'utf8');
    writeFileSync(report, text);
    const before = runCli(['check', '--format', 'json', '--no-cross-report', report]);
    writeFileSync(join(dir, 'before.json'), before.out);
    const beforeSarif = runCli(['check', '--format', 'sarif', '--no-cross-report', report]);
    writeFileSync(join(dir, 'before.sarif'), beforeSarif.out);
    // Next month: the wording is corrected, a doubled word slips in, and a line is inserted.
    assert.ok(text.includes('其他法律行政止公开'));
    const next = text.replace('其他法律行政止公开', '其他法律行政法规禁止公开').replace('坚持以', '\n坚持坚持以');
    writeFileSync(report, next);

    const r = json(['--baseline', join(dir, 'before.json'), report]);
    const f = r.files[0];
    const unchanged = f.diagnostics.filter((d) => d.baseline === 'unchanged').map((d) => d.code);
    const added = f.diagnostics.filter((d) => d.baseline === 'new').map((d) => d.code);
    assert.deepEqual(unchanged, ['format-version']);
    assert.ok(added.length >= 1, JSON.stringify(f.diagnostics));
    assert.deepEqual(f.absent?.map((a) => a.code), ['official-wording']);
    assert.equal(f.absent?.[0].line, 34, 'its last place');

    const t = runCli(['check', '--no-cross-report', '--baseline', join(dir, 'before.sarif'), report]);
    assert.match(t.out, new RegExp(`新增 ${added.length} 处，已解决 1 处`));
    assert.match(t.out, /\[repeated-word\] .*［新增］/);
    assert.doesNotMatch(t.out, /\[format-version\] .*［新增］/);

    // A baseline from before fingerprints (no fingerprint fields, and the bare array of entries earlier versions
    // wrote): one warning, and every finding is new.
    const old = jsonFiles(before.out).map((f: { diagnostics: object[] }) => ({ ...f, diagnostics: f.diagnostics.map((d) => ({ ...d, fingerprint: undefined })) }));
    writeFileSync(join(dir, 'old.json'), JSON.stringify(old));
    const o = runCli(['check', '--no-cross-report', '--baseline', join(dir, 'old.json'), report]);
    assert.equal(o.err.match(/另一版本的指纹/g)?.length, 1, o.err);

    const s = runCli(['check', '--format', 'sarif', '--no-cross-report', '--baseline', join(dir, 'before.sarif'), report]);
    const log = JSON.parse(s.out);
    assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
    const run = log.runs[0];
    assert.match(run.automationDetails.guid, /^[0-9a-f-]{36}$/);
    assert.equal(run.baselineGuid, JSON.parse(beforeSarif.out).runs[0].automationDetails.guid);
    const states = run.results.map((x: { ruleId: string; baselineState: string }) => `${x.ruleId}:${x.baselineState}`);
    assert.ok(states.includes('format-version:unchanged'), states.join());
    assert.ok(states.includes('official-wording:absent'), states.join());
  });
});
