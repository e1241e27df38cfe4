/**
 * The batch at a glance: per rule over the whole batch (reports checked, reports failing, findings by
 * severity — as R's `validate` summarises a confrontation), and per body (agency, level, year, status,
 * key figures, 纠错率, timeliness). `--summary` prints both after the findings, `--summary-file FILE`
 * writes them as JSON, and `--format csv` streams the per-body table (UTF-8 with a BOM, so that Excel
 * and WPS open it in Chinese). Dismissed findings (`--review`) are not counted.
 */
import type { Severity } from '../rules/rule';
import { Locale } from '../service/analyze';
import { BodySummary, levelName, rateText, timelinessText } from '../service/body-summary';
import { msg, text } from '../base/msg';
import type { FileResult } from './check';
import { Reporter, Sink, ruleCatalog } from './output';
import { shownName } from './names';

export interface RuleRow {
  rule: string;
  name: string;
  checked: number;
  failing: number;
  findings: number;
  bySeverity: Record<Severity, number>;
}

export interface BodyRow extends BodySummary {
  file: string;
  status: FileResult['status'];
  errors: number;
  warnings: number;
}

export interface BatchSummary { rules: RuleRow[]; bodies: BodyRow[] }

export function batchCollector(locale: Locale) {
  const rules = new Map<string, RuleRow>();
  for (const r of ruleCatalog()) {
    rules.set(r.id, { rule: r.id, name: text(r.names, locale), checked: 0, failing: 0, findings: 0, bySeverity: { error: 0, warning: 0, info: 0, hint: 0 } });
  }
  const bodies: BodyRow[] = [];
  return {
    add(r: FileResult): BodyRow | null {
      if (r.error || r.status === 'skipped') return null;
      const failing = new Set<string>();
      let errors = 0, warnings = 0;
      for (const row of rules.values()) row.checked++;
      for (const d of r.diagnostics) {
        if (d.review?.status === 'dismissed') continue;
        const row = rules.get(d.code);
        if (!row) continue;
        row.findings++;
        row.bySeverity[d.severity]++;
        if (d.severity === 'error' || d.severity === 'warning') failing.add(d.code);
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
      }
      for (const id of failing) rules.get(id)!.failing++;
      if (!r.body) return null;
      const body: BodyRow = { file: r.file, status: r.status, errors, warnings, ...r.body };
      bodies.push(body);
      return body;
    },
    result(): BatchSummary {
      return { rules: [...rules.values()].sort((a, b) => b.findings - a.findings || (a.rule < b.rule ? -1 : 1)), bodies };
    },
  };
}

const STATUS_ZH: Record<FileResult['status'], string> = {
  clean: '无问题', warnings: '有警告', errors: '有错误', unreadable: '无法读取', 'too-large': '过大未完整检查', 'timed-out': '超时未完成', skipped: '跳过',
};

/** The per-body table's columns: header and cell. */
const COLUMNS: [string, (b: BodyRow) => string | number | null][] = [
  ['文件', (b) => b.file],
  ['机关', (b) => b.agency],
  ['级别', (b) => levelName(b.level, b.kind)],
  ['年度', (b) => b.year],
  ['状态', (b) => STATUS_ZH[b.status]],
  ['错误', (b) => b.errors],
  ['警告', (b) => b.warnings],
  ['本年新收', (b) => b.figures.new],
  ['上年结转', (b) => b.figures.carried],
  ['办结（七）总计', (b) => b.figures.closed],
  ['结转下年度', (b) => b.figures.carryover],
  ['行政复议', (b) => b.figures.review],
  ['行政复议纠正', (b) => b.figures.reviewCorrected],
  ['行政复议纠错率', (b) => rateText(b.reviewRate)],
  ['行政诉讼', (b) => b.figures.litigation],
  ['行政诉讼纠正', (b) => b.figures.litigationCorrected],
  ['行政诉讼纠错率', (b) => rateText(b.litigationRate)],
  ['发布日期', (b) => b.published],
  ['法定期限', (b) => b.deadline ?? '—'],
  ['及时性', (b) => timelinessText(b)],
];

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // A cell a spreadsheet would read as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** `--format csv`: the per-body table, one row per report read, UTF-8 with a BOM, CRLF line ends. */
export function csvReporter(out: Sink, locale: Locale): Reporter {
  out('\ufeff' + COLUMNS.map((c) => csvCell(c[0])).join(',') + '\r\n');
  const collect = batchCollector(locale);
  return {
    file(r) {
      const b = collect.add(r);
      if (b) out(COLUMNS.map((c) => csvCell(c[1](b))).join(',') + '\r\n');
    },
    end() {},
  };
}

function pad(s: string, width: number): string {
  let w = 0;
  for (const ch of s) w += /[\u1100-\uffef]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(0, width - w));
}

/** `--summary`: per rule with findings, then per body, as aligned text. */
export function summaryText(s: BatchSummary, locale: Locale): string {
  const lines: string[] = [];
  const t = (zh: string, en: string) => text(msg(zh, en), locale);
  lines.push('', t('按规则汇总（检查报告数 / 不通过报告数 / 问题数：错误 警告 信息 提示）', 'By rule (reports checked / failing / findings: error warning info hint)'));
  const found = s.rules.filter((r) => r.findings > 0);
  for (const r of found) {
    lines.push(`  ${pad(`${r.name}（${r.rule}）`, 44)} ${r.checked} / ${r.failing} / ${r.findings}：${r.bySeverity.error} ${r.bySeverity.warning} ${r.bySeverity.info} ${r.bySeverity.hint}`);
  }
  const passed = s.rules.length - found.length;
  if (passed) lines.push(`  ${t(`其余 ${passed} 条规则没有发现问题`, `${passed} other rule(s) found nothing`)}`);
  lines.push('', t('按机关汇总', 'By body'));
  lines.push('  ' + (locale === 'en'
    ? ['agency', 'level', 'year', 'status', 'new', 'closed', 'review correction rate', 'litigation correction rate', 'timeliness', 'file']
    : ['机关', '级别', '年度', '状态', '新收', '办结', '复议纠错率', '诉讼纠错率', '及时性', '文件']).join('\t'));
  for (const b of s.bodies) {
    lines.push('  ' + [b.agency ?? '—', levelName(b.level, b.kind), b.year ?? '—', STATUS_ZH[b.status], b.figures.new ?? '—', b.figures.closed ?? '—',
      rateText(b.reviewRate), rateText(b.litigationRate), timelinessText(b), shownName(b.file)].join('\t'));
  }
  return lines.join('\n') + '\n';
}
