/** Lowering table 二 (proactive disclosure under 第二十条): items, rows by label, the 2019/2021 version. */
import type { Cell, Row } from '../../../syntax/parse';
import { FormatVersion, T2_ITEMS, T2_VERSION_MARKERS, VERSIONS } from '../../template';
import { labelMatcher, normalizeLabel } from '../../text';
import type { LoweredTable, TableRow } from '../types';
import { alignValues } from './align';
import { isTextCell, norm, typed } from './cells';

const T2_MARKERS = Object.fromEntries(VERSIONS.map((v) => [v, T2_VERSION_MARKERS[v].map(normalizeLabel)])) as Record<FormatVersion, string[]>;
/** A header or label only one version prints; longer markers also match with a suffix (（单位：万元，保留4位小数）). */
function isVersionMarker(n: string, v: FormatVersion): boolean {
  return T2_MARKERS[v].some((mk) => n === mk || (mk.length >= 5 && n.startsWith(mk)));
}

type T2Candidate = { itemId: string; id: string; label: string };
const T2_CANDIDATES: T2Candidate[] = T2_ITEMS.flatMap((it) => VERSIONS.flatMap((ver) => (it.versions[ver]?.rows ?? []).map((r) => ({ itemId: it.id, id: r.id, label: r.label }))));
const T2_CANDIDATES_BY_ITEM = new Map(T2_ITEMS.map((it) => [it.id, T2_CANDIDATES.filter((c) => c.itemId === it.id)]));
const T2_MATCH_BY_ITEM = new Map([...T2_CANDIDATES_BY_ITEM].map(([id, cs]) => [id, labelMatcher(cs, (c) => [c.label])]));
const matchT2Any = labelMatcher(T2_CANDIDATES, (c) => [c.label]);

const ITEM_RE = /第二十条第\(?([一二三四五六七八九十]+)\)?项/;
const CN_TO_ITEM: Record<string, string> = { 一: '1', 五: '5', 六: '6', 八: '8', 九: '9' };

export function lowerT2(rows: Row[], yearVersion: FormatVersion): LoweredTable {
  // Version first: the column headers and labels that only one version prints.
  let version: FormatVersion | null = null;
  let evidence: Cell | null = null;
  const votes: Record<FormatVersion, number> = { '2019': 0, '2021': 0 };
  for (const row of rows) for (const cell of row.cells) {
    const n = norm(cell);
    if (!n) continue;
    for (const v of VERSIONS) {
      if (isVersionMarker(n, v)) {
        votes[v]++;
        if (!evidence || (version === null && votes[v] === 1)) evidence ??= cell;
      }
    }
  }
  if (votes['2019'] > 0 || votes['2021'] > 0) version = votes['2019'] >= votes['2021'] ? '2019' : '2021';
  if (evidence && version) {
    // Point at a marker of the winning version.
    search: for (const row of rows) for (const cell of row.cells) {
      const n = norm(cell);
      if (n && isVersionMarker(n, version)) {
        evidence = cell;
        break search;
      }
    }
  }
  const v = version ?? yearVersion;
  const out: TableRow[] = [];
  const seenRows = new Set<string>();
  let item: (typeof T2_ITEMS)[number] | null = null;
  for (const row of rows) {
    const first = row.cells.find((c) => c.text);
    if (!first) continue;
    const im = ITEM_RE.exec(norm(first));
    if (im) {
      item = T2_ITEMS.find((it) => it.id === CN_TO_ITEM[im[1]]) ?? null;
      continue;
    }
    if (norm(first) === '信息内容') continue;
    const cands = item ? T2_CANDIDATES_BY_ITEM.get(item.id)! : T2_CANDIDATES;
    const labelIdx = row.cells.indexOf(first);
    const m = isTextCell(first) ? (item ? T2_MATCH_BY_ITEM.get(item.id)! : matchT2Any)(first.text) : null;
    const itemDef = T2_ITEMS.find((it) => it.id === (m?.item.itemId ?? item?.id));
    const verDef = itemDef?.versions[v] ?? (itemDef ? Object.values(itemDef.versions)[0] : undefined);
    const columns = verDef?.columns ?? [];
    // The official label of this version (规范性文件 vs 行政规范性文件 is a version difference, not a typo).
    const official = m ? verDef?.rows.find((r) => r.id === m.item.id)?.label ?? m.item.label : null;
    const anyVersionLabel = m ? cands.some((c) => c.id === m.item.id && normalizeLabel(c.label) === norm(first)) : false;
    const cost = !m || anyVersionLabel ? 0 : m.cost;
    const after = row.cells.slice(labelIdx + (isTextCell(first) ? 1 : 0));
    const aligned = columns.length ? alignValues(after, columns.length, false) : { values: null, found: after.filter((c) => c.text).length };
    if (m) seenRows.add(`${m.item.itemId}:${m.item.id}`);
    out.push({
      id: m ? m.item.id : null, item: m?.item.itemId ?? item?.id, label: isTextCell(first) ? first : null,
      officialLabel: official, labelCost: cost,
      labelCells: isTextCell(first) ? [first] : [], expected: columns.length, found: aligned.found,
      shapeOk: aligned.values !== null, cells: aligned.values ? typed(aligned.values, columns) : [], row, isGroup: false,
    });
  }
  const missingRows: string[] = [];
  for (const it of T2_ITEMS) for (const r of it.versions[v]?.rows ?? []) if (!seenRows.has(`${it.id}:${r.id}`)) missingRows.push(`${it.label} ${r.label}`);
  return { kind: 't2', version, versionEvidence: version ? evidence : null, rows: out, missingRows };
}
