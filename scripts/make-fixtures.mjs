// Writes the test fixtures: one balanced report (realistic figures, every identity holds) in each of
// the four layouts users paste and both format versions, messy the way real pastes are (split titles,
// ASCII parentheses, full-width digits, CRLF, BOM, merged labels), and copies broken on purpose for
// each rule. Run: node scripts/make-fixtures.mjs   (then UPDATE_GOLDEN=1 npm run test:unit to refresh goldens)
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = 'test/fixtures';

// ---- figures: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (总计 computed)
const T3 = {
  new: [120, 8, 0, 1, 3, 2],
  carried: [6, 1, 0, 0, 0, 0],
  grant: [52, 3, 0, 1, 1, 0],
  partial: [14, 1, 0, 0, 1, 0],
  'deny-1': [0, 0, 0, 0, 0, 0],
  'deny-2': [1, 0, 0, 0, 0, 0],
  'deny-3': [0, 0, 0, 0, 0, 0],
  'deny-4': [3, 1, 0, 0, 0, 0],
  'deny-5': [1, 0, 0, 0, 0, 0],
  'deny-6': [2, 0, 0, 0, 0, 0],
  'deny-7': [1, 0, 0, 0, 0, 0],
  'deny-8': [4, 0, 0, 0, 0, 1],
  'unable-1': [28, 2, 0, 0, 1, 1],
  'unable-2': [3, 0, 0, 0, 0, 0],
  'unable-3': [2, 0, 0, 0, 0, 0],
  'reject-1': [4, 0, 0, 0, 0, 0],
  'reject-2': [2, 0, 0, 0, 0, 0],
  'reject-3': [1, 0, 0, 0, 0, 0],
  'reject-4': [0, 0, 0, 0, 0, 0],
  'reject-5': [0, 0, 0, 0, 0, 0],
  'other-1': [2, 0, 0, 0, 0, 0],
  'other-2': [0, 0, 0, 0, 0, 0],
  'other-3': [1, 0, 0, 0, 0, 0],
};
const RESULTS_2021 = ['grant', 'partial', 'deny-1', 'deny-2', 'deny-3', 'deny-4', 'deny-5', 'deny-6', 'deny-7', 'deny-8', 'unable-1', 'unable-2', 'unable-3', 'reject-1', 'reject-2', 'reject-3', 'reject-4', 'reject-5', 'other-1', 'other-2', 'other-3'];
const sum = (a) => a.reduce((x, y) => x + y, 0);
const colSum = (ids) => [0, 1, 2, 3, 4, 5].map((c) => sum(ids.map((id) => T3[id][c])));
const total = colSum(RESULTS_2021);
const carryover = [0, 1, 2, 3, 4, 5].map((c) => T3.new[c] + T3.carried[c] - total[c]);
const other2019 = colSum(['other-1', 'other-2', 'other-3']);
const withTotal = (v) => [...v, sum(v)];

