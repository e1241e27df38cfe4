/**
 * Properties checked on generated inputs (fast-check): arbitrary strings and mutations of real
 * reports (cut, duplicate and swap lines and cells; insert CJK, full-width digits, tabs, pipes, NUL,
 * surrogate pairs, CRLF, BOM). Used by the short run in `npm test` and by `npm run fuzz`.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, fixAll } from '../../server/src/service/analyze';
import { renderGrid, tableGrid } from '../../server/src/model/skeleton';
import type { Layout } from '../../server/src/syntax/parse';

const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const corpusFiles = [
  ...readdirSync(join(FIXTURES, 'reports')).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).map((f) => join(FIXTURES, 'reports', f)),
  ...readdirSync(join(FIXTURES, 'matrix')).filter((f) => /^\d{4}-\w+\.txt$/.test(f)).map((f) => join(FIXTURES, 'matrix', f)),
];
export const CORPUS = corpusFiles.map((f) => readFileSync(f, 'utf8'));

const TOKENS = ['\t', '|', ' | ', '\n', '\r\n', '\r', '\uFEFF', '\u0000', '８２１', '１２', '（', '）', '(', ')', '、', '.', '一、', '6、', '总计',
  '/', '—', '无', '-', '\ud83d\ude00', '\ud800', '\udc00', '第二十条第（五）项', '《条例》第五十条', '四十四', '12.5', '-3', '1,234', '552.91 万元',
  '|---|---|', '<!-- ogi-report-disable-next-line row-total -- 理由 -->', '<!-- ogi-report-disable', '## ', '**', '\u3000', '政府信息公开', '2023年'];
const CHARS = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ unit: 'binary', maxLength: 3 }), fc.constantFrom('一', '二', '三', '四', '五', '六', '七', '0', '1', '9'));

/** Arbitrary text built from the characters real reports are made of. */
const arbitraryText = fc.array(CHARS, { maxLength: 200 }).map((parts) => parts.join(''));

type Mutation = (lines: string[]) => string[];
const at = (n: number, len: number) => (len === 0 ? 0 : n % len);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (ls) => ls.filter((_, j) => j !== at(i, ls.length))),
  fc.nat().map((i): Mutation => (ls) => { const k = at(i, ls.length); return [...ls.slice(0, k + 1), ls[k] ?? '', ...ls.slice(k + 1)]; }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (ls) => { const x = [...ls]; const i = at(a, x.length); const j = at(b, x.length); [x[i], x[j]] = [x[j], x[i]]; return x; }),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...TOKENS)).map(([a, b, tok]): Mutation => (ls) => {
    const x = [...ls]; const i = at(a, x.length); const s = x[i] ?? ''; const p = at(b, s.length + 1); x[i] = s.slice(0, p) + tok + s.slice(p); return x;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(([a, b, c]): Mutation => (ls) => {
    // Cut, duplicate or swap cells within a tab row.
    const x = [...ls]; const i = at(a, x.length); const cells = (x[i] ?? '').split('\t');
    const p = at(b, cells.length); const q = at(c, cells.length);
    if (c % 3 === 0) cells.splice(p, 1); else if (c % 3 === 1) cells.splice(p, 0, cells[p]); else [cells[p], cells[q]] = [cells[q], cells[p]];
    x[i] = cells.join('\t'); return x;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 999 })).map(([a, n]): Mutation => (ls) => {
    const x = [...ls]; const i = at(a, x.length); x[i] = (x[i] ?? '').replace(/\d+/, String(n)); return x;
  }),
);
const mutatedReport = fc.tuple(fc.constantFrom(...CORPUS.keys()), fc.array(mutation, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.boolean())
  .map(([k, ms, crlf, bom]) => {
    let text = ms.reduce((ls, m) => m(ls), CORPUS[k].split('\n')).join(crlf ? '\r\n' : '\n');
    if (bom) text = '\uFEFF' + text;
    return text;
  });

export const anyDocument = fc.oneof({ weight: 1, arbitrary: arbitraryText }, { weight: 3, arbitrary: mutatedReport });

export interface PropertyDef { name: string; property: fc.IPropertyWithHooks<[string]> | fc.IProperty<unknown[]> }

function assertRanges(text: string): void {
  const a = analyze(text);
  for (const d of a.diagnostics) {
    if (!(d.start >= 0 && d.start <= d.end && d.end <= text.length)) throw new Error(`range ${d.start}-${d.end} outside 0-${text.length} (${d.code})`);
  }
}

/** Applying one fix changes only the text inside its edits' ranges. */
function assertFixLocality(text: string): void {
  for (const d of analyze(text).diagnostics) {
    for (const fix of [d.fix, ...d.suggestions]) {
      if (!fix) continue;
      const out = applyEdits(text, fix.edits);
      const lo = Math.min(...fix.edits.map((e) => e.start));
      const hi = Math.max(...fix.edits.map((e) => e.end));
      if (out.slice(0, lo) !== text.slice(0, lo)) throw new Error(`${d.code}: fix changed text before ${lo}`);
      if (out.slice(out.length - (text.length - hi)) !== text.slice(hi)) throw new Error(`${d.code}: fix changed text after ${hi}`);
      const inside = fix.edits.length === 1 ? out.slice(lo, out.length - (text.length - hi)) : null;
      if (inside !== null && inside !== fix.edits[0].newText) throw new Error(`${d.code}: fix wrote more than its new text`);
    }
  }
}

/** Fixing twice gives the text of fixing once, and nothing fixable remains. */
function assertIdempotent(text: string): void {
  const once = fixAll(text);
  const twice = fixAll(once.text);
  if (twice.text !== once.text) throw new Error('applying all fixes twice changed the text again');
  const left = once.analysis.diagnostics.filter((d) => d.fix && d.fix.kind !== 'suggestion');
  if (left.length) throw new Error(`fixable diagnostics remain after fixAll: ${left.map((d) => d.code).join(', ')}`);
}

const LAYOUTS: Layout[] = ['tab', 'pipe', 'markdown', 'cells'];

/** One report with generated figures in tables 三 and 四, rendered in each layout. */
const tableFigures = fc.record({
  version: fc.constantFrom('2019' as const, '2021' as const),
  t3: fc.array(fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 30 }).map(String) }, { weight: 1, arbitrary: fc.constantFrom('', '/', '-1', '2.5') }), { minLength: 7, maxLength: 7 }), { minLength: 30, maxLength: 30 }),
  t4: fc.array(fc.integer({ min: 0, max: 5 }).map(String), { minLength: 15, maxLength: 15 }),
});

