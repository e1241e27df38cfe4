/**
 * Parser and model: goldens for every layout, the four-layout matrix (the same tables in every
 * layout and both versions give the same model and the same diagnostics), and the shapes real
 * pastes take.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { alignValues, parseReport } from '../../server/src/model/report';
import { parseCellValue } from '../../server/src/model/text';
import { renderReport, renderTable } from '../../server/src/model/skeleton';
import { analyze as analyzeAll } from '../../server/src/service/analyze';

/** These tests are about reading layouts; the tab layouts mix digit widths on purpose, which `digit-width` reports. */
const analyze = (text: string, options: Parameters<typeof analyzeAll>[1] = {}) =>
  analyzeAll(text, { ...options, rules: { 'digit-width': 'off', ...options.rules } });
import { parseSyntax } from '../../server/src/syntax/parse';
import { FIXTURES, checkGolden, listFiles, projectModel, readFixture, renderModel } from './helpers';

const LAYOUTS = ['tab', 'pipe', 'markdown', 'cells'] as const;

describe('parser goldens', () => {
  for (const file of listFiles(join(FIXTURES, 'matrix'), (f) => /^\d{4}-\w+\.txt$/.test(f))) {
    it(`${file}: model matches its golden`, () => {
      checkGolden(join(FIXTURES, 'matrix', file.replace('.txt', '.model.txt')), renderModel(parseReport(readFixture('matrix', file))));
    });
  }
});

describe('layout matrix', () => {
  for (const version of ['2019', '2021']) {
    it(`${version}: tab, pipe, Markdown and one-cell-per-line give the same model`, () => {
      const models = LAYOUTS.map((l) => projectModel(parseReport(readFixture('matrix', `${version}-${l}.txt`))));
      for (let i = 1; i < models.length; i++) assert.deepEqual(models[i], models[0], `${LAYOUTS[i]} differs from tab`);
      assert.equal(models[0].version, version);
      assert.equal(models[0].tables.length, 3);
      assert.ok(models[0].tables.every((t) => t.rows.every((r) => r.shape === 'ok' && r.id)));
    });
    it(`${version}: the four layouts give the same diagnostics codes, broken the same way`, () => {
      const codes = LAYOUTS.map((l) => {
        const text = readFixture('matrix', `${version}-${l}.txt`);
        // Break one detail figure identically in every layout: 2.重复申请·自然人 2 → 9.
        const broken = text.replace(/(2\.重复申请[^\n]*?(?:\n\t)?(?:\s*\|\s*|\t|\n\t))2(?=\D)/, '$19');
        assert.notEqual(broken, text, `${l}: mutation not applied`);
        return analyze(broken).diagnostics.map((d) => d.code).sort();
      });
      for (let i = 1; i < codes.length; i++) assert.deepEqual(codes[i], codes[0], `${LAYOUTS[i]} differs from tab`);
      // One wrong figure, one finding: the localization pins it on that cell in every layout.
      assert.deepEqual(codes[0], ['row-total']);
    });
  }

  it('skeletons in every layout and version read back as the official tables', () => {
    for (const version of ['2019', '2021'] as const) for (const layout of LAYOUTS) {
      const r = parseReport(renderReport(version, layout));
      assert.equal(r.sections.length, 6, `${version} ${layout}: sections`);
      assert.deepEqual(r.tables.map((t) => t.kind), ['t2', 't3', 't4'], `${version} ${layout}: tables`);
      for (const t of r.tables) {
        assert.deepEqual(t.missingRows, [], `${version} ${layout} ${t.kind}: missing rows`);
        assert.ok(t.rows.every((row) => row.shapeOk), `${version} ${layout} ${t.kind}: shape`);
        if (t.kind !== 't4') assert.equal(t.version, version, `${version} ${layout} ${t.kind}: version`);
      }
    }
  });
});