const LABELS = {
  grant: ['三、本年度办理结果', '（一）予以公开'],
  partial: ['三、本年度办理结果', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  'deny-1': ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'],
  'deny-2': ['三、本年度办理结果', '（三）不予公开', '2.其他法律行政法规禁止公开'],
  'deny-3': ['三、本年度办理结果', '（三）不予公开', '3.危及“三安全一稳定”'],
  'deny-4': ['三、本年度办理结果', '（三）不予公开', '4.保护第三方合法权益'],
  'deny-5': ['三、本年度办理结果', '（三）不予公开', '5.属于三类内部事务信息'],
  'deny-6': ['三、本年度办理结果', '（三）不予公开', '6.属于四类过程性信息'],
  'deny-7': ['三、本年度办理结果', '（三）不予公开', '7.属于行政执法案卷'],
  'deny-8': ['三、本年度办理结果', '（三）不予公开', '8.属于行政查询事项'],
  'unable-1': ['三、本年度办理结果', '（四）无法提供', '1.本机关不掌握相关政府信息'],
  'unable-2': ['三、本年度办理结果', '（四）无法提供', '2.没有现成信息需要另行制作'],
  'unable-3': ['三、本年度办理结果', '（四）无法提供', '3.补正后申请内容仍不明确'],
  'reject-1': ['三、本年度办理结果', '（五）不予处理', '1.信访举报投诉类申请'],
  'reject-2': ['三、本年度办理结果', '（五）不予处理', '2.重复申请'],
  'reject-3': ['三、本年度办理结果', '（五）不予处理', '3.要求提供公开出版物'],
  'reject-4': ['三、本年度办理结果', '（五）不予处理', '4.无正当理由大量反复申请'],
  'reject-5': ['三、本年度办理结果', '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'],
  'other-1': ['三、本年度办理结果', '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  'other-2': ['三、本年度办理结果', '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  'other-3': ['三、本年度办理结果', '（六）其他处理', '3.其他'],
};

function t3Rows(version) {
  const rows = [];
  rows.push({ labels: ['一、本年新收政府信息公开申请数量'], values: withTotal(T3.new) });
  rows.push({ labels: ['二、上年结转政府信息公开申请数量'], values: withTotal(T3.carried) });
  const results = version === '2021' ? RESULTS_2021 : RESULTS_2021.filter((id) => !id.startsWith('other-'));
  for (const id of results) rows.push({ labels: LABELS[id], values: withTotal(T3[id]) });
  if (version === '2019') rows.push({ labels: ['三、本年度办理结果', '（六）其他处理'], values: withTotal(other2019) });
  rows.push({ labels: ['三、本年度办理结果', '（七）总计'], values: withTotal(total) });
  rows.push({ labels: ['四、结转下年度继续办理'], values: withTotal(carryover) });
  return rows;
}

const T3_HEAD = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '', '', '申请人情况', '', '', '', '', '', ''],
  ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
  ['', '', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
];

const T2 = {
  '2021': [
    ['第二十条第（一）项'], ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'], ['规章', '0', '0', '0'], ['行政规范性文件', '3', '1', '17'],
    ['第二十条第（五）项'], ['信息内容', '本年处理决定数量'], ['行政许可', '1,286'],
    ['第二十条第（六）项'], ['信息内容', '本年处理决定数量'], ['行政处罚', '42'], ['行政强制', '5'],
    ['第二十条第（八）项'], ['信息内容', '本年收费金额（单位：万元）'], ['行政事业性收费', '12.6500'],
  ],
  '2019': [
    ['第二十条第（一）项'], ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', '0', '0', '0'], ['规范性文件', '3', '3', '17'],
    ['第二十条第（五）项'], ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['行政许可', '36', '-2', '1,286'], ['其他对外管理服务事项', '8', '0', '210'],
    ['第二十条第（六）项'], ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['行政处罚', '54', '1', '42'], ['行政强制', '6', '0', '5'],
    ['第二十条第（八）项'], ['信息内容', '上一年项目数量', '本年增/减'], ['行政事业性收费', '2', '0'],
    ['第二十条第（九）项'], ['信息内容', '采购项目数量', '采购总金额'], ['政府集中采购', '5', '552.91 万元'],
  ],
};

const T4 = [
  ['行政复议', '', '', '', '', '行政诉讼'],
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉'],
  ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  ['2', '1', '0', '1', '4', '1', '0', '0', '1', '2', '1', '0', '0', '0', '1'],
];

// ---- layouts
function renderRows(rows, layout, { asciiParens = false, fullWidth = false } = {}) {
  const fix = (s) => {
    let t = asciiParens ? s.replace(/（/g, '(').replace(/）/g, ') ').replace(/\) $/, ')') : s;
    if (fullWidth && /^\d+$/.test(t) && t.length >= 3) t = t.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    return t;
  };
  const cellsOf = (r) => r.map((c) => fix(String(c)));
  switch (layout) {
    case 'tab': return rows.map((r) => cellsOf(r).join('\t')).join('\n');
    case 'pipe': return rows.map((r) => cellsOf(r).join(' | ')).join('\n');
    case 'markdown': {
      const w = Math.max(...rows.map((r) => r.length));
      const pad = (r) => [...r, ...Array(w - r.length).fill('')];
      const [h, ...rest] = rows;
      return [`| ${cellsOf(pad(h)).join(' | ')} |`, `|${Array(w).fill('---').join('|')}|`, ...rest.map((r) => `| ${cellsOf(pad(r)).join(' | ')} |`)].join('\n');
    }
    case 'cells': return rows.map((r) => cellsOf(r).map((c) => `\t${c}`).join('\n')).join('\n\n');
  }
}

