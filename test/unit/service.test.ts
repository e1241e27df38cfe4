/** Editor features as a pure API: hover, completion, outline, folding, code lens, code actions, suppression. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze, applyEdits } from '../../server/src/service/analyze';
import { codeActions, fixAllOnSave, recomputeTotals } from '../../server/src/service/actions';
import { completions } from '../../server/src/service/completion';
import { hover } from '../../server/src/service/hover';
import { codeLenses, foldingRanges, outline } from '../../server/src/service/outline';
import { renderSnippetsFile } from '../../server/src/service/snippets';
import { ARTICLES } from '../../server/src/service/statute';
import type { Rule } from '../../server/src/rules/rule';
import { ROOT, readFixture } from './helpers';

const base = readFixture('rules', 'row-total', 'valid-balanced.txt');
const at = (text: string, needle: string, delta = 1) => text.indexOf(needle) + delta;

describe('hover', () => {
  it('shows only the cited item of 第二十条第（五）项, verbatim, with the whole article behind a link', () => {
    const a = analyze(base);
    const h = hover(a, at(base, '第二十条第（五）项'))!;
    assert.ok(h);
    assert.match(h.markdown, /（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果；/);
    assert.doesNotMatch(h.markdown, /行政法规、规章和规范性文件/, 'the other 14 items are not shown');
    assert.match(h.markdown, /\[查看第二十条全文\]\(command:ogiReport\.showArticle\?/);
    assert.equal(base.slice(h.start, h.end), '《条例》第二十条第（五）项');
  });
  it('shows 第十四条 and 《条例》第五十条 in full', () => {
    const text = '依据《条例》第五十条编制。第十四条规定的情形。';
    const a = analyze(text);
    assert.match(hover(a, at(text, '第五十条'))!.markdown, /政府信息公开工作年度报告应当包括下列内容/);
    assert.match(hover(a, at(text, '第十四条'))!.markdown, /依法确定为国家秘密的政府信息/);
  });
  it('explains a table row label and the article behind it', () => {
    const h = hover(analyze(base), at(base, '4.保护第三方合法权益'))!;
    assert.match(h.markdown, /第三方合法权益/);
    assert.match(h.markdown, /《条例》第十五条/);
    assert.doesNotMatch(h.markdown, /第十五条 涉及商业秘密/, 'the article itself is behind the link');
    assert.ok(h.markdown.split('\n').filter((l) => l.trim()).length <= 2, 'two lines at most');
  });
  it('explains a section heading with article 50', () => {
    const h = hover(analyze(base), at(base, '六、其他需要报告的事项'))!;
    assert.match(h.markdown, /第五十条/);
    assert.match(h.markdown, /（五）其他需要报告的事项/);
  });
  it('shows a total cell as its computed sum and parts', () => {
    const line = base.split('\n').find((l) => l.includes('（七）总计'))!;
    const offset = base.indexOf(line) + line.lastIndexOf('134');
    const h = hover(analyze(base), offset)!;
    assert.match(h.markdown, /121 \+ 7 \+ 0 \+ 1 \+ 3 \+ 2 = \*\*134\*\*/);
  });
  it('every article text is taken verbatim from the domain reference', () => {
    const ref = join(ROOT, '..', 'shared', 'domain', 'REFERENCE.md');
    if (!existsSync(ref)) return;
    const text = readFileSync(ref, 'utf8');
    for (const art of Object.values(ARTICLES)) for (const p of art.paragraphs) assert.ok(text.includes(p), `${art.title}: ${p.slice(0, 20)}`);
    assert.ok(Object.keys(ARTICLES).length >= 19);
  });
});

