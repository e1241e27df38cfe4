/**
 * Code actions, derived again from the cached analysis of one document version: one quick fix per
 * fixable diagnostic, suggestions, "fix all of this rule", suppression comments, the on-save
 * `source.fixAll` (wording only, never figures) and the explicit recompute of every total.
 */
import { Analysis, AnalyzeOptions, Diagnostic, TextEdit, analyze, applyEdits, collectFixEdits } from './analyze';
import type { TypedCell } from '../model/report';
import { Msg, msg } from '../rules/rule';
import { RULES, ruleIdsTagged } from '../rules';
import { ENGINE_CODES } from './engine-codes';

export interface Action {
  title: Msg;
  kind: 'quickfix' | 'source.fixAll';
  edits: TextEdit[];
  preferred: boolean;
  diagnostics: Diagnostic[];
  /** Cells to select in the editor (the client's showCells command) instead of an edit: `edits` is then empty. */
  show?: { start: number; end: number }[];
}

/** The short display name of a diagnostic code (a rule's or the engine's); an unknown code is its id. */
export function codeName(code: string): Msg {
  return RULES.find((r) => r.id === code)?.names ?? ENGINE_CODES.find((c) => c.id === code)?.names ?? msg(code, code);
}

/** The identity rules' codes, whose figure fixes the recompute command applies. */
const IDENTITY_CODES = ruleIdsTagged('identity');

export function codeActions(a: Analysis, start: number, end: number, only?: string[]): Action[] {
  const wants = (kind: string) => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(o + '.') || o.startsWith(kind));
  const out: Action[] = [];
  if (wants('quickfix')) {
    const here = a.diagnostics.filter((d) => d.start <= end && d.end >= start);
    const seenCodes = new Set<string>();
    // The broken identities of one ambiguity share their candidate sets: each set is offered once.
    const seenEdits = new Map<string, Action>();
    for (const d of here) {
      if (d.fix) out.push({ title: d.fix.title, kind: 'quickfix', edits: d.fix.edits, preferred: true, diagnostics: [d] });
      for (const s of d.suggestions) {
        const key = `${s.title.zh}\u0000${s.edits.map((e) => `${e.start}:${e.end}:${e.newText}`).join(',')}`;
        const same = seenEdits.get(key);
        if (same) { same.diagnostics.push(d); continue; }
        const act: Action = { title: s.title, kind: 'quickfix', edits: s.edits, preferred: false, diagnostics: [d] };
        seenEdits.set(key, act);
        out.push(act);
      }
      if (d.fix && !seenCodes.has(d.code)) {
        seenCodes.add(d.code);
        const all = a.diagnostics.filter((x) => x.code === d.code && x.fix);
        const edits = distinct(collectFixEdits(all, ['safe', 'figure']));
        // One corrected set reported on several cells: its fix already is the whole of it.
        const same = edits.length === d.fix.edits.length && edits.every((e) => d.fix!.edits.some((x) => x.start === e.start && x.newText === e.newText));
        if (all.length > 1 && !same) {
          const name = codeName(d.code);
          out.push({
            title: msg(`修复本文件中所有“${name.zh}”问题（${all.length} 处）`, `Fix all “${name.en}” problems in this file (${all.length})`),
            kind: 'quickfix', edits, preferred: false, diagnostics: all,
          });
        }
      }
    }
    out.push(...showCandidates(here));
    for (const d of here) {
      if (d.code === 'suppression' || d.code === 'internal-error') continue;
      const line = a.report.tree.lines.find((l) => l.start <= d.start && d.start <= l.end);
      if (!line) continue;
      const indent = /^[ \u3000]*/.exec(line.text)![0];
      const eol = /\r\n/.test(a.text) ? '\r\n' : '\n';
      const name = codeName(d.code);
      out.push({
        title: msg(`在下一行不检查“${name.zh}”（需填写理由）`, `Do not check “${name.en}” on the next line (give a reason)`),
        kind: 'quickfix', preferred: false, diagnostics: [d],
        edits: [{ start: line.start, end: line.start, newText: `${indent}<!-- ogi-report-disable-next-line ${d.code} -- 请填写理由 -->${eol}` }],
      });
    }
  }
  if (wants('source.fixAll')) {
    const edits = fixAllOnSave(a);
    if (edits.length) out.push({ title: msg('修复所有规范表述问题', 'Fix all wording problems'), kind: 'source.fixAll', edits, preferred: false, diagnostics: [] });
  }
  return out;
}

