import { readFacts } from '../model/facts';
import type { Report } from '../model/report';
import { T2_ITEMS } from '../model/template';
import { chineseToNumber, normalizeLabel } from '../model/text';
import { Rule, msg } from './rule';

const clauseOf = (item: string) => T2_ITEMS.find((it) => it.id === item)?.label ?? `第二十条第（${item}）项`;
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * References to the regulation must be right: table 二's rows sit under their own 第二十条 item, an
 * article cited from the regulation exists (it has 56), and the article cited for compiling or
 * publishing the annual report is one that speaks of it (第四条, 第四十九条, 第五十条).
 */
export const rule: Rule = {
  id: 'statute-reference',
  names: msg('条款引用', 'statute reference'),
  description: msg('条例条款引用有误：表二行列在错误的第二十条项下，条款不存在，或引用条款与所述内容不符', 'Wrong reference to the regulation: a table 二 row under another item of article 20, an article that does not exist, or an article cited for what it does not say'),
  tags: ['content', 'statute'],
  defaultSeverity: 'error',
  fixable: false,
  docs: {
    reports: 'a table 二 row under another 第二十条 item; an article the regulation does not have (it has 56); an article other than 第四/四十九/五十条 given as the basis of the report',
    fix: '—',
  },
  check({ report, text, emit }) {
    const facts = readFacts(report);
    for (const r of misplacedRows(report)) {
      const under = `第二十条第（${CN[r.under.clause] ?? r.under.clause}）项`;
      emit({
        start: r.start, end: r.end,
        message: msg(`“${r.label}”属于${clauseOf(r.belongs)}，却列在${under}下`, `"${r.label}" belongs to ${clauseOf(r.belongs)} but is listed under ${under}`),
        related: [{ start: r.under.start, end: r.under.end, message: msg(`所在的项：${under}`, `Listed under ${under}`) }],
      });
    }
    for (const a of facts.articles) {
      const cited = text.slice(a.start, a.end);
      if (a.article > REGULATION_ARTICLES || a.article < 1) {
        emit({
          start: a.start, end: a.end,
          message: msg(`《条例》（2019年修订）共${REGULATION_ARTICLES}条，没有${cited}`, `The regulation (2019 revision) has ${REGULATION_ARTICLES} articles; there is no article ${a.article}`),
        });
      } else if (a.aboutReport && !REPORT_ARTICLES.has(a.article) && report.year !== null && report.year >= 2019) {
        emit({
          start: a.start, end: a.end,
          message: msg(`年度报告的编制和公布依据是《条例》第四十九条（报送和公布期限）、第五十条（报告内容），不是${cited}`,
            `The annual report rests on articles 49 (deadline) and 50 (content) of the regulation, not article ${a.article}`),
        });
      }
    }
  },
};

// ------------------------------------------------------------------ detection

/** Articles of the 2019 regulation. */
const REGULATION_ARTICLES = 56;
/** 第四条 (who compiles the report), 第四十九条 (deadline), 第五十条 (content): what an article cited for the annual report may be. */
const REPORT_ARTICLES = new Set([4, 49, 50]);

interface ItemRef {
  /** Item id of table 二 ('1', '5', …) or the clause number when the table has no such item. */
  item: string;
  clause: number;
  start: number;
  end: number;
}

interface MisplacedRow {
  label: string;
  start: number;
  end: number;
  /** The item the row belongs to. */
  belongs: string;
  /** The header it sits under. */
  under: ItemRef;
}

const ITEM_REF_RE = /^第二十条第\(([一二三四五六七八九十]{1,3})\)项$/;
const ROW_ITEM = new Map<string, string>();
for (const it of T2_ITEMS) for (const v of Object.values(it.versions)) for (const r of v!.rows) ROW_ITEM.set(normalizeLabel(r.label), it.id);

/**
 * Rows of table 二 under the header of another 第二十条 item: read from the rows as written, a header
 * followed directly by its rows. Any line of prose, heading or marker between them ends the block, so
 * a table broken apart by a converter is never read as a misplaced row.
 */
function misplacedRows(report: Report): MisplacedRow[] {
  const out: MisplacedRow[] = [];
  let under: ItemRef | null = null;
  let rowsSince = 0;
  const itemOf = (text: string, start: number, end: number): ItemRef | null => {
    // Most lines are sentences, not item headers: leave them before normalising.
    if (!text.includes('项') || !text.includes('条')) return null;
    const m = ITEM_REF_RE.exec(normalizeLabel(text));
    if (!m) return null;
    const clause = chineseToNumber(m[1]) ?? 0;
    return { item: String(clause), clause, start, end };
  };
  for (const b of report.tree.blocks) {
    if (b.type === 'text') {
      const t = b.line.text.trim();
      if (!t) continue;
      const lead = b.line.text.indexOf(t);
      under = itemOf(t, b.line.start + lead, b.line.start + lead + t.length);
      rowsSince = 0;
      continue;
    }
    for (const row of b.rows) {
      if (!row.cells.some((c) => c.text)) continue;
      rowsSince++;
      for (const cell of row.cells) {
        if (!cell.text) continue;
        const ref = itemOf(cell.text, cell.start, cell.end);
        if (ref) {
          under = ref;
          rowsSince = 0;
          continue;
        }
        const belongs = ROW_ITEM.get(normalizeLabel(cell.text));
        // Only the rows right under the header (its column header, then at most two rows of figures).
        if (belongs && under && belongs !== under.item && rowsSince <= 4) out.push({ label: cell.text, start: cell.start, end: cell.end, belongs, under });
      }
    }
  }
  return out;
}