describe('completion', () => {
  it('offers the six section headings of the report version at a line start', () => {
    const items = completions(analyze(''), 0).filter((c) => c.kind === 'section').map((c) => c.label);
    assert.deepEqual(items, ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
  });
  it('offers row labels and statute references', () => {
    const all = completions(analyze(base), base.length);
    assert.ok(all.some((c) => c.kind === 'row' && c.label === '4.保护第三方合法权益'));
    assert.ok(all.some((c) => c.kind === 'statute' && c.label === '第三十六条'));
  });
});

describe('outline, folding and code lens', () => {
  it('lists the six sections with their tables and each table status', () => {
    const nodes = outline(analyze(base));
    assert.equal(nodes.length, 6);
    const t3 = nodes[2].children[0];
    assert.deepEqual(t3.detail, { zh: '✓ 勾稽平衡', en: '✓ balanced' });
    const broken = readFixture('rules', 'row-total', 'invalid-seventh-natural.txt');
    assert.equal(outline(analyze(broken))[2].children[0].detail.zh, '✗ 1 处不平衡');
  });
  it('folds each section and each table', () => {
    const folds = foldingRanges(analyze(base));
    assert.equal(folds.length, 9);
  });
  it('puts a lens above each table, with recompute only where totals are wrong', () => {
    const lenses = codeLenses(analyze(readFixture('rules', 'review-total', 'invalid-total-zero.txt')));
    assert.equal(lenses.length, 3);
    assert.deepEqual(lenses.map((l) => l.recompute), [false, false, true]);
  });
});

describe('code actions', () => {
  const broken = readFixture('rules', 'row-total', 'invalid-seventh-natural.txt');
  const a = analyze(broken);
  const d = a.diagnostics.find((x) => x.code === 'row-total')!;
  it('offers the preferred recompute fix, fix-all of the rule, and a suppression', () => {
    const actions = codeActions(a, d.start, d.end);
    assert.equal(actions[0].title.zh, '重新计算总计：121');
    assert.ok(actions[0].preferred);
    assert.ok(actions.some((x) => x.title.zh === '在下一行不检查“合计”（需填写理由）'));
    assert.ok(actions.every((x) => !/row-total/.test(x.title.zh)), 'no rule id in a title');
    assert.equal(applyEdits(broken, actions[0].edits), broken.replace('（七）总计\t122', '（七）总计\t121'));
  });
  it('source.fixAll (on save) fixes wording only and never figures', () => {
    const mixed = broken.replace('2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    const edits = fixAllOnSave(analyze(mixed));
    assert.equal(applyEdits(mixed, edits), broken);
  });
  it('recompute-all sets every wrong total and fills blank totals, from one recomputation', () => {
    const text = readFixture('rules', 'blank-cell', 'invalid-blanks.txt').replace('（七）总计\t121', '（七）总计\t120');
    const out = applyEdits(text, recomputeTotals(analyze(text)));
    assert.match(out, /7\.属于行政执法案卷\t1\t0\t0\t0\t0\t0\t1\n/);
    assert.match(out, /（七）总计\t121\t/);
    assert.match(out, /3\.危及“三安全一稳定”\t0\t\/\t—\t\t0/);
  });
});

describe('engine guarantees', () => {
  it('suppresses a rule on the next line only with a reason, and flags a suppression without one', () => {
    const text = readFixture('rules', 'section-numbering', 'invalid-arabic-six.txt');
    const ok = text.replace('6、 其他需要报告的事项', '<!-- ogi-report-disable-next-line section-numbering -- 上级要求阿拉伯数字 -->\n6、 其他需要报告的事项');
    assert.ok(!analyze(ok).diagnostics.some((d) => d.code === 'section-numbering'));
    const bad = text.replace('6、 其他需要报告的事项', '<!-- ogi-report-disable-next-line section-numbering -->\n6、 其他需要报告的事项');
    const codes = analyze(bad).diagnostics.map((d) => d.code);
    assert.ok(codes.includes('suppression') && codes.includes('section-numbering'));
    const file = `<!-- ogi-report-disable blank-cell -- 本单位统一用空白表示 0 -->\n${readFixture('rules', 'blank-cell', 'invalid-blanks.txt')}`;
    assert.ok(!analyze(file).diagnostics.some((d) => d.code === 'blank-cell'));
  });
  it('per-rule settings change severity or turn a rule off', () => {
    const text = readFixture('rules', 'row-total', 'invalid-row-total.txt');
    assert.equal(analyze(text, { rules: { 'row-total': 'warning' } }).diagnostics.find((d) => d.code === 'row-total')!.severity, 'warning');
    assert.ok(!analyze(text, { rules: { 'row-total': 'off' } }).diagnostics.some((d) => d.code === 'row-total'));
  });
  it('contains a rule that throws: one internal-error, the other rules still report', () => {
    const faulty: Rule = { id: 'faulty', names: { zh: '', en: '' }, description: { zh: '', en: '' }, tags: [], defaultSeverity: 'error', fixable: false, check() { throw new Error('boom'); } };
    const a = analyze(readFixture('rules', 'row-total', 'invalid-row-total.txt'), { extraRules: [faulty] });
    assert.equal(a.diagnostics.filter((d) => d.code === 'internal-error').length, 1);
    assert.equal(a.diagnostics.find((d) => d.code === 'internal-error')!.severity, 'info');
    assert.ok(a.diagnostics.some((d) => d.code === 'row-total'));
  });
  it('a generated 5 MB document gets one information diagnostic instead of the full check', () => {
    const big = readFixture('reports', '001_b4cf58a1ae5d2f01.txt').repeat(Math.ceil(5_000_000 / 5000)).slice(0, 5_000_000);
    const a = analyze(big);
    assert.deepEqual(a.diagnostics.map((d) => [d.code, d.severity]), [['document-too-large', 'info']]);
    assert.match(a.diagnostics[0].message.zh, /文档过大/);
  });
  it('caps the work on a huge document with one information diagnostic', () => {
    const a = analyze('一、总体情况\n'.repeat(10), { maxLength: 50 });
    assert.deepEqual(a.diagnostics.map((d) => [d.code, d.severity]), [['document-too-large', 'info']]);
  });
  it('the shipped snippets are exactly what the template generates', () => {
    assert.equal(readFileSync(join(ROOT, 'snippets', 'ogi-report.code-snippets'), 'utf8'), renderSnippetsFile());
  });
});
