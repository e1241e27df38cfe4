/**
 * Other reports as the engine reads them: the context an analysis gets (the index, this report's path
 * and the texts the front end read for it), and the models of other reports, parsed on demand and kept
 * in a small cache per index. Nothing here reads a file: a text the index does not keep and the front
 * end did not hand down is not there, and the comparison that needs it is not made.
 */
import { Report, parseReport } from '../model/report';
import { positionAt } from '../syntax/parse';
import { IndexedReport, WorkspaceIndex, findReport } from './reports';

/** What the engine passes to cross-report rules: the index and the path of the report being checked. */
export interface WorkspaceContext {
  index: WorkspaceIndex;
  path: string;
  /**
   * Texts of other reports by path, for those the index does not keep: the front end reads the files
   * `reportsNeeded` names and hands their texts down here.
   */
  texts?: ReadonlyMap<string, string>;
}

/** Another report of the workspace with its text and model. */
export interface OtherReport {
  entry: IndexedReport;
  text: string;
  report: Report;
}

const MODEL_CACHE_SIZE = 64;
const models = new WeakMap<WorkspaceIndex, Map<string, { text: string; report: Report }>>();

/** The text of an indexed report: kept by the index, or handed down by the front end. */
export function textOf(ws: WorkspaceContext, entry: IndexedReport): string | undefined {
  return entry.text ?? ws.texts?.get(entry.path);
}

/** Another report with its model (parsed again when it has left the cache), or null without its text. */
export function otherReport(ws: WorkspaceContext, entry: IndexedReport): OtherReport | null {
  const text = textOf(ws, entry);
  if (text === undefined) return null;
  let cache = models.get(ws.index);
  if (!cache) models.set(ws.index, (cache = new Map()));
  const hit = cache.get(entry.path);
  const report = hit && hit.text === text ? hit.report : parseReport(text);
  cache.delete(entry.path);
  cache.set(entry.path, { text, report });
  if (cache.size > MODEL_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return { entry, text, report };
}

/** Last year's report of the same body, or null (none, ambiguous — see `workspaceNotes` — or no text). */
export function previousReport(ws: WorkspaceContext | undefined, report: Pick<Report, 'agency' | 'year'>): OtherReport | null {
  if (!ws || report.year === null) return null;
  const found = findReport(ws.index, report.agency, report.year - 1, ws.path);
  return found.kind === 'found' ? otherReport(ws, found.entry) : null;
}

/** A range of another report's text as a related location (0-based lines and UTF-16 characters). */
export function fileRange(path: string, report: Report, start: number, end: number): { path: string; line: number; character: number; endLine: number; endCharacter: number } {
  const s = positionAt(report.tree.lines, start);
  const e = positionAt(report.tree.lines, end);
  return { path, line: s.line, character: s.character, endLine: e.line, endCharacter: e.character };
}
