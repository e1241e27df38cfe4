/**
 * Test helpers: golden files (rewritten with UPDATE_GOLDEN=1, otherwise compared with a readable
 * diff), and text renderings of diagnostics and models that goldens hold. Golden lines use
 * `line:col` plus the quoted text covered, never caret lines (CJK characters are double width).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Analysis, localize } from '../../server/src/service/analyze';
import { Report } from '../../server/src/model/report';
import { positionAt } from '../../server/src/syntax/parse';

export const ROOT = process.cwd();
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function readFixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8').replace(/^\uFEFF/, '');
}

/** The real published reports (a copy of the shared corpus, with FACTS.md, the originals in pdf/ and html/). */
export const CORPUS = join(FIXTURES, 'corpus');

/** Where a corpus file lives: its text at the top, a published PDF or saved page in its subfolder. */
export function corpusPath(name: string): string {
  if (name.endsWith('.pdf')) return join(CORPUS, 'pdf', name);
  if (/\.s?html?$/.test(name)) return join(CORPUS, 'html', name);
  return join(CORPUS, name);
}

/** The corpus reports themselves: not FACTS.md, not the goldens beside them. */
export function corpusReports(dir = CORPUS): string[] {
  return listFiles(dir, (f) => /\.(txt|md)$/.test(f) && f !== 'FACTS.md' && !/\.(golden|model)\.txt$/.test(f));
}

export function listFiles(dir: string, filter: (f: string) => boolean = () => true): string[] {
  return existsSync(dir) ? readdirSync(dir).filter(filter).sort() : [];
}

export function checkGolden(path: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  // A missing golden is a failure, not a new baseline: a renamed or deleted file must not pass silently.
  if (!existsSync(path)) assert.fail(`golden file missing: ${path} (UPDATE_GOLDEN=1 writes it; read it before committing)`);
  const expected = readFileSync(path, 'utf8');
  assert.equal(actual, expected, `golden mismatch: ${path} (UPDATE_GOLDEN=1 rewrites it)`);
}

const show = (s: string) => s.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');

/** One line per diagnostic; with `root`, each is followed by its related locations in other files, named from `root`. */
export function renderDiagnostics(a: Analysis, root?: string): string {
  const lines = a.report.tree.lines;
  return a.diagnostics.flatMap((d) => {
    const s = positionAt(lines, d.start);
    const e = positionAt(lines, d.end);
    const fix = d.fix ? ` [fix:${d.fix.kind}]` : d.suggestions.length ? ' [suggestion]' : '';
    const line = `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1} ${d.severity} ${d.code} «${show(a.text.slice(d.start, d.end))}» ${localize(d.message, 'zh-cn')}${fix}`;
    const related = root === undefined ? [] : (d.related ?? []).flatMap(({ file: f, message }) => f
      ? [`  → ${f.path.slice(root.length + 1)}:${f.line + 1}:${f.character + 1}-${f.endLine + 1}:${f.endCharacter + 1} ${localize(message, 'zh-cn')}`]
      : []);
    return [line, ...related];
  }).join('\n') + '\n';
}

/** The model as readers of a table see it: row identity and typed figures, nothing about layout. */
export function projectModel(r: Report) {
  return {
    year: r.year,
    agency: r.agency,
    version: r.formatVersion,
    sections: r.sections.map((s) => s.index),
    tables: r.tables.map((t) => ({
      kind: t.kind,
      version: t.version,
      missing: t.missingRows,
      rows: t.rows.map((row) => ({
        id: row.id,
        item: row.item ?? null,
        shape: row.shapeOk ? 'ok' : `${row.found}/${row.expected}`,
        values: row.cells.map((c) => (c.value.kind === 'number' ? c.value.decimal : c.value.kind === 'blank' ? '∅' : `!${c.value.text}`)),
      })),
    })),
  };
}

export function renderModel(r: Report): string {
  const lines = r.tree.lines;
  const out: string[] = [];
  out.push(`title: ${r.title?.text ?? '(none)'} @${r.title ? `${r.title.startLine + 1}-${r.title.endLine + 1}` : '-'}`);
  out.push(`year: ${r.year} (${r.yearSource}) agency: ${r.agency} version: ${r.formatVersion} layout: ${r.layout}`);
  for (const s of r.sections) out.push(`section ${s.index} «${show(s.heading.title)}» lines ${s.startLine + 1}-${s.endLine + 1}`);
  for (const t of r.tables) {
    out.push(`table ${t.kind} version=${t.version} layout=${t.layout} lines ${t.startLine + 1}-${t.endLine + 1} section=${t.section}${t.missingRows.length ? ` missing=${t.missingRows.join('；')}` : ''}`);
    for (const row of t.rows) {
      const where = row.label ? `${positionAt(lines, row.label.start).line + 1}:${positionAt(lines, row.label.start).character + 1}` : '-';
      const vals = row.cells.map((c) => {
        const p = positionAt(lines, c.cell.start);
        const v = c.value.kind === 'number' ? c.value.decimal : c.value.kind === 'blank' ? '∅' : `!${c.value.text}`;
        return `${v}@${p.line + 1}:${p.character + 1}`;
      });
      out.push(`  ${row.item ? row.item + '/' : ''}${row.id ?? '?'}${row.isGroup ? ' (group)' : ''} «${show(row.label?.text ?? '')}»@${where} ${row.shapeOk ? '' : `SHAPE ${row.found}/${row.expected} `}${vals.join(' ')}`);
    }
  }
  return out.join('\n') + '\n';
}
