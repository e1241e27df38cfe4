/** The claims the prose makes: what quantity a statement speaks of, its value and its exact range. */

/** Quantities of table 三 (applications) and table 四 (review and litigation) a count may speak of. */
export type Quantity =
  | 'received' | 'new' | 'carried' | 'answered' | 'handled'
  | 'grant' | 'partial' | 'grant-partial' | 'deny' | 'unable' | 'reject' | 'other'
  | 'carryover'
  | 'review' | 'litigation' | 'direct' | 'after';
export type Topic = 'review' | 'litigation' | 'direct' | 'after';
/** A part of a table 四 group: 结果维持, 结果纠正, 其他结果, 尚未审结. */
export type Part = 'maintain' | 'correct' | 'other' | 'pending';

export interface Span {
  start: number;
  end: number;
  /** The words that make the statement, as written (for messages). */
  phrase: string;
}

export interface CountClaim extends Span {
  kind: 'count';
  quantity: Quantity;
  part?: Part;
  /** Applicant columns of table 三 the count is restricted to (自然人 = [0], 法人或其他组织 = [1..5]). */
  columns?: number[];
  /** 同意公开 N 件: often counts 部分公开 too, so (一) + (二) is a reading as well as (一). */
  orWithPartial?: boolean;
  value: number;
  unit: string;
  /** The number itself: a diagnostic covers exactly this. */
  numStart: number;
  numEnd: number;
}
/** "未收到政府信息公开申请", "未发生…行政复议": the quantity is zero. */
export interface NoneClaim extends Span { kind: 'none'; quantity: 'received' | Topic }
/** "均获维持" (every case upheld) or "均已结案" (none pending) about the topics named before it. */
export interface AllClaim extends Span { kind: 'all-upheld' | 'all-closed'; topics: Topic[] }
/** "所有申请均已办理完成": nothing carried over to next year. */
export interface SettledClaim extends Span { kind: 'all-settled' }
/** A statement about fees: 信息处理费 (info) or 行政事业性收费 (admin); value 0 for "未收取". */
export interface FeeClaim extends Span { kind: 'fee'; fee: 'info' | 'admin'; value: number; unit: string | null; numStart?: number; numEnd?: number }
/** "占总数的45.6%": a share of a stated count over a total. */
export interface PercentClaim extends Span {
  kind: 'percent';
  value: number;
  /** The figure with its % sign. */
  numStart: number;
  numEnd: number;
  decimals: number;
  count: CountClaim;
  /** The stated total of the same paragraph the share may be taken of, if any. */
  base: CountClaim | null;
}

export type Claim = CountClaim | NoneClaim | AllClaim | SettledClaim | FeeClaim | PercentClaim;

/**
 * A count stated of another year (2021年，全年收到申请86件 in a 2022 report): read as if that year were the
 * report's, so a rule can tell whether the figure is in fact this year's (a misdated statement).
 */
export interface DatedClaim {
  year: number;
  claim: CountClaim;
  /** The year as written (2021). */
  yearStart: number;
  yearEnd: number;
  /** The whole sentence part, for messages. */
  sentence: string;
}

/** A word of the claims vocabulary and what it names. */
export interface Word { text: string; quantity?: Quantity; part?: Part; weak?: boolean }
