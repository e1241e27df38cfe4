/**
 * The HTML summary for a supervisor: one self-contained Chinese page (all CSS and script inline, no
 * network), listing every report with its status and counts, sortable and filterable, with charts of
 * findings by rule and reports by status drawn as inline SVG, and each report expanding to its findings
 * with the text around each one. Written as files finish: only a compact entry per file is kept.
 */
import { Locale, localize } from '../service/analyze';
import type { FileResult } from './check';
import { Reporter, Sink, originText, ruleCatalog } from './output';

/** JSON that is safe inside a <script> element. */
function scriptJson(x: unknown): string {
  return JSON.stringify(x).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function htmlEntry(r: FileResult, locale: Locale) {
  let e = 0, w = 0, i = 0;
  for (const d of r.diagnostics) d.severity === 'error' ? e++ : d.severity === 'warning' ? w++ : i++;
  return {
    f: r.file, k: (r.kind ?? '') + (r.ocr ? ' (OCR)' : ''), s: r.status, v: r.formatVersion ?? '', y: r.year ?? '', e, w, i,
    ...(r.encoding ? { c: r.encoding } : {}),
    ...(r.error ? { x: localize(r.error.message, locale) } : {}),
    d: r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.message, originText(d, locale), ...(d.context ?? ['', '', ''])]),
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
@media (max-width:900px){.charts{grid-template-columns:1fr}}
`;

// The page script: renders cards, charts and the table from D (entries) and M (summary, rules).
const SCRIPT = `
(function(){
var STATUS={errors:'有错误',warnings:'有警告',clean:'无问题',unreadable:'无法读取','too-large':'过大未完整检查','timed-out':'超时未完成'};
var ORDER={errors:0,unreadable:1,'timed-out':1,'too-large':2,warnings:3,clean:4};
var SEV={error:'错误',warning:'警告',info:'信息',hint:'提示'};
var COLOR={errors:'#c62828',warnings:'#ef6c00',clean:'#2e7d32',unreadable:'#6a1b9a','too-large':'#455a64','timed-out':'#6a1b9a'};
function el(tag,attrs,kids){var e=document.createElement(tag);for(var k in attrs||{}){if(k==='text')e.textContent=attrs[k];else e.setAttribute(k,attrs[k]);}(kids||[]).forEach(function(c){if(c!=null)e.appendChild(typeof c==='string'?document.createTextNode(c):c);});return e;}
function svg(tag,attrs,kids){var e=document.createElementNS('http://www.w3.org/2000/svg',tag);for(var k in attrs||{}){if(k==='text')e.textContent=attrs[k];else e.setAttribute(k,attrs[k]);}(kids||[]).forEach(function(c){e.appendChild(c);});return e;}
var byStatus={errors:0,warnings:0,clean:0,unreadable:0,'too-large':0,'timed-out':0},byRule={},findings=0;
D.forEach(function(r){byStatus[r.s]++;r.d.forEach(function(d){byRule[d[0]]=(byRule[d[0]]||0)+1;findings++;});});
var root=D.length?D[0].f.slice(0,D[0].f.lastIndexOf('/')+1):'';D.forEach(function(r){while(root&&r.f.indexOf(root)!==0)root=root.slice(0,root.slice(0,-1).lastIndexOf('/')+1);});
D.forEach(function(r){r.n=r.f.slice(root.length);});
document.getElementById('generated').textContent=(root?'目录 '+root+' · ':'')+'生成时间 '+M.generated+' · ogi-report '+M.version;
var cards=[['报告总数',D.length],['有错误',byStatus.errors],['有警告',byStatus.warnings],['无问题',byStatus.clean],['无法读取',byStatus.unreadable],['过大未完整检查',byStatus['too-large']],['超时未完成',byStatus['timed-out']],['问题总数',findings],['跳过的非报告文件',M.skipped]];
var cd=document.getElementById('cards');cards.forEach(function(c){cd.appendChild(el('div',{class:'card'},[el('b',{text:String(c[1])}),el('span',{text:c[0]})]));});
function bars(target,items,colorOf,w,left){var rowH=24,right=50,h=Math.max(1,items.length)*rowH+8;var max=Math.max.apply(null,items.map(function(i){return i[1];}).concat([1]));
var s=svg('svg',{viewBox:'0 0 '+w+' '+h,role:'img'});
if(!items.length)s.appendChild(svg('text',{x:0,y:18,text:'没有发现问题'}));
items.forEach(function(it,i){var y=i*rowH+4,bw=Math.max(2,(w-left-right)*it[1]/max);
var g=svg('g',{},[svg('title',{text:it[0]+'：'+it[1]+(it[3]?'（'+it[3]+'）':'')}),svg('text',{x:left-8,y:y+15,'text-anchor':'end',text:it[2]||it[0]}),svg('rect',{x:left,y:y+3,width:bw,height:rowH-8,rx:3,fill:colorOf(it)}),svg('text',{x:left+bw+6,y:y+15,text:String(it[1])})]);s.appendChild(g);});
document.getElementById(target).appendChild(s);}
var rules=Object.keys(byRule).map(function(k){return [k,byRule[k],k,M.ruleNames[k]];}).sort(function(a,b){return b[1]-a[1]||(a[0]<b[0]?-1:1);});
bars('chart-rules',rules,function(it){return M.ruleSeverity[it[0]]==='error'?'#c62828':M.ruleSeverity[it[0]]==='warning'?'#ef6c00':'#1565c0';},560,170);
bars('chart-status',Object.keys(STATUS).filter(function(k){return byStatus[k]>0;}).map(function(k){return [k,byStatus[k],STATUS[k]];}),function(it){return COLOR[it[0]];},380,120);
var rs=document.getElementById('rule');Object.keys(byRule).sort().forEach(function(k){rs.appendChild(el('option',{value:k,text:k+'（'+byRule[k]+'）'}));});
var sortKey='s',sortDir=1,limit=200,open={};
var keyOf={f:function(r){return r.n;},s:function(r){return ORDER[r.s];},e:function(r){return r.e;},w:function(r){return r.w;},v:function(r){return r.v;},y:function(r){return r.y===''?-1:r.y;}};
function rows(){var q=document.getElementById('q').value.trim().toLowerCase(),st=document.getElementById('status').value,ru=document.getElementById('rule').value;
var out=D.filter(function(r){return (!q||r.n.toLowerCase().indexOf(q)>=0)&&(!st||r.s===st)&&(!ru||r.d.some(function(d){return d[0]===ru;}));});
var k=keyOf[sortKey];out.sort(function(a,b){var x=k(a),y=k(b);return (x<y?-1:x>y?1:0)*sortDir||(a.f<b.f?-1:a.f>b.f?1:0);});return out;}
function details(r){var box=el('td',{colspan:'6'});
if(r.x)box.appendChild(el('div',{class:'finding error'},[el('span',{class:'sev sev-error',text:'无法读取：'}),r.x]));
if(!r.d.length&&!r.x)box.appendChild(el('div',{text:'没有发现问题。'}));
r.d.forEach(function(d){var where='第 '+d[2]+' 行'+(d[5]?' · '+d[5]:'');
var ctx=d[6]||d[7]||d[8]?el('div',{class:'ctx'},[d[6],el('mark',{text:d[7]||' '}),d[8]]):null;
box.appendChild(el('div',{class:'finding '+d[1]},[el('span',{class:'where',text:where}),el('span',{class:'sev sev-'+d[1],text:SEV[d[1]]}),' ',el('code',{text:d[0]}),' ',d[4],ctx]));});
return el('tr',{class:'details'},[box]);}
function render(){var list=rows(),tb=document.getElementById('rows');tb.textContent='';
list.slice(0,limit).forEach(function(r){var tr=el('tr',{class:'report'+(open[r.f]?' open':''),'data-file':r.f},[el('td',{class:'file',text:r.n,title:r.f}),el('td',{},[el('span',{class:'badge s-'+r.s,text:STATUS[r.s]})]),el('td',{class:'n',text:String(r.e)}),el('td',{class:'n',text:String(r.w)}),el('td',{text:r.v?r.v+' 版':'—'}),el('td',{class:'n',text:r.y===''?'—':String(r.y)})]);
tr.addEventListener('click',function(){open[r.f]=!open[r.f];render();});tb.appendChild(tr);if(open[r.f])tb.appendChild(details(r));});
document.getElementById('count').textContent='显示 '+Math.min(limit,list.length)+' / '+list.length+' 份报告（共 '+D.length+' 份）';
document.getElementById('more').hidden=list.length<=limit;
document.querySelectorAll('th[data-key]').forEach(function(th){th.setAttribute('aria-sort',th.getAttribute('data-key')===sortKey?(sortDir>0?'ascending':'descending'):'none');});}
document.querySelectorAll('th[data-key]').forEach(function(th){th.addEventListener('click',function(){var k=th.getAttribute('data-key');if(k===sortKey)sortDir=-sortDir;else{sortKey=k;sortDir=(k==='e'||k==='w')?-1:1;}render();});});
['q','status','rule'].forEach(function(id){document.getElementById(id).addEventListener('input',function(){limit=200;render();});});
document.getElementById('more').addEventListener('click',function(){limit+=500;render();});
render();
})();
`;

export function htmlReporter(out: Sink, locale: Locale, info: { version: string; generated: string; settings: Record<string, string | undefined> }): Reporter {
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
<section class="tools">
<input id="q" type="search" placeholder="按文件名筛选…" aria-label="按文件名筛选">
<select id="status" aria-label="按状态筛选"><option value="">全部状态</option><option value="errors">有错误</option><option value="warnings">有警告</option><option value="clean">无问题</option><option value="unreadable">无法读取</option><option value="too-large">过大未完整检查</option><option value="timed-out">超时未完成</option></select>
<select id="rule" aria-label="按规则筛选"><option value="">全部规则</option></select>
<span id="count"></span>
</section>
<table>
<thead><tr><th data-key="f">报告文件</th><th data-key="s">状态</th><th data-key="e" class="n">错误</th><th data-key="w" class="n">警告</th><th data-key="v">格式版本</th><th data-key="y" class="n">年度</th></tr></thead>
<tbody id="rows"></tbody>
</table>
<div class="more"><button id="more" hidden>显示更多</button></div>
</main>
<footer>由 ogi-report 离线生成，不含任何外部资源。点击表头排序，点击报告展开问题及上下文。</footer>
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
      for (const r of ruleCatalog()) ruleNames[r.id] = localize(r.description, locale);
      const meta = { generated: info.generated, version: info.version, skipped: s.skipped, ignored: s.ignored, ruleSeverity, ruleNames };
      out(`];\nvar M=${scriptJson(meta)};\n</script>\n<script>${SCRIPT}</script>\n</body>\n</html>\n`);
    },
  };
}
