/**
 * Proofreading findings a reviewer found false on realistic variants of real reports: places, roads and
 * areas are not variants of the title's agency; each case keeps its true neighbour firing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { readFixture } from './helpers';

const base = readFixture('rules', 'missing-section', 'valid-balanced.txt');
/** The texts a rule reports in `text`. */
const found = (text: string, code: string) =>
  analyze(text).diagnostics.filter((d) => d.code === code).map((d) => text.slice(d.start, d.end));
/** The valid report retitled to `agency`, with `sentence` added to its first paragraph. */
const titled = (agency: string, sentence: string) =>
  base.replace('# 清河镇人民政府', `# ${agency}`).replace('全年通过政府网站', `${sentence}全年通过政府网站`);

describe('agency-name: places, roads and areas are not variants of the title', () => {
  it('a road beside a 街道 (清江大道, 王家营大道) is not flagged; a typo in the name still is', () => {
    assert.deepEqual(found(titled('淮安市清江浦区清江街道办事处', '在清江大道设置查阅点。'), 'agency-name'), []);
    assert.deepEqual(found(titled('淮安市淮阴区王家营街道办事处', '在王家营大道设置查阅点。'), 'agency-name'), []);
    assert.deepEqual(found(titled('淮安市淮阴区王家营街道办事处', '王家宫街道设置查阅点。'), 'agency-name'), ['王家宫街道']);
  });
  it('areas of a district (浦东地区, 浦东城区, 清江城区, 清江片区) are not flagged; 清江铺区 is', () => {
    assert.deepEqual(found(titled('上海市浦东新区人民政府', '覆盖浦东地区各街镇、浦东城区和浦东郊区。'), 'agency-name'), []);
    assert.deepEqual(found(titled('淮安市清江浦区人民政府', '覆盖清江城区、清江片区。'), 'agency-name'), []);
    assert.deepEqual(found(titled('淮安市清江浦区人民政府', '覆盖清江铺区。'), 'agency-name'), ['清江铺区']);
  });
  it('a zone named by a shorter kind (淮安经济开发区, 平潭实验区) may be another body or a short form: no finding', () => {
    assert.deepEqual(found(titled('淮安经济技术开发区管理委员会', '淮安经济开发区设置查阅点。'), 'agency-name'), []);
    assert.deepEqual(found(titled('平潭综合实验区管理委员会', '平潭实验区设置查阅点。'), 'agency-name'), []);
    assert.deepEqual(found(titled('平潭综合实验区管理委员会', '平潭综合区设置查阅点。'), 'agency-name'), ['平潭综合区']);
  });
});

describe('preamble-parts: only a list of the report\'s parts is counted', () => {
  const six = readFixture('rules', 'preamble-parts', 'valid-six-parts.txt');
  it('其中一部分, 第一部分 and a list of other things (市级、县区、部门三个部分) are not the report\'s parts', () => {
    for (const sentence of ['本报告数据由各县区、各部门报送，其中一部分数据截至2024年1月。', '政府信息公开专栏分为市级、县区、部门三个部分。', '全年发布信息包括政策文件、工作动态两大类，其中第一部分为政策文件。']) {
      assert.deepEqual(found(six.replace('全年通过政府网站', `${sentence}全年通过政府网站`), 'preamble-parts'), [], sentence);
    }
  });
  it('a list of the sections with too few parts is reported, quoting the report\'s own words', () => {
    const text = readFixture('rules', 'preamble-parts', 'invalid-five-parts.txt');
    const ds = analyze(text).diagnostics.filter((d) => d.code === 'preamble-parts');
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['五']);
    assert.match(ds[0].message.zh, /“五个部分”/);
    assert.ok(text.includes('五个部分'));
  });
});

describe('serious-wording leaves a heading official-wording rewrites', () => {
  it('a typo in a section heading is one finding (official-wording, with the whole heading\'s fix); in prose it is serious-wording\'s', () => {
    const text = base.replace('## 四、政府信息公开行政复议', '## 四、政府信患公开行政复议');
    const codes = analyze(text).diagnostics.filter((d) => d.start >= text.indexOf('政府信患公开') && d.start < text.indexOf('政府信患公开') + 6).map((d) => d.code);
    assert.deepEqual(codes, ['official-wording']);
    const prose = base.replace('全年通过政府网站', '按照政府信患公开要求，全年通过政府网站');
    assert.deepEqual(found(prose, 'serious-wording'), ['政府信患公开']);
  });
  it('a typo in a table label is one finding, official-wording\'s', () => {
    const text = base.replace('一、本年新收政府信息公开申请数量', '一、本年新收政府信患公开申请数量');
    assert.deepEqual(found(text, 'serious-wording'), []);
    assert.deepEqual(found(text, 'official-wording'), ['一、本年新收政府信患公开申请数量']);
  });
});

describe('look-alike: the wrong form inside right words and names', () => {
  it('布署 inside 发布署名文章 / 公布署 / 颁布署 is not 部署; 按照上级布署 still is', () => {
    for (const s of ['发布署名文章3篇。', '公布署名评论2篇。', '颁布署名通告1份。']) {
      assert.deepEqual(found(base.replace('全年通过政府网站', `${s}全年通过政府网站`), 'look-alike'), [], s);
    }
    assert.deepEqual(found(base.replace('全年通过政府网站', '按照上级布署，全年通过政府网站'), 'look-alike'), ['布署']);
  });
  it('杜会 in a person\'s name (副部长杜会明主持, 杜会明同志) is not 社会; 回应杜会关切 still is', () => {
    for (const s of ['发布会由市委宣传部副部长杜会明主持。', '杜会明同志负责政务公开工作。']) {
      assert.deepEqual(found(base.replace('全年通过政府网站', `${s}全年通过政府网站`), 'look-alike'), [], s);
    }
    assert.deepEqual(found(base.replace('全年通过政府网站', '及时回应杜会关切，全年通过政府网站'), 'look-alike'), ['杜会']);
  });
});

describe('brackets: one finding per problem, Roman list markers', () => {
  it('a document number\'s year with one wrong bracket (国办公开办函（2021〕30号) is document-number\'s alone, and its fix balances the paragraph', () => {
    const sentence = '依据《关于印发〈年度报告格式〉的通知》（国办公开办函（2021〕30号）编制。';
    const text = base.replace('全年通过政府网站', `${sentence}全年通过政府网站`);
    assert.deepEqual(found(text, 'unbalanced-brackets'), []);
    const ds = analyze(text).diagnostics.filter((d) => d.code === 'document-number');
    assert.deepEqual(ds.map((d) => text.slice(d.start, d.end)), ['（2021〕']);
    const fixed = ds[0].fix!.edits.slice().sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
    assert.ok(fixed.includes('（国办公开办函〔2021〕30号）'));
    assert.deepEqual(found(fixed, 'unbalanced-brackets'), []);
    // A bracket left open elsewhere in the paragraph is still found.
    assert.deepEqual(found(text.replace('编制。', '（编制。'), 'unbalanced-brackets'), ['（']);
  });
  it('Roman numerals closed on one side (Ⅰ）完善机制, ii)优化栏目) are list markers, not unbalanced brackets', () => {
    const text = base.replace('全年通过政府网站', '主要做法：Ⅰ）完善机制；Ⅱ）强化解读；ii)优化栏目；iii)拓展渠道。全年通过政府网站');
    assert.deepEqual(found(text, 'unbalanced-brackets'), []);
    assert.deepEqual(found(base.replace('全年通过政府网站', '主要做法：完善机制）强化解读。全年通过政府网站'), 'unbalanced-brackets'), ['）']);
  });
});
