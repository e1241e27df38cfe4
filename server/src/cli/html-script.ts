/**
 * The summary page's script (plain ES5, inline under the page's strict CSP): cards, charts, the sortable
 * and filterable table of reports, each expanding to its findings, and the review — each finding marked
 * 确认 or 驳回 with a reason, filtered by 未审核 / 已确认 / 已驳回 and by new / unchanged against a
 * baseline, and `导出审核记录`, the ledger built in the page and saved through a Blob download.
 * The page's decisions are kept in the browser's localStorage, one record per report keyed by the report's
 * fingerprint (the first half of its findings' fingerprints), so a reload, or the page generated again for
 * the same reports, keeps them: decisions not yet exported win over the ledger read with `--review`;
 * exported ones fill in what the ledger does not say. The page says where its decisions are kept.
 *
 * Data: `D` (one entry per file, `htmlEntry`), `M` (meta: rule names and severities, the ledger read
 * with `--review`, whether a baseline was given). A finding is the tuple
 * [code, severity, line, column, message, origin, before, covered, after, fingerprint, baseline].
 */
export const SCRIPT = `
(function(){
var STATUS={errors:'有错误',warnings:'有警告',clean:'无问题',unreadable:'无法读取','too-large':'过大未完整检查','timed-out':'超时未完成'};
var ORDER={errors:0,unreadable:1,'timed-out':1,'too-large':2,warnings:3,clean:4};
var SEV={error:'错误',warning:'警告',info:'信息',hint:'提示'};
var COLOR={errors:'#c62828',warnings:'#ef6c00',clean:'#2e7d32',unreadable:'#6a1b9a','too-large':'#455a64','timed-out':'#6a1b9a'};
var RVNAME={none:'未审核',confirmed:'已确认',dismissed:'已驳回'};
function el(tag,attrs,kids){var e=document.createElement(tag);for(var k in attrs||{}){if(k==='text')e.textContent=attrs[k];else e.setAttribute(k,attrs[k]);}(kids||[]).forEach(function(c){if(c!=null)e.appendChild(typeof c==='string'?document.createTextNode(c):c);});return e;}
function svg(tag,attrs,kids){var e=document.createElementNS('http://www.w3.org/2000/svg',tag);for(var k in attrs||{}){if(k==='text')e.textContent=attrs[k];else e.setAttribute(k,attrs[k]);}(kids||[]).forEach(function(c){e.appendChild(c);});return e;}
function short(k){return M.ruleShort[k]||k;}
// The ledger: every entry read with --review (reports not in this run included, so that export keeps them), then the page's decisions.
var REV={},PEND={};
(M.ledger||[]).forEach(function(x){REV[x.fingerprint]=x;});
// Kept in this browser: {fingerprint: {e: entry or null (undone), p: 1 while not exported}} under STORE + the report's fingerprint.
var STORE='ogi-report.review.',LS=null;
try{LS=window.localStorage;LS.getItem(STORE);}catch(e){LS=null;}
function rid(fp){return String(fp||'').split(':')[0];}
function readRec(id){if(!LS||!id)return {};try{var x=JSON.parse(LS.getItem(STORE+id)||'{}');return x&&typeof x==='object'?x:{};}catch(e){return {};}}
function writeRec(id,rec){if(!LS||!id)return;try{if(Object.keys(rec).length)LS.setItem(STORE+id,JSON.stringify(rec));else LS.removeItem(STORE+id);}catch(e){}}
function restore(){var ids={};D.forEach(function(r){r.d.forEach(function(d){var id=rid(d[9]);if(id)ids[id]=1;});});
Object.keys(ids).forEach(function(id){var rec=readRec(id);Object.keys(rec).forEach(function(fp){var k=rec[fp];if(!k||typeof k!=='object')return;
if(k.p){PEND[fp]=1;if(k.e)REV[fp]=k.e;else delete REV[fp];}else if(k.e&&!REV[fp])REV[fp]=k.e;});});}
function keep(fp){PEND[fp]=1;var id=rid(fp),rec=readRec(id);rec[fp]={e:REV[fp]||null,p:1};writeRec(id,rec);}
function exported(){var ids={};Object.keys(PEND).forEach(function(fp){ids[rid(fp)]=1;});
Object.keys(ids).forEach(function(id){var rec=readRec(id);Object.keys(rec).forEach(function(fp){if(rec[fp]&&rec[fp].e)rec[fp].p=0;else delete rec[fp];});writeRec(id,rec);});PEND={};}
function pending(){return Object.keys(PEND).length;}
restore();
function rv(d){var x=REV[d[9]];return x?x.status:'none';}
function live(d){return rv(d)!=='dismissed';}
D.forEach(function(r){r.s0=r.s;});
function recount(r){var e=0,w=0,i=0;r.d.forEach(function(d){if(!live(d))return;d[1]==='error'?e++:d[1]==='warning'?w++:i++;});r.e=e;r.w=w;r.i=i;
if(r.s0==='errors'||r.s0==='warnings'||r.s0==='clean')r.s=e?'errors':w?'warnings':'clean';}
var root=D.length?D[0].f.slice(0,D[0].f.lastIndexOf('/')+1):'';D.forEach(function(r){while(root&&r.f.indexOf(root)!==0)root=root.slice(0,root.slice(0,-1).lastIndexOf('/')+1);});
D.forEach(function(r){r.n=r.f.slice(root.length);});
document.getElementById('generated').textContent=(root?'目录 '+root+' · ':'')+'生成时间 '+M.generated+' · ogi-report '+M.version;
function tally(){var t={byStatus:{errors:0,warnings:0,clean:0,unreadable:0,'too-large':0,'timed-out':0},byRule:{},problems:0,hints:0,none:0,confirmed:0,dismissed:0,added:0,absent:0};
D.forEach(function(r){recount(r);t.byStatus[r.s]++;t.absent+=(r.ab||[]).length;r.d.forEach(function(d){var s=rv(d);t[s]++;if(d[10]==='new')t.added++;if(s==='dismissed')return;
t.byRule[d[0]]=(t.byRule[d[0]]||0)+1;if(d[1]==='error'||d[1]==='warning')t.problems++;else t.hints++;});});return t;}
function cards(t){var list=[['报告总数',D.length],['有错误',t.byStatus.errors],['有警告',t.byStatus.warnings],['无问题',t.byStatus.clean],['无法读取',t.byStatus.unreadable],['过大未完整检查',t.byStatus['too-large']],['超时未完成',t.byStatus['timed-out']],['问题总数（错误与警告）',t.problems],['提示与信息',t.hints],['跳过的非报告文件',M.skipped],['未审核',t.none],['已确认',t.confirmed],['已驳回',t.dismissed]];
if(M.baseline){list.push(['新增',t.added]);list.push(['已解决',t.absent]);}
var cd=document.getElementById('cards');cd.textContent='';list.forEach(function(c){cd.appendChild(el('div',{class:'card'},[el('b',{text:String(c[1])}),el('span',{text:c[0]})]));});}
function bars(target,items,colorOf,w,left){var rowH=24,right=50,h=Math.max(1,items.length)*rowH+8;var max=Math.max.apply(null,items.map(function(i){return i[1];}).concat([1]));
var s=svg('svg',{viewBox:'0 0 '+w+' '+h,role:'img'});
if(!items.length)s.appendChild(svg('text',{x:0,y:18,text:'没有发现问题'}));
items.forEach(function(it,i){var y=i*rowH+4,bw=Math.max(2,(w-left-right)*it[1]/max);
var g=svg('g',{},[svg('title',{text:it[3]||(it[0]+'：'+it[1])}),svg('text',{x:left-8,y:y+15,'text-anchor':'end',text:it[2]||it[0]}),svg('rect',{x:left,y:y+3,width:bw,height:rowH-8,rx:3,fill:colorOf(it)}),svg('text',{x:left+bw+6,y:y+15,text:String(it[1])})]);s.appendChild(g);});
var box=document.getElementById(target);box.textContent='';box.appendChild(s);}
function ruleTable(){var rows={},checked=0;D.forEach(function(r){if(r.x)return;checked++;var failing={};r.d.forEach(function(d){if(!live(d))return;var x=rows[d[0]]||(rows[d[0]]={error:0,warning:0,info:0,hint:0,failing:0});x[d[1]]++;if(d[1]==='error'||d[1]==='warning')failing[d[0]]=1;});Object.keys(failing).forEach(function(k){rows[k].failing++;});});
var tb=document.getElementById('rule-rows');tb.textContent='';Object.keys(rows).sort(function(a,b){return rows[b].failing-rows[a].failing||(a<b?-1:1);}).forEach(function(k){var x=rows[k];
tb.appendChild(el('tr',{},[el('td',{title:M.ruleNames[k]||k},[short(k)+' ',el('code',{text:k})]),el('td',{class:'n',text:String(checked)}),el('td',{class:'n',text:String(x.failing)}),el('td',{class:'n',text:String(x.error)}),el('td',{class:'n',text:String(x.warning)}),el('td',{class:'n',text:String(x.info)}),el('td',{class:'n',text:String(x.hint)})]));});}
function charts(t){var rules=Object.keys(t.byRule).map(function(k){return [k,t.byRule[k],short(k),short(k)+'（'+k+'）：'+t.byRule[k]+(M.ruleNames[k]?' — '+M.ruleNames[k]:'')];}).sort(function(a,b){return b[1]-a[1]||(a[0]<b[0]?-1:1);});
bars('chart-rules',rules,function(it){return M.ruleSeverity[it[0]]==='error'?'#c62828':M.ruleSeverity[it[0]]==='warning'?'#ef6c00':'#1565c0';},560,170);
bars('chart-status',Object.keys(STATUS).filter(function(k){return t.byStatus[k]>0;}).map(function(k){return [k,t.byStatus[k],STATUS[k]];}),function(it){return COLOR[it[0]];},380,120);}
tally();
var all={};D.forEach(function(r){r.d.forEach(function(d){all[d[0]]=(all[d[0]]||0)+1;});});
var rs=document.getElementById('rule');Object.keys(all).sort().forEach(function(k){rs.appendChild(el('option',{value:k,text:short(k)+'（'+k+'）'+all[k]}));});
if(M.baseline)document.getElementById('base').hidden=false;
var sortKey='s',sortDir=1,limit=200,open={};
var keyOf={f:function(r){return r.n;},a:function(r){return r.a||'\\uffff';},s:function(r){return ORDER[r.s];},e:function(r){return r.e;},w:function(r){return r.w;},v:function(r){return r.v;},y:function(r){return r.y===''?-1:r.y;},t:function(r){return r.b?r.b.t:'';}};
function val(id){return document.getElementById(id).value;}
function shows(d){var ru=val('rule'),rvf=val('review'),bf=val('base');return (!ru||d[0]===ru)&&(!rvf||rv(d)===rvf)&&(!bf||d[10]===bf);}
function rows(){var q=val('q').trim().toLowerCase(),st=val('status'),any=val('rule')||val('review')||val('base');
var out=D.filter(function(r){return (!q||r.n.toLowerCase().indexOf(q)>=0||(r.a||'').toLowerCase().indexOf(q)>=0)&&(!st||r.s===st)&&(!any||r.d.some(shows));});
var k=keyOf[sortKey];out.sort(function(a,b){var x=k(a),y=k(b);return (x<y?-1:x>y?1:0)*sortDir||(a.f<b.f?-1:a.f>b.f?1:0);});return out;}
function today(){return new Date().toISOString().slice(0,10);}
function decide(r,d,status,reason){var who=val('reviewer').trim();var x={fingerprint:d[9],rule:d[0],file:r.f,status:status,message:d[4],at:today()};if(reason)x.reason=reason;if(who)x.reviewer=who;REV[d[9]]=x;keep(d[9]);update();}
function undo(d){delete REV[d[9]];keep(d[9]);update();}
function reviewBar(r,d){var x=REV[d[9]],bar=el('div',{class:'rv'});
if(x){bar.appendChild(el('span',{class:'rv-badge rv-'+x.status,text:RVNAME[x.status]+(x.reason?'：'+x.reason:'')}));
if(x.reviewer||x.at)bar.appendChild(el('span',{class:'where',text:' '+[x.reviewer||'',x.at||''].join(' ').trim()}));
var u=el('button',{type:'button',class:'rv-undo',text:'撤销'});u.addEventListener('click',function(){undo(d);});bar.appendChild(u);return bar;}
var ok=el('button',{type:'button',class:'rv-confirm',text:'确认'}),no=el('button',{type:'button',class:'rv-dismiss',text:'驳回'});
ok.addEventListener('click',function(){decide(r,d,'confirmed');});
no.addEventListener('click',function(){bar.textContent='';var inp=el('input',{type:'text',class:'rv-reason',placeholder:'驳回理由（必填）','aria-label':'驳回理由'});
var save=el('button',{type:'button',class:'rv-save',text:'保存驳回'});save.disabled=true;var cancel=el('button',{type:'button',text:'取消'});
inp.addEventListener('input',function(){save.disabled=!inp.value.trim();});
inp.addEventListener('keydown',function(ev){if(ev.key==='Enter'&&inp.value.trim())decide(r,d,'dismissed',inp.value.trim());});
save.addEventListener('click',function(){if(inp.value.trim())decide(r,d,'dismissed',inp.value.trim());});cancel.addEventListener('click',update);
bar.appendChild(inp);bar.appendChild(save);bar.appendChild(cancel);inp.focus();});
bar.appendChild(ok);bar.appendChild(no);return bar;}
function details(r){var box=el('td',{colspan:'8'});
if(r.b)box.appendChild(el('div',{class:'facts',text:(r.a||'')+(r.b.l!=='—'?'（'+r.b.l+'）':'')+' '+r.b.k+(r.b.dl?'；发布日期 '+(r.b.p||'未注明')+'，法定期限 '+r.b.dl+'，'+r.b.t:'')}));
if(r.x)box.appendChild(el('div',{class:'finding error'},[el('span',{class:'sev sev-error',text:'无法读取：'}),r.x]));
if(!r.d.length&&!r.x)box.appendChild(el('div',{text:'没有发现问题。'}));
r.d.filter(shows).forEach(function(d){var where='第 '+d[2]+' 行'+(d[5]?' · '+d[5]:'');
var ctx=d[6]||d[7]||d[8]?el('div',{class:'ctx'},[d[6],el('mark',{text:d[7]||' '}),d[8]]):null;
var tag=d[10]==='new'?el('span',{class:'tag-new',text:'新增'}):null;
box.appendChild(el('div',{class:'finding '+d[1]+(live(d)?'':' dismissed'),'data-fingerprint':d[9]},[el('span',{class:'where',text:where}),el('span',{class:'sev sev-'+d[1],text:SEV[d[1]]}),' ',el('code',{text:short(d[0]),title:d[0]}),' ',tag,tag?' ':null,d[4],ctx,reviewBar(r,d)]));});
if(r.ab&&r.ab.length){box.appendChild(el('div',{class:'absent-head',text:'上次有、本次已解决 '+r.ab.length+' 处：'}));
r.ab.forEach(function(a){box.appendChild(el('div',{class:'finding absent'},[el('span',{class:'where',text:'原第 '+a[1]+' 行'}),el('code',{text:short(a[0]),title:a[0]}),' ',a[2]]));});}
if(r.rs&&r.rs.length){box.appendChild(el('div',{class:'absent-head',text:'审核记录中已不再出现 '+r.rs.length+' 处：'}));
r.rs.forEach(function(e){box.appendChild(el('div',{class:'finding absent'},[el('code',{text:short(e[0]),title:e[0]}),' '+RVNAME[e[1]]+(e[2]?'：'+e[2]:'')]));});}
return el('tr',{class:'details'},[box]);}
function render(){var list=rows(),tb=document.getElementById('rows');tb.textContent='';
list.slice(0,limit).forEach(function(r){var tr=el('tr',{class:'report'+(open[r.f]?' open':''),'data-file':r.f},[el('td',{class:'file',text:r.n,title:r.f}),el('td',{class:'agency',text:r.a||'—'}),el('td',{},[el('span',{class:'badge s-'+r.s,text:STATUS[r.s]})]),el('td',{class:'n',text:String(r.e)}),el('td',{class:'n',text:String(r.w)}),el('td',{text:r.v?r.v+' 版':'—'}),el('td',{class:'n',text:r.y===''?'—':String(r.y)}),el('td',{class:'timely',text:r.b?r.b.t:'—',title:r.b&&r.b.dl?'发布日期 '+(r.b.p||'未注明')+'，法定期限 '+r.b.dl:''})]);
tr.addEventListener('click',function(){open[r.f]=!open[r.f];render();});tb.appendChild(tr);if(open[r.f])tb.appendChild(details(r));});
document.getElementById('count').textContent='显示 '+Math.min(limit,list.length)+' / '+list.length+' 份报告（共 '+D.length+' 份）';
document.getElementById('more').hidden=list.length<=limit;
document.getElementById('pending').textContent=pending()?'本页有 '+pending()+' 处审核改动尚未导出'+(LS?'（已保存在本浏览器中）':'')+'，请导出审核记录':'';
document.querySelectorAll('th[data-key]').forEach(function(th){th.setAttribute('aria-sort',th.getAttribute('data-key')===sortKey?(sortDir>0?'ascending':'descending'):'none');});}
function update(){var t=tally();cards(t);charts(t);ruleTable();render();}
function exportLedger(){var entries=Object.keys(REV).sort().map(function(k){return REV[k];});
var ledger={version:M.fingerprintVersion,generated:new Date().toISOString(),entries:entries};
var blob=new Blob([JSON.stringify(ledger,null,2)+'\\n'],{type:'application/json'});var url=URL.createObjectURL(blob);
var a=el('a',{href:url,download:'审核记录.json'});a.hidden=true;document.body.appendChild(a);a.click();
setTimeout(function(){URL.revokeObjectURL(url);a.remove();},1000);exported();render();}
document.querySelectorAll('th[data-key]').forEach(function(th){th.addEventListener('click',function(){var k=th.getAttribute('data-key');if(k===sortKey)sortDir=-sortDir;else{sortKey=k;sortDir=(k==='e'||k==='w')?-1:1;}render();});});
['q','status','rule','review','base'].forEach(function(id){document.getElementById(id).addEventListener('input',function(){limit=200;render();});});
document.getElementById('more').addEventListener('click',function(){limit+=500;render();});
document.getElementById('export').addEventListener('click',exportLedger);
// Where the decisions are kept, said on the page; without storage, leaving the page would lose them.
var pend=document.getElementById('pending');pend.parentNode.insertBefore(el('span',{id:'store',class:'store-note',text:LS
?'审核决定自动保存在本浏览器中（按报告指纹），刷新或重新生成本页不会丢失；交给下次检查（--review）或他人，请导出审核记录。'
:'本浏览器不允许本页保存数据：刷新或关闭本页会丢失未导出的审核决定，请及时导出审核记录。'}),pend);
window.addEventListener('beforeunload',function(ev){if(pending()&&!LS){ev.preventDefault();ev.returnValue='';}});
update();
})();
`;
