/**
 * The answer to `ogiReport/copiedPassages` (「对比上年报告」): each section's heading line here and in
 * last year's report, and the passages that repeat last year's text. Every line is a line of the
 * document as the user has it: the model cuts a run-on line (a crawler's page with the whole body on one
 * line) into pieces, so a heading's line is found from its offset in the document, never from the
 * model's line index.
 */
import { Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../service/analyze';
import type { Section } from '../model/report';
import type { OtherReport } from '../workspace';
import { copiedSections } from '../workspace/copied';
import { uriOfPath } from './convert';
import type { CopiedPassages } from './protocol';

export function copiedPassages(doc: TextDocument, a: Analysis, prev: OtherReport | null): CopiedPassages {
  const here = (s: Section) => {
    const p = doc.positionAt(s.heading.line.start);
    return { index: s.index, line: p.line, character: p.character };
  };
  if (!prev) return { previous: null, sections: a.report.sections.map((s) => ({ ...here(s), previousLine: null, previousCharacter: null })), passages: [] };
  const other = TextDocument.create(uriOfPath(prev.entry.path), 'ogi-report', 0, prev.text);
  const passages = copiedSections(a.report, prev.report, { preamble: true }).flatMap((s) => s.passages).sort((x, y) => x.start - y.start);
  return {
    previous: { uri: other.uri, agency: prev.report.agency, year: prev.report.year },
    sections: a.report.sections.map((s) => {
      const then = prev.report.sections.find((p) => p.index === s.index);
      const there = then ? other.positionAt(then.heading.line.start) : null;
      return { ...here(s), previousLine: there?.line ?? null, previousCharacter: there?.character ?? null };
    }),
    passages: passages.map((p) => ({
      range: Range.create(doc.positionAt(p.start), doc.positionAt(p.end)),
      previousRange: Range.create(other.positionAt(p.prevStart), other.positionAt(p.prevEnd)),
      chars: p.chars,
    })),
  };
}
