/** The report model's types: a report, its headings and sections, its tables, rows and typed cells. */
import type { Cell, Layout, Line, Row, SyntaxTree } from '../../syntax/parse';
import type { ColumnDef, FormatVersion, TableKind } from '../template';
import type { CellValue } from '../text';

export interface TypedCell {
  cell: Cell;
  value: CellValue;
  column: ColumnDef;
  col: number;
  /** The figure was recognised from a scanned page (set from the source's readings: `ocr-cells.ts`). */
  ocr?: CellOcr;
}

/**
 * How a figure on a scanned page was recognised: its page, the engine's confidence (its least sure
 * digit, 0…1), what it read (first as written in the text, then a second reading that differs), its
 * doubtful digits (0-based, commas not counted), or that the cell could not be read at all.
 */
export interface CellOcr {
  page: number;
  confidence: number;
  readings: string[];
  doubtful: number[];
  unreadable: boolean;
}

export interface TableRow {
  /** Template row id ('grant', 'deny-1', …; for table 二 'rules', 'license', …), null when unknown. */
  id: string | null;
  item?: string; // table 二: the 第二十条 item id
  label: Cell | null;
  officialLabel: string | null;
  /** 0 = official wording; >0 = close to it (see matchLabel). */
  labelCost: number;
  labelCells: Cell[];
  expected: number;
  /** Number of figures found after the label. */
  found: number;
  shapeOk: boolean;
  cells: TypedCell[];
  row: Row;
  isGroup: boolean;
}

export interface Table {
  kind: TableKind;
  version: FormatVersion | null;
  /** The cell that shows the version (a version-specific header or label). */
  versionEvidence: Cell | null;
  layout: Layout;
  rows: TableRow[];
  startLine: number;
  endLine: number;
  start: number;
  end: number;
  /** Official rows of this table's version that were not found. */
  missingRows: string[];
  section: number | null;
}

export interface Heading {
  index: number;
  line: Line;
  numeral: string;
  numeralStart: number;
  /** End of numeral plus separator, e.g. after "6、 ". */
  numeralEnd: number;
  title: string;
  titleStart: number;
  titleEnd: number;
  /** True when the title is close to, but not, an accepted wording. */
  wordingTypo: boolean;
  /** Read by the section's own numeral and a key word only (`五、存在的主要问题及下一步工作打算`): not the accepted wording. */
  loose?: boolean;
}

export interface Section {
  index: number;
  heading: Heading;
  startLine: number;
  endLine: number;
}

export interface Title {
  text: string;
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

export interface Report {
  tree: SyntaxTree;
  title: Title | null;
  year: number | null;
  yearSource: 'title' | 'period' | 'body' | null;
  agency: string | null;
  headings: Heading[];
  sections: Section[];
  tables: Table[];
  formatVersion: FormatVersion | null;
  /** The table layout the document itself uses, for inserted skeletons. */
  layout: Layout;
}

/** What a table kind's lowering gives; the caller adds the place (lines, offsets, layout, section). */
export type LoweredTable = Omit<Table, 'startLine' | 'endLine' | 'start' | 'end' | 'layout' | 'section'>;