/** Table 三 rows as users lay them out: merged labels repeated (pipe), blank-padded (tab), one label per cell. */
function t3Grid(version, layout) {
  const out = [...T3_HEAD.map((r) => (layout === 'markdown' || layout === 'cells' ? [r[0], ...r.slice(3)] : r))];
  for (const row of t3Rows(version)) {
    let labels;
    if (layout === 'pipe') labels = [...row.labels, ...Array(3 - row.labels.length).fill(row.labels[row.labels.length - 1])].slice(0, 3);
    else if (layout === 'tab') labels = row.labels.length === 1 ? [row.labels[0], '', ''] : row.labels.length === 2 ? [row.labels[0], row.labels[1], ''] : row.labels;
    else labels = [row.labels[row.labels.length - 1]];
    if (layout === 'tab') {
      // Figures start right after the last label; merged cells to the left stay empty.
      const last = labels.findLastIndex((l) => l);
      labels = labels.slice(0, last + 1).map((l, i) => (i > 0 && i < last && l === row.labels[0] ? '' : l));
      if (row.labels.length === 3 && row.labels[2].match(/^[2-9]\./)) labels = ['', '', row.labels[2]];
    }
    out.push([...labels, ...row.values.map(String)]);
  }
  return out;
}

const PROSE = {
  1: '2023年，清河镇认真贯彻落实《中华人民共和国政府信息公开条例》（以下简称《条例》），围绕主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面扎实推进政务公开工作。全年通过政府网站主动公开政府信息386条，依据《条例》第二十条第（五）项公开行政许可办理结果。',
  5: '（一）存在的主要问题。一是公开内容的深度不够；二是依申请公开答复的规范性有待提高。\n\n（二）改进情况。一是加强业务培训；二是严格按照《条例》第三十六条规定规范答复。',
  6: '依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。本镇无其他需要报告的事项。',
};

const TITLES = {
  '2021': ['清河镇人民政府2023年政府信息公开工作年度报告'],
  '2019': ['清河镇人民政府2020年政府信息公开工作年度报告'],
};

function report(version, layout, opts = {}) {
  const heads = {
    1: '一、总体情况', 2: '二、主动公开政府信息情况', 3: '三、收到和处理政府信息公开申请情况', 4: '四、政府信息公开行政复议、行政诉讼情况',
    5: version === '2021' ? '五、存在的主要问题及改进情况' : '五、政府信息公开工作存在的主要问题及改进情况', 6: '六、其他需要报告的事项',
  };
  const h = (n) => `${opts.md ? '## ' : ''}${heads[n]}`;
  const style = { asciiParens: opts.asciiParens, fullWidth: opts.fullWidth };
  let title = TITLES[version][0];
  if (opts.splitTitle) title = title.replace('政府信息公开', '政府信息公开\n\n');
  const prose1 = version === '2019' ? PROSE[1].replace('2023年', '2020年') : PROSE[1];
  const parts = [
    (opts.md ? '# ' : '') + title, '',
    h(1), '', prose1, '',
    h(2), '', renderRows(T2[version], layout, style), '',
    h(3), '', renderRows(t3Grid(version, layout), layout, style), '',
    h(4), '', renderRows(T4, layout, style), '',
    h(5), '', PROSE[5], '',
    h(6), '', PROSE[6], '',
  ];
  let text = parts.join('\n');
  if (opts.crlf) text = text.replace(/\n/g, '\r\n');
  if (opts.bom) text = '\uFEFF' + text;
  return text;
}

const LAYOUT_OPTS = {
  tab: { md: true, asciiParens: true, fullWidth: true },
  pipe: { splitTitle: true, crlf: true },
  markdown: { bom: true, md: true },
  cells: { splitTitle: true },
};

function write(path, text) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

rmSync(join(ROOT, 'matrix'), { recursive: true, force: true });
for (const version of ['2019', '2021']) for (const layout of ['tab', 'pipe', 'markdown', 'cells']) {
  write(join(ROOT, 'matrix', `${version}-${layout}.txt`), report(version, layout, LAYOUT_OPTS[layout]));
}

// ---- rule fixtures: break the balanced report on purpose
const base = report('2021', 'tab', { md: true });
const baseCells = report('2021', 'cells', { splitTitle: true });
const basePipe = report('2021', 'pipe', {});
const base2019 = report('2019', 'cells', { splitTitle: true });

