/**
 * Model layer: lowers the syntax tree into a report — title, year, agency, the six sections and the
 * tables 二, 三 and 四 — with every row and column tied to its official identity in the template and
 * every figure typed (number, blank or invalid). Lowering never throws and never guesses silently:
 * a row whose figures cannot be placed in columns is marked `shapeOk: false` for the rules to report.
 */
import { Block, Layout, Row, SyntaxTree, parseSyntax } from '../../syntax/parse';
import { findAgency, findYear } from '../facts/report-year';
import { SECTIONS, TableKind, versionForYear } from '../template';
import { findTitle, parseHeading } from './headings';
import { cutRunOn } from './run-on';
import { readBareCells } from './tables/bare';
import { joinSpacedRows } from './tables/spaced';
import { isPageFurniture, mergeLoneRows, splitRegion } from './tables/split';
import { lowerT2 } from './tables/t2';
import { lowerT3 } from './tables/t3';
import { lowerT4 } from './tables/t4';
import { lowerOnce } from './tables/reuse';
import type { Heading, Report, Section, Table } from './types';

export type { Heading, Report, Section, Table, TableRow, Title, TypedCell } from './types';
export { parseHeading } from './headings';
export { alignValues } from './tables/align';

export function lowerReport(physical: SyntaxTree): Report {
  const tree = cutRunOn(physical);
  const { lines } = tree;
  let headings: Heading[] = [];
  const regions: Extract<Block, { type: 'region' }>[] = [];
  for (const block of joinSpacedRows(mergeLoneRows({ ...tree, blocks: readBareCells(tree.blocks, lines) }))) {
    if (block.type === 'text') {
      const h = parseHeading(block.line);
      if (h) headings.push(h);
    } else {
      // A lone cell that is a section heading (a heading indented with a tab) splits the region.
      let rows: Row[] = [];
      const flush = (endLine: number) => {
        if (rows.length) regions.push({ type: 'region', rows, startLine: rows[0].line, endLine, layout: block.layout });
        rows = [];
      };
      for (const row of block.rows) {
        if (isPageFurniture(row)) continue;
        const h = row.cells.length <= 2 && row.cells.filter((c) => c.text).length === 1 ? parseHeading({ ...lines[row.line], text: lines[row.line].text }) : null;
        if (h && h.numeral) {
          flush(row.line - 1);
          headings.push(h);
        } else rows.push(row);
      }
      flush(block.endLine);
    }
  }
  headings.sort((a, b) => a.line.index - b.line.index);
  // A loosely read heading is the section only when no heading names it in an accepted wording.
  const named = new Set(headings.filter((h) => !h.loose).map((h) => h.index));
  if (headings.some((h) => h.loose && named.has(h.index))) headings = headings.filter((h) => !h.loose || !named.has(h.index));

  const firstContent = Math.min(headings[0]?.line.index ?? lines.length, regions[0]?.startLine ?? lines.length);
  const title = findTitle(lines, firstContent);
  const { year, source } = findYear(title, tree.text);
  const yearVersion = versionForYear(year);

  const sections: Section[] = [];
  const seen = new Set<number>();
  headings.forEach((h, i) => {
    const endLine = (headings[i + 1]?.line.index ?? lines.length) - 1;
    if (!seen.has(h.index)) {
      seen.add(h.index);
      sections.push({ index: h.index, heading: h, startLine: h.line.index, endLine });
    }
  });

  // Runs of rows per table. Pieces of one table within one section (a table split by a page break,
  // or emitted as one small table per row group with placeholder headers) are joined into one table.
  // Regions come in document order: a cursor over the sorted headings finds each one's section.
  let cursor = -1;
  const sectionAt = (line: number) => {
    while (cursor + 1 < headings.length && headings[cursor + 1].line.index <= line) cursor++;
    return cursor >= 0 ? headings[cursor].index : null;
  };
  const runs: { kind: TableKind; rows: Row[]; layout: Layout; section: number | null }[] = [];
  for (const region of regions) {
    const section = sectionAt(region.startLine);
    const prev = runs[runs.length - 1];
    const continues = prev && prev.section === section ? prev.kind : section !== null ? SECTIONS[section - 1].table ?? null : null;
    for (const run of splitRegion(region.rows, continues)) {
      const last = runs[runs.length - 1];
      if (last && last.kind === run.kind && last.section === section) last.rows.push(...run.rows);
      else runs.push({ kind: run.kind, rows: run.rows, layout: region.layout, section });
    }
  }
  const tables: Table[] = [];
  for (const run of runs) {
    const lowered = lowerOnce(run.kind, yearVersion, run.rows, lines,
      () => (run.kind === 't2' ? lowerT2(run.rows, yearVersion) : run.kind === 't3' ? lowerT3(run.rows, yearVersion) : lowerT4(run.rows, lines)));
    const startLine = run.rows[0].line;
    const endLine = run.rows[run.rows.length - 1].endLine;
    // Every field named (not `{ ...lowered, layout, … }`): V8 (Node 20) makes a new hidden class for each
    // spread followed by more fields, in the old generation, where thousands piled up as garbage.
    tables.push({
      kind: lowered.kind, version: lowered.version, versionEvidence: lowered.versionEvidence, layout: run.layout, rows: lowered.rows,
      startLine, endLine, start: lines[startLine].start, end: lines[endLine].end, missingRows: lowered.missingRows, section: run.section,
    });
  }
  const versioned = tables.find((t) => t.kind === 't2' && t.version) ?? tables.find((t) => t.version);
  const layout = tables[0]?.layout ?? 'tab';
  return {
    tree, title, year, yearSource: source, agency: findAgency(title), headings, sections, tables,
    formatVersion: versioned?.version ?? null, layout,
  };
}

export function parseReport(text: string): Report {
  return lowerReport(parseSyntax(text));
}

