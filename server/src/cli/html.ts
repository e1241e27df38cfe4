/**
 * The HTML summary for a supervisor: one self-contained Chinese page (all CSS and script inline, no
 * network), listing every report with its status and counts, sortable and filterable, with charts of
 * findings by rule and reports by status drawn as inline SVG, and each report expanding to its findings
 * with the text around each one. Written as files finish: only a compact entry per file is kept.
 */
import { Locale, localize } from '../service/analyze';
import type { FileResult } from './check';
import { Reporter, Sink, originText, ruleCatalog } from './output';
import { SCRIPT } from './html-script';
import { FINGERPRINT_VERSION } from '../service/fingerprint';
import type { ReviewEntry } from '../service/review';
import { BodySummary, levelName, rateText, timelinessText } from '../service/body-summary';

/** JSON that is safe inside a <script> element. */
function scriptJson(x: unknown): string {
  return JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function htmlEntry(r: FileResult, locale: Locale) {
  let e = 0, w = 0, i = 0;
  for (const d of r.diagnostics) {
    if (d.review?.status === 'dismissed') continue;
    d.severity === 'error' ? e++ : d.severity === 'warning' ? w++ : i++;
  }
  return {
    f: r.file, k: (r.kind ?? '') + (r.ocr ? ' (OCR)' : ''), s: r.status, v: r.formatVersion ?? '', y: r.year ?? '', e, w, i,
    ...(r.agency ? { a: r.agency } : {}),
    ...(r.encoding ? { c: r.encoding } : {}),
    ...(r.error ? { x: localize(r.error.message, locale) } : {}),
    d: r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message, originText(d, locale), ...(d.context ?? ['', '', '']), d.fingerprint, d.baseline ?? '']),
    ...(r.absent?.length ? { ab: r.absent.map((f) => [f.code, f.line, f.message]) } : {}),
    ...(r.body ? { b: bodyFacts(r.body) } : {}),
    ...(r.resolved?.length ? { rs: r.resolved.map((e) => [e.rule, e.status, e.reason ?? '']) } : {}),
  };
}

/** The body's level, key figures, 纠错率 and timeliness, as the page shows them. */
function bodyFacts(b: BodySummary) {
  const f = b.figures;
  const n = (x: number | null) => (x === null ? '—' : String(x));
  return {
    l: levelName(b.level, b.kind),
    k: `新收 ${n(f.new)}，上年结转 ${n(f.carried)}，办结 ${n(f.closed)}，结转下年度 ${n(f.carryover)}；行政复议 ${n(f.review)}（纠正 ${n(f.reviewCorrected)}，纠错率 ${rateText(b.reviewRate)}）；行政诉讼 ${n(f.litigation)}（纠正 ${n(f.litigationCorrected)}，纠错率 ${rateText(b.litigationRate)}）`,
    t: timelinessText(b),
    p: b.published ?? '',
    dl: b.deadline ?? '',
  };
}

const CSS = `
:root{--err:#c62828;--warn:#ef6c00;--ok:#2e7d32;--bad:#6a1b9a;--big:#455a64;--info:#1565c0;--line:#e0e0e0;--bg:#fafafa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.6 "PingFang SC","Noto Sans CJK SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#212121;background:var(--bg)}
header{background:#263238;color:#fff;padding:16px 24px}
header h1{margin:0;font-size:20px;font-weight:600}
header p{margin:4px 0 0;color:#cfd8dc;font-size:13px}
main{padding:16px 24px;max-width:1280px;margin:0 auto}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:16px}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}
.card span{color:#616161;font-size:12px}
.charts{display:grid;grid-template-columns:3fr 2fr;gap:16px;margin-bottom:16px}
.chart{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px}
.chart h2{font-size:15px;margin:0 0 8px}
.chart svg{width:100%;height:auto;display:block}
.chart text{font-size:12px;fill:#424242}
.tools{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin-bottom:8px}
.tools input,.tools select{font:inherit;padding:4px 8px;border:1px solid #bdbdbd;border-radius:4px;background:#fff}
.tools input{width:260px}
#count{color:#616161}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid var(--line)}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#eceff1;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲";font-size:10px}
th[aria-sort=descending]::after{content:" ▼";font-size:10px}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr.report{cursor:pointer}
tr.report:hover{background:#f5f5f5}
tr.report td:first-child::before{content:"▸ ";color:#9e9e9e}
tr.report.open td:first-child::before{content:"▾ "}
.file{word-break:break-all}
.badge{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;font-size:12px;white-space:nowrap}
.s-errors{background:var(--err)}.s-warnings{background:var(--warn)}.s-clean{background:var(--ok)}.s-unreadable{background:var(--bad)}.s-too-large{background:var(--big)}.s-timed-out{background:var(--bad)}
.sev{font-weight:600}.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-info,.sev-hint{color:var(--info)}
tr.details>td{background:#fcfcfc;padding:8px 16px 12px 32px}
.finding{border-left:3px solid var(--line);padding:2px 10px;margin:6px 0}
.finding.error{border-color:var(--err)}.finding.warning{border-color:var(--warn)}
.where{color:#757575;font-size:12px;margin-right:8px}
code{font-family:ui-monospace,Consolas,monospace;font-size:12px;background:#eceff1;padding:0 4px;border-radius:3px}
.ctx{font-size:13px;color:#424242;background:#f5f5f5;padding:2px 8px;margin-top:2px;white-space:pre-wrap;word-break:break-all;border-radius:3px}
.ctx mark{background:#ffe082;padding:0 1px}
.more{margin:8px 0;text-align:center}
.more button{font:inherit;padding:4px 16px}
footer{color:#9e9e9e;font-size:12px;padding:16px 24px;text-align:center}
.rv{margin-top:4px;display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.rv button,.tools button{font:inherit;font-size:12px;padding:1px 10px;border:1px solid #90a4ae;border-radius:4px;background:#fff;cursor:pointer}
.rv button:disabled{opacity:.5;cursor:default}
.rv-reason{font:inherit;font-size:12px;padding:1px 6px;width:320px;border:1px solid #90a4ae;border-radius:4px}
.rv-badge{font-size:12px;padding:0 8px;border-radius:10px;color:#fff}
.rv-confirmed{background:#1565c0}.rv-dismissed{background:#757575}
.finding.dismissed{opacity:.7;border-color:#9e9e9e;border-left-style:dashed}
.tag-new{font-size:11px;padding:0 6px;border-radius:8px;background:#fff3e0;color:#e65100;border:1px solid #ffb74d}
.absent-head{margin-top:8px;color:#2e7d32;font-weight:600}
.finding.absent{border-color:#a5d6a7;color:#616161}
td.agency{white-space:nowrap}
#pending{color:#e65100}
#store{color:#607d8b;font-size:12px}
.rules-table{margin-bottom:16px;background:#fff;border:1px solid var(--line);border-radius:6px;padding:8px 16px}
.rules-table summary{cursor:pointer;font-weight:600}
.rules-table table{margin-top:8px}
.facts{color:#455a64;font-size:13px;margin:2px 0 6px}
@media (max-width:900px){.charts{grid-template-columns:1fr}}
`;

