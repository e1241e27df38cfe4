/**
 * Hover on a prose number or statement the engine understood: what it was compared with (a table
 * cell or a sum of cells) and whether it agrees, so the writer sees what the tool thinks it means.
 */
import type { Analysis } from './analyze';
import type { HoverResult } from './hover';
import { Check, checkClaims, renderReading } from '../model/claim-check';

const VERDICT: Record<string, string> = { match: '✓ 一致', mismatch: '✗ 不一致', unknown: '表中无法读出对应数字，未比对' };

function range(c: Check): { start: number; end: number } {
  const claim = c.claim;
  if (claim.kind === 'count' || claim.kind === 'percent') return { start: claim.numStart, end: claim.numEnd };
  if (claim.kind === 'fee' && claim.numStart !== undefined) return { start: claim.numStart, end: claim.numEnd! };
  return { start: claim.start, end: claim.end };
}

function body(c: Check): string[] {
  if ('readings' in c) {
    const lines = c.readings.map((r) => `- ${renderReading(r)}${c.claim.kind === 'count' && (r.value === c.claim.value || r.alt === c.claim.value) ? ' ✓' : ''}`);
    return lines.length ? [`对照：\n${lines.join('\n')}`] : [];
  }
  if ('against' in c) return c.against.length ? [`不符的单元格：\n${c.against.map((t) => `- ${t.label.zh} = ${t.value}`).join('\n')}`] : ['对照：表四 结果纠正、其他结果、尚未审结（应为 0）'];
  if ('bases' in c) {
    const n = c.claim.count.value;
    return [`对照：\n${c.bases.map((b) => `- ${n} ÷ ${b.value} = ${((100 * n) / b.value).toFixed(2)}%（${b.label.zh}）`).join('\n')}`];
  }
  if ('evidence' in c) return c.evidence.length ? [`相反的说法或数字：\n${c.evidence.map((e) => `- ${e.label.zh}：${e.value}`).join('\n')}`] : [];
  return [];
}

export function claimHover(a: Analysis, offset: number): HoverResult | null {
  for (const c of checkClaims(a.report)) {
    const r = range(c);
    if (offset < r.start || offset > r.end) continue;
    const md = [`**正文：“${c.claim.phrase}”**`, ...body(c), `结果：${VERDICT[c.verdict]}`].join('\n\n');
    return { start: r.start, end: r.end, markdown: md };
  }
  return null;
}