describe('messy input', () => {
  it('reads CRLF, a BOM, Markdown headings and a title split over two lines', () => {
    const text = '\uFEFF# 某某县审计局2022年政府\r\n\r\n信息公开工作年度报告\r\n\r\n## 一、总体情况\r\n正文。\r\n';
    const r = parseReport(text);
    assert.equal(r.title?.text, '某某县审计局2022年政府信息公开工作年度报告');
    assert.equal(r.year, 2022);
    assert.equal(r.agency, '某某县审计局');
    assert.equal(r.sections[0].heading.title, '总体情况');
  });

  it('takes the year from the statistics period when the title has none', () => {
    const r = parseReport('某某局政府信息公开工作年度报告\n\n一、总体情况\n本年度报告中所列数据统计期限为2022年1月1日至12月31日。2021年曾……\n');
    assert.equal(r.year, 2022);
    assert.equal(r.yearSource, 'period');
  });

  it('accepts heading wording variants and ASCII punctuation', () => {
    const r = parseReport('二. 主动公开政府信息的情况\n五、政府信息公开工作存在的主要问题及改进情况\n四、因政府信息公开工作被申请行政复议和提起行政诉讼情况\n');
    assert.deepEqual(r.sections.map((s) => s.index), [2, 5, 4]);
    assert.ok(r.headings.every((h) => !h.wordingTypo));
  });

  it('does not take sub-headings or numbered paragraphs for sections', () => {
    const r = parseReport('（三）申请行政复议和提起行政诉讼情况\n1、加强组织领导，完善工作机构\n（一）主动公开情况\n');
    assert.equal(r.sections.length, 0);
  });

  it('reads blank markers, full-width digits, thousands separators and units', () => {
    assert.deepEqual(['', '/', '-', '—', '无'].map((s) => parseCellValue(s).kind), ['blank', 'blank', 'blank', 'blank', 'blank']);
    const n = (s: string) => { const v = parseCellValue(s); return v.kind === 'number' ? v.decimal : v.kind; };
    assert.equal(n('８２１'), '821');
    assert.equal(n('1,286'), '1286');
    assert.equal(n('552.91 万元'), '552.91');
    assert.equal(n('12.6500'), '12.65');
    assert.equal(n('-3'), '-3');
    assert.equal(n('四十四'), 'invalid');
  });

  it('joins cells Word split over two lines and labels split over rows', () => {
    const t = parseSyntax('\t商业\n企业\n\t科研\n机构\n');
    const region = t.blocks[0];
    assert.equal(region.type, 'region');
    if (region.type === 'region') assert.deepEqual(region.rows[0].cells.map((c) => c.text), ['商业企业', '科研机构']);
  });

  it('places figures: padding, blank totals, a lone total, and rows that do not fit', () => {
    const cells = (s: string) => s.split('|').map((text, i) => ({ text, start: i, end: i, line: 0 }));
    const place = (s: string) => { const r = alignValues(cells(s), 7); return r.values ? r.values.map((c) => c.text).join(',') : `shape ${r.found}`; };
    assert.equal(place('|1|2|3|4|5|6|21'), '1,2,3,4,5,6,21');
    assert.equal(place('1|2|3|4|5|6|'), '1,2,3,4,5,6,');
    assert.equal(place('|||||||0|'), ',,,,,,0');
    // One cell per column: an empty one between separators keeps its column (an HTML copy's empty cell)…
    assert.equal(place('|0|0|0|0|0|21'), ',0,0,0,0,0,21');
    // …unless the table pads its labels (Word's merged label columns), where it cannot be told.
    assert.equal(alignValues(cells('|0|0|0|0|0|0'), 7, false).values, null);
    assert.equal(place('0|0|0|0|0|0|0|0'), 'shape 8');
  });

  it('never throws on hostile input', () => {
    for (const s of ['', '\u0000', '|||', '\t\t\t', '第二十条第（一）项', '\uFEFF', '\r\r\n\n', '一、\t二、', '| --- |', '\ud800']) {
      assert.doesNotThrow(() => analyze(s));
    }
  });

  it("renders each table in each layout with the version's own labels", () => {
    assert.match(renderTable('t2', '2019', 'tab'), /本年新制作数量/);
    assert.match(renderTable('t2', '2021', 'pipe'), /^\| 第二十条第（一）项/);
    assert.match(renderTable('t3', '2021', 'markdown'), /\n\|---\|/);
    assert.match(renderTable('t4', '2021', 'cells'), /^\t行政复议\n/);
  });
});
