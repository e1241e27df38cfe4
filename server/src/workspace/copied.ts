/**
 * Copied text: how much of each section of this year's narrative repeats last year's, measured on
 * characters by greedy string tiling seeded with n-character shingles (the method of plagiarism
 * checkers such as JPlag). Digits and the dates they form, punctuation and spacing, and the statutory
 * wording every report must contain (section titles, table labels, the 条例's name, the five topics of
 * 总体情况 …) are removed first, so they count neither as copied nor as text. Tables are not narrative.
 */
import { Report } from '../model/report';
import { SECTIONS, T2_ITEMS, T3_COLUMNS, T3_ROWS, T4_COLUMNS, T4_GROUPS, T4_PARTS, VERSIONS } from '../model/template';
import { Memo } from '../base/memo';

/** Shingle length and shortest passage counted as copied, in characters. */
export const SHINGLE = 12;
/** Sections with fewer counted characters than this are too short to call copied. */
export const MIN_SECTION_CHARS = 60;
export const DEFAULT_COPIED_THRESHOLD = 0.5;

export interface Passage {
  /** Offsets in this year's text. */
  start: number;
  end: number;
  /** Offsets in last year's text. */
  prevStart: number;
  prevEnd: number;
  /** Counted characters in the passage. */
  chars: number;
}

export interface SectionCopy {
  section: number;
  /** Counted characters of the section, and how many of them repeat last year's. */
  chars: number;
  copied: number;
  share: number;
  passages: Passage[];
}

const COUNTED = /[\u3400-\u4dbf\u4e00-\u9fffA-Za-z]/;

/** Phrases every report carries, in counted characters only. */
const BOILERPLATE: string[] = (() => {
  const labels = [
    ...SECTIONS.flatMap((s) => [s.title['2019'], s.title['2021'], ...s.variants]),
    ...T2_ITEMS.flatMap((it) => [it.label, ...VERSIONS.flatMap((v) => [...(it.versions[v]?.rows.map((r) => r.label) ?? []), ...(it.versions[v]?.columns.map((c) => c.label) ?? [])])]),
    ...VERSIONS.flatMap((v) => T3_ROWS[v].map((r) => r.label)), ...T3_COLUMNS.map((c) => c.label),
    ...T4_GROUPS.map((g) => g.label), ...T4_PARTS, ...T4_COLUMNS.map((c) => c.label),
    // The statute, the format notice and the standard sentences of the format (REFERENCE.md §1, §2).
    '中华人民共和国政府信息公开条例', '政府信息公开条例', '以下简称条例', '政府信息公开工作年度报告', '政府信息公开工作年度报告格式',
    '国务院办公厅政府信息与政务公开办公室', '国办公开办函', '本报告由', '根据', '规定编制', '编制本报告',
    '主动公开依申请公开政府信息管理政府信息公开平台建设监督保障', '工作考核社会评议和责任追究结果情况',
    '本报告所列数据的统计期限自年月日至年月日', '本报告中所列数据统计期限为年月日至年月日', '统计期限自年月日至年月日', '统计期限为年月日至年月日',
    '如对本报告有任何疑问', '如对本报告有疑问', '政府信息公开信息处理费管理办法', '信息处理费', '未收取信息处理费', '无其他需要报告的事项',
    '主动公开情况', '依申请公开情况', '政府信息管理情况', '政府信息公开平台建设情况', '监督保障情况',
  ];
  const set = new Set(labels.map((l) => clean(l).chars).filter((l) => l.length >= 2));
  return [...set].sort((a, b) => b.length - a.length);
})();

/** The counted characters of a span of text, with each one's offset; digits and the date units after them dropped. */
function clean(text: string, base = 0): { chars: string; offsets: number[] } {
  let chars = '';
  const offsets: number[] = [];
  const norm = text.normalize('NFKC');
  // NFKC of CJK text keeps its length for the characters counted here; fall back to the raw text if not.
  const src = norm.length === text.length ? norm : text;
  let afterDigit = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (/[0-9０-９.％%]/.test(ch)) {
      afterDigit = /[0-9０-９]/.test(ch) || afterDigit;
      continue;
    }
    if (afterDigit && /[年月日号]/.test(ch)) continue; // 2024年1月1日, 12月31日
    if (afterDigit && ch === '度' && src[i - 1] === '年') continue;
    afterDigit = false;
    if (!COUNTED.test(ch)) continue;
    chars += ch;
    offsets.push(base + i);
  }
  return { chars, offsets };
}

interface Narrative {
  /** Per section index (0 = before the first heading): counted characters and their offsets. */
  sections: Map<number, { chars: string; offsets: number[] }>;
}

/** A report's narrative, made once per model: last year's report is compared with every copy of this year's. */
const narratives = new Memo<Report, Narrative>();

function narrative(report: Report): Narrative {
  let out = narratives.get(report);
  if (!out) narratives.set(report, (out = readNarrative(report)));
  return out;
}

