/**
 * One body's report at a glance, for a supervisor's batch table: who (agency, kind and level), the
 * published key figures (新收, 上年结转, 办结, 结转下年度; 行政复议 and 行政诉讼 with their 纠正 and
 * 尚未审结), the derived 纠错率 (结果纠正 / (总计 − 尚未审结), shown only from {@link MIN_DENOMINATOR}
 * cases on, else 样本不足) and timeliness: the date the report states (落款 or a stated publication
 * date) against the deadline of 《条例》第四十九条 for that kind of body (none for 乡镇: their county
 * sets it). Pure, from the model.
 */
import type { Report } from '../model/report';
import { readFacts } from '../model/facts';
import type { BodyLevel } from '../model/facts';
import { numberOf } from '../workspace/figures';

/** Below this many decided cases a rate says more about chance than about the body. */
export const MIN_DENOMINATOR = 30;

export interface Rate {
  /** Percentage with one decimal, or null when the denominator is under {@link MIN_DENOMINATOR}. */
  percent: number | null;
  corrected: number;
  decided: number;
}

export interface BodySummary {
  agency: string | null;
  kind: 'government' | 'department' | null;
  level: BodyLevel | null;
  year: number | null;
  figures: {
    new: number | null;
    carried: number | null;
    closed: number | null;
    carryover: number | null;
    review: number | null;
    reviewCorrected: number | null;
    litigation: number | null;
    litigationCorrected: number | null;
  };
  reviewRate: Rate | null;
  litigationRate: Rate | null;
  /** The date the report states, `YYYY-MM-DD`. */
  published: string | null;
  /** The statutory deadline, `YYYY-MM-DD`; null where the statute sets none (乡镇) or the body is unknown. */
  deadline: string | null;
  /** Days after the deadline (0 or less: on time); null when either date is missing. */
  lateDays: number | null;
}

const LEVEL_ZH: Record<BodyLevel, string> = { township: '乡镇', county: '县级', municipal: '市级', prefecture: '地级', province: '省级' };
export function levelName(level: BodyLevel | null, kind: BodySummary['kind']): string {
  if (!level) return '—';
  return LEVEL_ZH[level] + (kind === 'government' ? '政府' : kind === 'department' ? '部门' : '');
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function rate(corrected: number | null, total: number | null, pending: number | null): Rate | null {
  if (corrected === null || total === null) return null;
  const decided = total - (pending ?? 0);
  return { corrected, decided, percent: decided >= MIN_DENOMINATOR ? Math.round((1000 * corrected) / decided) / 10 : null };
}

export function bodySummary(report: Report): BodySummary {
  const facts = readFacts(report);
  // The first table of each kind, as the cross-report figures read it (only rows placed in columns).
  const v = (key: string) => {
    const [kind, rowId, colId] = key.split('/');
    const table = report.tables.find((t) => t.kind === kind);
    const row = table?.rows.find((r) => r.id === rowId && r.shapeOk && !r.isGroup);
    return numberOf(row?.cells.find((c) => c.column.id === colId));
  };
  const sum = (...xs: (number | null)[]) => (xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0));
  const t4 = (col: string) => v(`t4/results/${col}`);
  const review = t4('review-total');
  const reviewCorrected = t4('review-1');
  const litigation = sum(t4('direct-total'), t4('after-total'));
  const litigationCorrected = sum(t4('direct-1'), t4('after-1'));
  const signed = facts.signed;
  const body = facts.body;
  let deadline: string | null = null;
  let lateDays: number | null = null;
  if (body && body.level !== 'township' && report.year !== null) {
    const [m, d] = body.kind === 'government' ? [3, 31] : [1, 31];
    deadline = iso(report.year + 1, m, d);
    if (signed) lateDays = Math.round((Date.UTC(signed.year, signed.month - 1, signed.day) - Date.UTC(report.year + 1, m - 1, d)) / 86_400_000);
  }
  return {
    agency: report.agency, kind: body?.kind ?? null, level: body?.level ?? null, year: report.year,
    figures: {
      new: v('t3/new/total'), carried: v('t3/carried/total'), closed: v('t3/total/total'), carryover: v('t3/carryover/total'),
      review, reviewCorrected, litigation, litigationCorrected,
    },
    reviewRate: rate(reviewCorrected, review, t4('review-3')),
    litigationRate: rate(litigationCorrected, litigation, sum(t4('direct-3'), t4('after-3'))),
    published: signed ? iso(signed.year, signed.month, signed.day) : null,
    deadline, lateDays,
  };
}

/** 纠错率 as shown: `12.5%`, `样本不足` under the minimum, `—` without figures. */
export function rateText(r: Rate | null): string {
  if (!r) return '—';
  return r.percent === null ? '样本不足' : `${r.percent}%`;
}

/** Timeliness as shown: 按时, 逾期 N 天, 未注明日期, or — where the statute sets no deadline. */
export function timelinessText(b: Pick<BodySummary, 'deadline' | 'lateDays' | 'published'>): string {
  if (!b.deadline) return '—';
  if (b.lateDays === null) return '未注明日期';
  return b.lateDays <= 0 ? '按时' : `逾期 ${b.lateDays} 天`;
}
