/** Statements without a count: 均获维持, 均已结案, 未收到申请, 所有申请均已办结, and the fees (未收取信息处理费). */
import { Segment, offsetAt } from '../segments';
import { ALL_WORDS, CLAIM_WORDS, CLOSED, EXCEPT_WORDS, NEGATIONS, NONE_VERBS, SETTLED_ANSWERED, SETTLED_VERBS, UPHELD } from '../vocabulary/claims';
import { Ctx, isTopic, mentionsApplications, span } from './context';
import { Hit, numbers, residue } from './tokens';
import type { Topic } from './types';

export interface SentenceInfo { reviewOrLitigation: boolean; firstApp: number; carryover: boolean }

export function firstApplication(text: string): number {
  const i = text.replace(/被申请|复议申请|申请行政复议|申请复议/g, (m) => '＿'.repeat(m.length)).indexOf('申请');
  return i < 0 ? Infinity : i;
}

export function readQualitative(clause: Segment, hits: Hit[], topicsSeen: Topic[], appDomain: boolean, infoDomain: boolean, sentence: SentenceInfo, ctx: Ctx): void {
  const text = clause.text;
  const hasNumber = numbers(text, ['件', '宗']).length > 0;
  const topicsHere = hits.map((h) => h.word.quantity).filter(isTopic);
  // 均获维持 / 均已结案 about the topics named before it in the sentence.
  for (const [list, kind] of [[UPHELD, 'all-upheld'], [CLOSED, 'all-closed']] as const) {
    for (const w of list) {
      const at = text.indexOf(w);
      if (at < 0) continue;
      const before = [...topicsSeen, ...(infoDomain ? hits.filter((h) => h.start < at).map((h) => h.word.quantity).filter(isTopic) : [])];
      const topics = [...new Set(before)];
      if (topics.length) ctx.claims.push({ kind, topics, ...span(clause, at, at + w.length) });
      break;
    }
  }
  // 未收到…申请, 未发生…行政复议、行政诉讼.
  if (!hasNumber) {
    for (const neg of NEGATIONS) {
      const at = text.indexOf(neg);
      if (at < 0) continue;
      const after = text.slice(at + neg.length);
      const verb = NONE_VERBS.find((v) => after.startsWith(v));
      const objStart = at + neg.length + (verb?.length ?? 0);
      const tail = text.slice(objStart);
      const topicHits = hits.filter((h) => h.start >= objStart && isTopic(h.word.quantity) && !h.word.part);
      if (topicHits.length && verb) {
        if (!infoDomain) break;
        const gap = text.slice(objStart, topicHits[0].start);
        if (residue(gap, [], null, ['因', '引起', '而', '任何', '针对', '公开']) || /[0-9]/.test(gap)) break;
        const last = topicHits[topicHits.length - 1];
        for (const h of topicHits) {
          const q = h.word.quantity as Topic;
          if (q === 'review' || q === 'litigation') ctx.claims.push({ kind: 'none', quantity: q, ...span(clause, at, last.end) });
        }
        break;
      }
      const obj = ['政府信息公开申请', '依申请公开', '信息公开申请', '申请'].map((o) => ({ o, i: tail.indexOf(o) })).find((x) => x.i >= 0);
      if (obj && (verb || (neg === '无' && obj.i === 0)) && !topicsHere.length && !/复议|诉讼/.test(tail)) {
        const gap = tail.slice(0, obj.i);
        if (residue(gap, [], null, ['任何', '公开']) === '' && residue(text.slice(0, at), [], ctx.agency) === '') {
          ctx.claims.push({ kind: 'none', quantity: 'received', ...span(clause, at, objStart + obj.i + obj.o.length) });
        }
      }
      break;
    }
  }
  // 所有申请均已办理完成.
  if (!hasNumber && appDomain && !sentence.reviewOrLitigation && !EXCEPT_WORDS.some((w) => text.includes(w))
    && !sentence.carryover) {
    let found: { from: number; to: number } | null = null;
    for (const v of SETTLED_VERBS) {
      const at = text.indexOf(v);
      if (at < 0) continue;
      const all = ALL_WORDS.map((w) => text.lastIndexOf(w, at)).filter((i) => i >= 0);
      if (all.length && !/率/.test(text.slice(at, at + v.length + 1))) found = { from: Math.min(...all), to: at + v.length };
      break;
    }
    if (!found) {
      for (const v of SETTLED_ANSWERED) {
        const at = text.indexOf(v);
        if (at >= 0) {
          found = { from: at, to: at + v.length };
          break;
        }
      }
    }
    if (found && (mentionsApplications(text) || sentence.firstApp < (clause.at ?? 0))) {
      ctx.claims.push({ kind: 'all-settled', ...span(clause, found.from, found.to) });
    }
  }
  readFee(clause, ctx);
}

function readFee(clause: Segment, ctx: Ctx): void {
  const text = clause.text;
  const info = text.includes(CLAIM_WORDS.FEE_INFO) || (text.includes('政府信息公开') && text.includes('收费'));
  const admin = text.includes(CLAIM_WORDS.FEE_ADMIN);
  if (info === admin) return;
  const fee = info ? 'info' : 'admin';
  const neg = NEGATIONS.map((n) => ({ n, i: text.indexOf(n) })).filter((x) => x.i >= 0).sort((a, b) => a.i - b.i)[0];
  const amounts = numbers(text, ['万元', '元']);
  const w = info ? (text.includes(CLAIM_WORDS.FEE_INFO) ? CLAIM_WORDS.FEE_INFO : '收费') : CLAIM_WORDS.FEE_ADMIN;
  const word = text.indexOf(w);
  if (neg && !amounts.length) {
    // "未收取信息处理费", "无收取信息处理费情况", "未发生政府信息公开收费事项".
    if (residue(text.slice(neg.i + neg.n.length, word), [], null, ['收取', '收', '发生', '产生', '任何', '政府信息公开', '信息公开', '的', '相关']) !== '') return;
    ctx.claims.push({ kind: 'fee', fee, value: 0, unit: null, ...span(clause, Math.min(neg.i, word), Math.max(neg.i + neg.n.length, word + w.length)) });
    return;
  }
  const collect = text.indexOf('收取');
  if (!neg && amounts.length === 1 && collect >= 0 && collect < amounts[0].start) {
    const a = amounts[0];
    ctx.claims.push({
      kind: 'fee', fee, value: a.value, unit: a.unit, ...span(clause, Math.min(collect, word), a.unitEnd),
      numStart: offsetAt(clause, a.start), numEnd: offsetAt(clause, a.end - 1) + 1,
    });
  }
}