function once(text, from, to) {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`fixture mutation not found: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
function dropSection(text, heading, nextHeading) {
  const i = text.indexOf(heading);
  const j = nextHeading ? text.indexOf(nextHeading) : text.length;
  return text.slice(0, i) + text.slice(j);
}
const rowLine = (text, label) => text.split('\n').find((l) => l.includes(label));
function setRow(text, label, values) {
  const line = rowLine(text, label);
  const cells = line.split('\t');
  const next = [...cells.slice(0, cells.length - values.length), ...values].join('\t');
  return once(text, line, next);
}

const R = {
  'missing-section': {
    'valid-balanced.txt': base,
    'invalid-no-review-section.txt': dropSection(base, '## 四、', '## 五、'),
    'invalid-cells-no-six.txt': dropSection(baseCells, '六、其他需要报告的事项', null),
    'invalid-pipe-no-tables-section.txt': dropSection(basePipe, '三、收到和处理', '四、政府信息公开行政复议'),
  },
  'section-order': {
    'valid-balanced.txt': baseCells,
    'invalid-swapped.txt': (() => {
      const a = base.indexOf('## 五、');
      const b = base.indexOf('## 六、');
      return base.slice(0, a) + base.slice(b) + '\n' + base.slice(a, b);
    })(),
    'invalid-duplicate.txt': once(base, '## 六、其他需要报告的事项', '## 五、存在的主要问题及改进情况\n\n补充说明。\n\n## 六、其他需要报告的事项'),
  },
  'section-numbering': {
    'valid-balanced.txt': base,
    'invalid-arabic-six.txt': once(baseCells, '六、其他需要报告的事项', '6、 其他需要报告的事项'),
    'invalid-missing-numeral.txt': once(base, '## 五、存在的主要问题及改进情况', '## 存在的主要问题及改进情况'),
    'invalid-wrong-numeral.txt': once(base, '## 四、政府信息公开行政复议', '## 三、政府信息公开行政复议'),
  },
  title: {
    'valid-split-title.txt': baseCells,
    'invalid-no-title.txt': base.replace(/^# .*\n\n/, ''),
    'invalid-no-year.txt': once(base, '清河镇人民政府2023年政府信息公开工作年度报告', '清河镇人民政府政府信息公开工作年度报告'),
    'invalid-no-agency.txt': once(base, '清河镇人民政府2023年政府信息公开工作年度报告', '2023年政府信息公开工作年度报告'),
  },
  'format-version': {
    'valid-2020-report-2019-tables.txt': base2019,
    'valid-2023-report-2021-tables.txt': base,
    'invalid-2023-report-2019-tables.txt': once(report('2019', 'tab', { md: true }), '2020年', '2023年').replace('2020年，清河镇', '2023年，清河镇'),
    'invalid-2023-single-row-other.txt': (() => {
      // A 2023 report that keeps the 2019 single-row （六）其他处理 in table 三.
      let t = base;
      for (const id of ['other-1', 'other-2', 'other-3']) t = t.split('\n').filter((l) => !l.includes(LABELS[id][2])).join('\n');
      const line = rowLine(t, '（七）总计');
      return once(t, line, `三、本年度办理结果\t（六）其他处理\t${withTotal(other2019).join('\t')}\n${line}`);
    })(),
    'invalid-2020-report-2021-tables.txt': once(base, '2023年政府信息公开', '2020年政府信息公开').replace('2023年，清河镇', '2020年，清河镇'),
  },
  'official-wording': {
    'valid-ascii-punctuation.txt': report('2021', 'tab', { md: true, asciiParens: true }),
    'invalid-typos.txt': once(once(once(base, '2.其他法律行政法规禁止公开', '2.其他法律行政止公开'), '四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政法复议、行政诉讼情况'), '1.属于国家秘密', '1、属于国家秘密'),
    'invalid-pipe-typo.txt': once(basePipe, '4.保护第三方合法权益 |', '4.保护第三方合法权利 |'),
  },
  'table-shape': {
    'valid-balanced.txt': basePipe,
    'invalid-extra-values.txt': setRow(base, '4.保护第三方合法权益', ['3', '1', '0', '0', '0', '0', '4', '0', '0', '0', '0', '0']),
    'invalid-missing-value.txt': once(base, rowLine(base, '（一）予以公开'), '三、本年度办理结果\t（一）予以公开\t52\t3\t0\t1\t1\t57'),
    'invalid-missing-row.txt': base.split('\n').filter((l) => !l.includes('3.补正后申请内容仍不明确')).join('\n'),
    'invalid-review-row.txt': once(base, '2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t1\t0\t0\t0\t1', '2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t1\t0\t0\t0\t1\t0'),
  },
  'cell-value': {
    'valid-balanced.txt': base,
    'invalid-values.txt': once(once(once(base, '4.保护第三方合法权益\t3\t1', '4.保护第三方合法权益\t三\t1'), '行政处罚\t42', '行政处罚\t四十二'), '2.重复申请\t2\t0', '2.重复申请\t2.5\t0'),
    'invalid-negative.txt': once(base, '7.属于行政执法案卷\t1\t0', '7.属于行政执法案卷\t-1\t0'),
  },
  'blank-cell': {
    'valid-balanced.txt': base,
    'invalid-blanks.txt': once(once(once(base, '3.危及“三安全一稳定”\t0\t0\t0\t0', '3.危及“三安全一稳定”\t0\t/\t—\t'), '7.属于行政执法案卷\t1\t0\t0\t0\t0\t0\t1', '7.属于行政执法案卷\t1\t0\t0\t0\t0\t0\t'), '行政强制\t5', '行政强制\t无'),
    'invalid-cells-blank-total.txt': (() => {
      const i = baseCells.indexOf('\t2.重复申请');
      const block = baseCells.slice(i, baseCells.indexOf('\n\n', i));
      return once(baseCells, block, block.replace(/\t2$/, '\t'));
    })(),
  },
  'row-total': {
    'valid-balanced.txt': base,
    'invalid-row-total.txt': setRow(base, '1.本机关不掌握相关政府信息', ['28', '2', '0', '0', '1', '1', '33']),
    // Only （七）自然人 is wrong: it breaks its row, its column and the balance; the fix restores that one cell.
    'invalid-seventh-natural.txt': setRow(base, '（七）总计', ['122', '7', '0', '1', '3', '2', '134']),
    // 57 typed as 75: one diagnostic on that cell, none on the correct （七）总计 134.
    'invalid-swapped-digits.txt': setRow(base, '（一）予以公开', ['52', '3', '0', '1', '1', '0', '75']),
    'invalid-pipe-new-total.txt': once(basePipe, '一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 120 | 8 | 0 | 1 | 3 | 2 | 134', '一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 120 | 8 | 0 | 1 | 3 | 2 | 143'),
  },
  'column-total': {
    'valid-balanced.txt': base,
    // A whole row changed consistently: the column sums break, but which row is wrong cannot be told.
    'invalid-detail-changed.txt': setRow(base, '5.属于三类内部事务信息', ['2', '0', '0', '0', '0', '0', '2']),
  },
  balance: {
    'valid-balanced.txt': base,
    'invalid-carryover.txt': setRow(base, '四、结转下年度继续办理', ['4', '2', '0', '0', '0', '0', '6']),
  },
  'review-total': {
    'valid-balanced.txt': base,
    'invalid-review-totals.txt': once(base, '2\t1\t0\t1\t4\t1\t0\t0\t1\t2\t1\t0\t0\t0\t1', '2\t1\t0\t1\t5\t1\t0\t0\t1\t2\t1\t0\t0\t0\t0'),
    // A total printed as 0 beside non-zero parts: only the total can be wrong (no part can go below 0).
    'invalid-total-zero.txt': once(base, '2\t1\t0\t1\t4\t1\t0\t0\t1\t2', '2\t1\t0\t1\t0\t1\t0\t0\t1\t2'),
    'invalid-cells-review.txt': (() => {
      const i = baseCells.lastIndexOf('\t2\n\t1\n\t0\n\t1\n\t4');
      return baseCells.slice(0, i) + '\t2\n\t1\n\t0\n\t1\n\t3' + baseCells.slice(i + '\t2\n\t1\n\t0\n\t1\n\t4'.length);
    })(),
  },
};

// Only the folders written here are replaced: other rules keep hand-written fixtures beside them.
for (const rule of Object.keys(R)) rmSync(join(ROOT, 'rules', rule), { recursive: true, force: true });
for (const [rule, files] of Object.entries(R)) for (const [name, text] of Object.entries(files)) write(join(ROOT, 'rules', rule, name), text);
console.log('fixtures written');