export function renderFigures(f: { version: '2019' | '2021'; t3: string[][]; t4: string[] }, layout: Layout): string {
  let k = 0;
  const t3 = tableGrid('t3', f.version).map((row, i) => (i >= 3 && row.length > 1 ? [row[0], ...f.t3[k++]] : row));
  const t4 = tableGrid('t4', f.version).map((row, i) => (i === 3 ? f.t4 : row));
  const year = f.version === '2019' ? 2020 : 2023;
  return [`清河镇${year}年政府信息公开工作年度报告`, '', '一、总体情况', '', '正文。', '', '二、主动公开政府信息情况', '', renderGrid(tableGrid('t2', f.version), layout), '',
    '三、收到和处理政府信息公开申请情况', '', renderGrid(t3, layout), '', '四、政府信息公开行政复议、行政诉讼情况', '', renderGrid(t4, layout), '',
    '五、存在的主要问题及改进情况', '', '无。', '', '六、其他需要报告的事项', '', '无。', ''].join('\n');
}

function assertLayoutsAgree(f: { version: '2019' | '2021'; t3: string[][]; t4: string[] }): void {
  const codes = LAYOUTS.map((l) => analyze(renderFigures(f, l)).diagnostics.map((d) => d.code).sort().join(','));
  for (let i = 1; i < codes.length; i++) if (codes[i] !== codes[0]) throw new Error(`${LAYOUTS[i]} gives ${codes[i]}; tab gives ${codes[0]}`);
}

export const PROPERTIES = {
  'never throws; ranges inside the document': fc.property(anyDocument, (t) => { assertRanges(t); }),
  'a fix edits only inside its own ranges': fc.property(anyDocument, (t) => { assertFixLocality(t); }),
  'fixing is idempotent; nothing fixable remains': fc.property(anyDocument, (t) => { assertIdempotent(t); }),
  'the four layouts give the same diagnostics codes': fc.property(tableFigures, (f) => { assertLayoutsAgree(f); }),
};

export function runAll(opts: { runs: number; seed: number }): { name: string; runs: number; failed: boolean; report: string }[] {
  return Object.entries(PROPERTIES).map(([name, property]) => {
    const details = fc.check(property as fc.IProperty<unknown[]>, { numRuns: opts.runs, seed: opts.seed });
    return { name, runs: details.numRuns, failed: details.failed, report: details.failed ? fc.defaultReportMessage(details) ?? 'failed' : '' };
  });
}
