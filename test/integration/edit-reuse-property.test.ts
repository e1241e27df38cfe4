/**
 * Typing in the editor re-analyses the report, and what the edit did not touch is reused from the analysis
 * before: the claims of unchanged paragraphs (server/src/model/claims/recall.ts) and unchanged tables
 * (server/src/model/report/tables/reuse.ts). Whatever the edit, the findings, the tables and the claims
 * must be exactly those of a check made afresh: same figures, same places.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { readClaims, readDatedClaims } from '../../server/src/model/claims';
import { forgetReadings } from '../../server/src/model/claims/recall';
import { forgetTables } from '../../server/src/model/report/tables/reuse';
import type { Report } from '../../server/src/model/report';

const forget = () => { forgetReadings(); forgetTables(); };

const CORPUS = join(__dirname, '..', '..', 'test', 'fixtures', 'corpus');
const SEEDS = join(__dirname, '..', '..', 'test', 'fixtures', 'reports');
const LAYOUTS = join(__dirname, '..', '..', 'test', 'fixtures', 'layouts');
const reports = [
  ...readdirSync(CORPUS).filter((f) => /\.(txt|md)$/.test(f) && !/\.(golden|model)\.txt$/.test(f) && f !== 'FACTS.md').map((f) => join(CORPUS, f)),
  ...readdirSync(SEEDS).filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f)).map((f) => join(SEEDS, f)),
];
// The table layouts met in real reports (sub-tables, spaced rows, run-on text, pages breaking a table).
const files = [
  ...reports,
  ...readdirSync(LAYOUTS).filter((f) => f.endsWith('.txt') && !f.endsWith('.golden.txt')).map((f) => join(LAYOUTS, f)),
];

/** Edits a writer makes: a line added at the top, a figure typed, a character deleted, the year changed. */
function edits(text: string): { name: string; text: string }[] {
  const out = [{ name: 'a blank line at the top', text: '\n' + text }];
  const fig = text.search(/\d+\s*件/);
  if (fig > 0) {
    out.push({ name: 'a digit typed into the first count', text: text.slice(0, fig) + '1' + text.slice(fig) });
    out.push({ name: 'the character before the first count deleted', text: text.slice(0, fig - 1) + text.slice(fig) });
  }
  const mid = text.indexOf('。', Math.floor(text.length / 2));
  if (mid > 0) out.push({ name: 'a sentence ended early in the middle', text: text.slice(0, mid) + '。另' + text.slice(mid) });
  const year = text.match(/20\d\d(?=年)/);
  if (year) out.push({ name: 'the first year changed', text: text.replace(year[0], String(Number(year[0]) + 1)) });
  return out;
}

const view = (text: string) => analyze(text).diagnostics.map((d) => `${d.code} ${d.start}-${d.end} ${d.severity} ${d.message.zh}`);
const claims = (r: Report) => JSON.stringify([readClaims(r), readDatedClaims(r)]);
/** The tables as the rules see them: every row, label and cell with its place, the syntax rows included. */
const tables = (r: Report) => JSON.stringify(r.tables);
/** Cells are objects the rules compare by identity: a table's cells are the syntax tree's own. */
function ownCells(r: Report): boolean {
  const syntax = new Set(r.tree.blocks.flatMap((b) => (b.type === 'region' ? b.rows.flatMap((row) => row.cells) : [])));
  return r.tables.every((t) => t.rows.every((row) => row.labelCells.every((c) => syntax.has(c)) || row.row.cells.every((c) => syntax.has(c))));
}
const state = (text: string) => {
  const a = analyze(text);
  const r = a.report;
  return { findings: a.diagnostics.map((d) => `${d.code} ${d.start}-${d.end} ${d.severity} ${d.message.zh}`), claims: claims(r), tables: tables(r), own: ownCells(r) };
};

describe('claims and tables reused between analyses', () => {
  assert.ok(files.length >= 30, `real reports to edit (found ${files.length})`);
  for (const file of files) {
    it(`${file.split('/').pop()}: every edit gives the findings and claims of a fresh check`, () => {
      const original = readFileSync(file, 'utf8');
      for (const e of edits(original)) {
        forget();
        view(original); // the analysis before the edit: its paragraphs and tables are kept
        const reused = state(e.text);
        forget();
        const fresh = state(e.text);
        assert.deepEqual(reused, fresh, e.name);
      }
    });
  }
});

describe('a writer typing anywhere', () => {
  // A deterministic sequence of edits at places all over the report (tables, headings, prose), each
  // applied to the text the previous one left: after each, the state equals a fresh check's.
  let seed = 20261207;
  const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const typed = ['1', '0', '件', '\t', '\n', '。', '年', ' ', '二', '|'];
  for (const file of reports.filter((_, i) => i % 3 === 0)) {
    it(`${file.split('/').pop()}: 12 edits in a row, each checked against a fresh check`, () => {
      let text = readFileSync(file, 'utf8');
      forget();
      view(text);
      for (let k = 0; k < 12; k++) {
        const at = next(text.length);
        text = next(3) === 0 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + typed[next(typed.length)] + text.slice(at);
        const reused = state(text);
        const keep = text;
        forget();
        const fresh = state(keep);
        assert.deepEqual(reused, fresh, `edit ${k + 1} at ${at}`);
        view(text); // the cache as the editor leaves it after this edit
      }
    });
  }
});