function readNarrative(report: Report): Narrative {
  const lines = report.tree.lines;
  const sectionOfLine = new Int8Array(lines.length);
  for (const s of report.sections) for (let l = s.startLine; l <= s.endLine && l < lines.length; l++) sectionOfLine[l] = s.index;
  const skip = new Uint8Array(lines.length);
  for (const b of report.tree.blocks) if (b.type === 'region') for (let l = b.startLine; l <= b.endLine && l < lines.length; l++) skip[l] = 1;
  for (const t of report.tables) for (const r of t.rows) for (let l = r.row.line; l <= r.row.endLine && l < lines.length; l++) skip[l] = 1;
  if (report.title) for (let l = report.title.startLine; l <= report.title.endLine; l++) skip[l] = 1;
  const out: Narrative = { sections: new Map() };
  for (const line of lines) {
    if (skip[line.index]) continue;
    const sec = sectionOfLine[line.index];
    const heading = report.sections.find((s) => s.heading.line.index === line.index)?.heading;
    const from = heading ? heading.titleEnd - line.start : 0; // a heading may share its line with the first paragraph
    const c = clean(line.text.slice(from), line.start + from);
    const acc = out.sections.get(sec) ?? { chars: '', offsets: [] };
    acc.chars += c.chars;
    acc.offsets.push(...c.offsets);
    out.sections.set(sec, acc);
  }
  for (const [k, v] of out.sections) out.sections.set(k, dropBoilerplate(v));
  return out;
}

function dropBoilerplate(s: { chars: string; offsets: number[] }): { chars: string; offsets: number[] } {
  const drop = new Uint8Array(s.chars.length);
  for (const phrase of BOILERPLATE) {
    for (let i = s.chars.indexOf(phrase); i >= 0; i = s.chars.indexOf(phrase, i + phrase.length)) drop.fill(1, i, i + phrase.length);
  }
  let chars = '';
  const offsets: number[] = [];
  for (let i = 0; i < s.chars.length; i++) {
    if (drop[i]) continue;
    chars += s.chars[i];
    offsets.push(s.offsets[i]);
  }
  return { chars, offsets };
}

interface Pool {
  /** Last year's counted characters, section after section, each followed by a NUL. */
  pool: string;
  poolOffsets: number[];
  /** Where each shingle starts in the pool (at most 16 places). */
  shingles: Map<string, number[]>;
}

const pools = new WeakMap<Report, Pool>();

function shinglesOf(prev: Report): Pool {
  const hit = pools.get(prev);
  if (hit) return hit;
  const b = narrative(prev);
  let pool = '';
  const poolOffsets: number[] = [];
  for (const k of [...b.sections.keys()].sort((x, y) => x - y)) {
    const s = b.sections.get(k)!;
    pool += s.chars + '\u0000'; // a passage never runs from one section into the next
    poolOffsets.push(...s.offsets, -1);
  }
  const shingles = new Map<string, number[]>();
  for (let p = 0; p + SHINGLE <= pool.length; p++) {
    const sh = pool.slice(p, p + SHINGLE);
    if (sh.includes('\u0000')) continue;
    const list = shingles.get(sh);
    if (!list) shingles.set(sh, [p]);
    else if (list.length < 16) list.push(p);
  }
  const out = { pool, poolOffsets, shingles };
  pools.set(prev, out);
  return out;
}

/**
 * For each section of `now` (1–6) with counted text: the share of its characters that repeat
 * anywhere in `prev`'s narrative, and the passages, longest first.
 */
export function copiedSections(now: Report, prev: Report, options: { preamble?: boolean } = {}): SectionCopy[] {
  const a = narrative(now);
  const { pool, poolOffsets, shingles } = shinglesOf(prev);
  const out: SectionCopy[] = [];
  for (const k of [...a.sections.keys()].sort((x, y) => x - y)) {
    if (k === 0 && !options.preamble) continue;
    const { chars, offsets } = a.sections.get(k)!;
    if (!chars.length) continue;
    const passages: Passage[] = [];
    let copied = 0;
    let i = 0;
    while (i + SHINGLE <= chars.length) {
      const starts = shingles.get(chars.slice(i, i + SHINGLE));
      if (!starts) {
        i++;
        continue;
      }
      let best = 0;
      let bestP = -1;
      for (const p of starts) {
        let n = SHINGLE;
        while (i + n < chars.length && pool[p + n] === chars[i + n]) n++;
        if (n > best) best = n, bestP = p;
      }
      passages.push({
        start: offsets[i], end: offsets[i + best - 1] + 1,
        prevStart: poolOffsets[bestP], prevEnd: poolOffsets[bestP + best - 1] + 1, chars: best,
      });
      copied += best;
      i += best;
    }
    passages.sort((x, y) => y.chars - x.chars || x.start - y.start);
    out.push({ section: k, chars: chars.length, copied, share: copied / chars.length, passages });
  }
  return out;
}
