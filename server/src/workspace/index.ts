/**
 * Workspace layer: many reports, indexed by agency and year, so that rules can compare a report with
 * last year's report of the same body and with a region's reports. Pure: the front ends read the files
 * and hand texts down; the index holds each report's identity (title, agency, year) and a hash of its
 * text, and its text only when the front end keeps it there. An agency that matches more than one
 * report is never resolved by a guess: the lookup says it is ambiguous.
 *
 * Rooms: `reports.ts` the index and its lookups · `models.ts` the context an analysis gets and other
 * reports' models · `cross.ts` what one analysis reads · `notes.ts` ambiguity notes and the reports an
 * analysis needs · `manifest.ts`/`region.ts` regions · `agency.ts` names · `copied.ts`, `figures.ts`
 * comparisons.
 */
export { agencyKey, matchAgency } from './agency';
export { buildWorkspaceIndex, contentHash, createIndex, findReport, indexFile, removeFile } from './reports';
export type { IndexedReport, Lookup, WorkspaceIndex } from './reports';
export { fileRange, otherReport, previousReport, textOf } from './models';
export type { OtherReport, WorkspaceContext } from './models';
export { crossReports } from './cross';
export type { CrossReports, RegionReports } from './cross';
export { fileName, dirOf } from './paths';
export { MANIFEST_NAME, isManifestPath } from './manifest';
export type { Region, RegionManifest } from './manifest';
export { previousReportNotes as workspaceNotes, comparedWith, reportsNeeded } from './notes';