export function htmlReporter(out: Sink, locale: Locale, info: { version: string; generated: string; settings: Record<string, string | undefined>; ledger?: readonly ReviewEntry[]; baseline?: boolean }): Reporter {
  const title = '政府信息公开工作年度报告检查汇总';
  out(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="ogi-report">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${title}</h1><p id="generated"></p></header>
<main>
<section class="cards" id="cards" aria-label="总体情况"></section>
<section class="charts">
<div class="chart"><h2>各规则发现的问题数</h2><div id="chart-rules"></div></div>
<div class="chart"><h2>报告状态</h2><div id="chart-status"></div></div>
</section>
<details class="rules-table"><summary>按规则汇总（检查报告数、不通过报告数、各级别问题数）</summary><table><thead><tr><th>规则</th><th class="n">检查报告数</th><th class="n">不通过报告数</th><th class="n">错误</th><th class="n">警告</th><th class="n">信息</th><th class="n">提示</th></tr></thead><tbody id="rule-rows"></tbody></table></details>
<section class="tools">
<input id="q" type="search" placeholder="按文件名或机关筛选…" aria-label="按文件名或机关筛选">
<select id="status" aria-label="按状态筛选"><option value="">全部状态</option><option value="errors">有错误</option><option value="warnings">有警告</option><option value="clean">无问题</option><option value="unreadable">无法读取</option><option value="too-large">过大未完整检查</option><option value="timed-out">超时未完成</option></select>
<select id="rule" aria-label="按规则筛选"><option value="">全部规则</option></select>
<select id="review" aria-label="按审核状态筛选"><option value="">全部审核状态</option><option value="none">未审核</option><option value="confirmed">已确认</option><option value="dismissed">已驳回</option></select>
<select id="base" aria-label="按与上次比较筛选" hidden><option value="">新增与未变</option><option value="new">新增</option><option value="unchanged">未变</option></select>
<input id="reviewer" type="text" placeholder="审核人" aria-label="审核人" style="width:100px">
<button id="export" type="button">导出审核记录</button>
<span id="pending"></span>
<span id="count"></span>
</section>
<table>
<thead><tr><th data-key="f">报告文件</th><th data-key="a">机关</th><th data-key="s">状态</th><th data-key="e" class="n">错误</th><th data-key="w" class="n">警告</th><th data-key="v">格式版本</th><th data-key="y" class="n">年度</th><th data-key="t">及时性</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<div class="more"><button id="more" hidden>显示更多</button></div>
</main>
<footer>由 ogi-report 离线生成，不含任何外部资源。点击表头排序，点击报告展开问题及上下文；逐条确认或驳回的决定自动保存在本浏览器中（按报告指纹），刷新不会丢失；用“导出审核记录”保存为文件，下次以 --review 审核记录.json 运行即带入。</footer>
<script>
var D=[`);
  let first = true;
  return {
    file(r) {
      out((first ? '\n' : ',\n') + scriptJson(htmlEntry(r, locale)));
      first = false;
    },
    end(s) {
      const ruleSeverity: Record<string, string> = {};
      for (const r of ruleCatalog()) ruleSeverity[r.id] = (info.settings[r.id] as string | undefined) ?? r.defaultSeverity;
      const ruleNames: Record<string, string> = {};
      const ruleShort: Record<string, string> = {};
      for (const r of ruleCatalog()) {
        ruleNames[r.id] = localize(r.description, locale);
        ruleShort[r.id] = localize(r.names, locale);
      }
      const meta = {
        generated: info.generated, version: info.version, skipped: s.skipped, ignored: s.ignored, ruleSeverity, ruleNames, ruleShort,
        fingerprintVersion: FINGERPRINT_VERSION, ledger: info.ledger ?? [], baseline: !!info.baseline,
      };
      out(`];\nvar M=${scriptJson(meta)};\n</script>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`);
    },
  };
}