/**
 * For identity findings whose wrong cells cannot be told: one action that selects the cells that could
 * be wrong (the finding's related cells in this file), once per set of cells.
 */
function showCandidates(here: Diagnostic[]): Action[] {
  const out: Action[] = [];
  const seen = new Set<string>();
  for (const d of here) {
    if (!IDENTITY_CODES.includes(d.code) || d.fix) continue;
    const cells = (d.related ?? []).filter((r) => !r.file).map((r) => ({ start: r.start, end: r.end }))
      .sort((x, y) => x.start - y.start)
      .filter((c, i, all) => i === 0 || c.start !== all[i - 1].start);
    if (!cells.length) continue;
    const key = cells.map((c) => c.start).join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      title: msg(`选中可能有误的单元格（${cells.length} 处）`, `Select the cells that could be wrong (${cells.length})`),
      kind: 'quickfix', edits: [], preferred: false, diagnostics: here.filter((x) => IDENTITY_CODES.includes(x.code) && !x.fix), show: cells,
    });
  }
  return out;
}

/** Edits without repeats (the findings of one corrected set share its edits); a client refuses overlapping edits. */
function distinct(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const k = `${e.start}:${e.end}:${e.newText}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What runs on save: wording fixes only. Figures and inserted sections are never changed on save. */
export function fixAllOnSave(a: Analysis): TextEdit[] {
  return distinct(collectFixEdits(a.diagnostics.filter((d) => d.code !== 'missing-section'), ['safe']));
}

/**
 * Recomputes every total of tables 三 and 四 (and fills blank totals) from the detail cells. A total
 * that could only be recomputed once others were right (（七）总计·总计 when both its row and its
 * column were wrong) is found by re-checking, so one command leaves every total right. Only total
 * cells change; the edits are on `a.text`.
 */
export function recomputeTotals(a: Analysis, options: AnalyzeOptions = {}): TextEdit[] {
  const key = (c: TypedCell) => `${c.cell.line}:${c.col}`;
  const final = new Map<string, string>();
  let current = a;
  for (let round = 0; round < 4; round++) {
    const edits = totalEdits(current);
    const cells = new Map<number, string>();
    for (const t of current.report.tables) for (const r of t.rows) for (const c of r.cells) cells.set(c.cell.start, key(c));
    let changed = false;
    for (const e of edits) {
      const k = cells.get(e.start);
      if (k === undefined || final.get(k) === e.newText) continue;
      final.set(k, e.newText);
      changed = true;
    }
    if (!changed) break;
    current = analyze(applyEdits(current.text, edits), options);
  }
  const out: TextEdit[] = [];
  for (const t of a.report.tables) for (const r of t.rows) for (const c of r.cells) {
    const v = final.get(key(c));
    if (v !== undefined && a.text.slice(c.cell.start, c.cell.end) !== v) out.push({ start: c.cell.start, end: c.cell.end, newText: v });
  }
  return out;
}

function totalEdits(a: Analysis): TextEdit[] {
  const edits = collectFixEdits(a.diagnostics, ['figure'], IDENTITY_CODES);
  const totalCells = new Set<number>();
  for (const t of a.report.tables) for (const r of t.rows) for (const c of r.cells) if (/total/.test(c.column.id)) totalCells.add(c.cell.start);
  for (const d of a.diagnostics) {
    if (d.code === 'blank-cell' && d.fix) edits.push(...d.fix.edits.filter((e) => totalCells.has(e.start)));
  }
  return edits;
}
