/**
 * The official report format, both versions, as data: the six sections and the rows and columns of
 * tables 二, 三 and 四 (国办公开办函〔2019〕60号 and 〔2021〕30号, see shared/domain/REFERENCE.md §2).
 * Every rule, hover text, skeleton and snippet reads its labels from here; nothing else spells them out.
 */

export type FormatVersion = '2019' | '2021';
export const VERSIONS: readonly FormatVersion[] = ['2019', '2021'];

/** The report year from which the 2021 format applies. */
export const FORMAT_2021_FROM_YEAR = 2021;

export type TableKind = 't2' | 't3' | 't4';
export type CellKind = 'count' | 'delta' | 'amount';

export interface SectionDef {
  index: number; // 1..6
  numeral: string; // 一 … 六
  /** Official title per version (2019 and 2021 differ only in 五). */
  title: Record<FormatVersion, string>;
  /** Accepted wording variants seen in real reports; none of them is a wording error. */
  variants: string[];
  /** Key phrases: a short heading line containing all of one group is this section. */
  keys: string[][];
  table?: TableKind;
  /** What the section must contain. */
  help: string;
  article: string;
  /** The placeholder the new-report skeleton writes for a prose section: left as it is, the section is unfilled. */
  placeholder?: string;
}

export const SECTIONS: readonly SectionDef[] = [
  {
    index: 1, numeral: '一', title: { '2019': '总体情况', '2021': '总体情况' }, variants: ['总体情况', '概述'],
    keys: [['总体情况']],
    help: '综述本机关贯彻落实《条例》情况，包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障；各级人民政府还应在监督保障中报告工作考核、社会评议和责任追究结果情况。',
    article: '第五十条',
    placeholder: '（概述本年度主动公开、依申请公开、政府信息管理、平台建设、监督保障等情况）',
  },
  {
    index: 2, numeral: '二', title: { '2019': '主动公开政府信息情况', '2021': '主动公开政府信息情况' },
    variants: ['主动公开政府信息情况', '主动公开政府信息的情况', '行政机关主动公开政府信息的情况'],
    keys: [['主动公开', '情况']], table: 't2',
    help: '报告行政机关主动公开政府信息的情况，并按统一格式填报第二十条第（一）（五）（六）（八）项统计表。',
    article: '第五十条第（一）项',
  },
  {
    index: 3, numeral: '三', title: { '2019': '收到和处理政府信息公开申请情况', '2021': '收到和处理政府信息公开申请情况' },
    variants: ['收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请的情况', '行政机关收到和处理政府信息公开申请的情况'],
    keys: [['收到', '申请'], ['处理', '申请', '情况']], table: 't3',
    help: '报告行政机关收到和处理政府信息公开申请的情况，按申请人类别填报收办统计表，本列数据须满足“第一项加第二项之和，等于第三项加第四项之和”。',
    article: '第五十条第（二）项',
  },
  {
    index: 4, numeral: '四', title: { '2019': '政府信息公开行政复议、行政诉讼情况', '2021': '政府信息公开行政复议、行政诉讼情况' },
    variants: ['政府信息公开行政复议、行政诉讼情况', '因政府信息公开工作被申请行政复议、提起行政诉讼的情况', '因政府信息公开工作被申请行政复议和提起行政诉讼情况', '政府信息公开行政复议、行政诉讼的情况'],
    keys: [['复议', '诉讼']], table: 't4',
    help: '报告因政府信息公开工作被申请行政复议、提起行政诉讼的情况，填报复议、直接起诉、复议后起诉三组结果统计。',
    article: '第五十条第（三）项',
  },
  {
    index: 5, numeral: '五', title: { '2019': '政府信息公开工作存在的主要问题及改进情况', '2021': '存在的主要问题及改进情况' },
    variants: ['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况', '存在主要问题和改进情况', '存在的主要问题和改进情况'],
    keys: [['问题', '改进']],
    help: '报告政府信息公开工作存在的主要问题及改进情况（不宜只写“无”）。',
    article: '第五十条第（四）项',
    placeholder: '（报告存在的主要问题及改进情况）',
  },
  {
    index: 6, numeral: '六', title: { '2019': '其他需要报告的事项', '2021': '其他需要报告的事项' },
    variants: ['其他需要报告的事项', '其他需要报告事项'],
    keys: [['其他需要报告'], ['其他', '事项']],
    help: '报告其他需要报告的事项，例如依《政府信息公开信息处理费管理办法》收取信息处理费的情况。',
    article: '第五十条第（五）项',
    placeholder: '（报告其他需要报告的事项，如收取信息处理费的情况）',
  },
];

// ---------------------------------------------------------------- table 二

export interface ColumnDef {
  id: string;
  label: string;
  kind: CellKind;
  /** A short name where a line holds many figures (the editor's column hints): the group's and the column's. */
  short?: { group: string; part: string };
}
export interface T2ItemVersion { columns: ColumnDef[]; rows: { id: string; label: string; help: string }[] }
export interface T2ItemDef {
  id: string; // '1' | '5' | '6' | '8' | '9'
  label: string; // 第二十条第（一）项
  clause: string; // （一）
  versions: Partial<Record<FormatVersion, T2ItemVersion>>;
}

const c = (id: string, label: string, kind: CellKind = 'count'): ColumnDef => ({ id, label, kind });
const PREV3 = [c('prev', '上一年项目数量'), c('delta', '本年增/减', 'delta'), c('decisions', '处理决定数量')];

export const T2_ITEMS: readonly T2ItemDef[] = [
  {
    id: '1', label: '第二十条第（一）项', clause: '（一）',
    versions: {
      '2019': {
        columns: [c('made', '本年新制作数量'), c('published', '本年新公开数量'), c('total', '对外公开总数量')],
        rows: [
          { id: 'rules', label: '规章', help: '本机关制定的规章。只有国务院部门和省级、设区的市级人民政府可以制定规章。' },
          { id: 'normative', label: '规范性文件', help: '本机关制发的规范性文件。' },
        ],
      },
      '2021': {
        columns: [c('made', '本年制发件数'), c('repealed', '本年废止件数'), c('valid', '现行有效件数')],
        rows: [
          { id: 'rules', label: '规章', help: '本机关制定的规章。只有国务院部门和省级、设区的市级人民政府可以制定规章，乡镇、县级报告通常为 0。' },
          { id: 'normative', label: '行政规范性文件', help: '本机关制发、废止和现行有效的行政规范性文件件数。' },
        ],
      },
    },
  },
  {
    id: '5', label: '第二十条第（五）项', clause: '（五）',
    versions: {
      '2019': {
        columns: PREV3,
        rows: [
          { id: 'license', label: '行政许可', help: '办理行政许可的项目数量与处理决定数量。' },
          { id: 'services', label: '其他对外管理服务事项', help: '其他对外管理服务事项的项目数量与处理决定数量。' },
        ],
      },
      '2021': {
        columns: [c('decisions', '本年处理决定数量')],
        rows: [{ id: 'license', label: '行政许可', help: '本年作出的行政许可处理决定数量，包括已公开和依法未公开的全部决定。' }],
      },
    },
  },
  {
    id: '6', label: '第二十条第（六）项', clause: '（六）',
    versions: {
      '2019': {
        columns: PREV3,
        rows: [
          { id: 'penalty', label: '行政处罚', help: '实施行政处罚的项目数量与处理决定数量。' },
          { id: 'enforcement', label: '行政强制', help: '实施行政强制的项目数量与处理决定数量。' },
        ],
      },
      '2021': {
        columns: [c('decisions', '本年处理决定数量')],
        rows: [
          { id: 'penalty', label: '行政处罚', help: '本年作出的行政处罚决定数量，包括已公开和依法未公开的全部决定。' },
          { id: 'enforcement', label: '行政强制', help: '本年作出的行政强制决定数量，包括已公开和依法未公开的全部决定。' },
        ],
      },
    },
  },
  {
    id: '8', label: '第二十条第（八）项', clause: '（八）',
    versions: {
      '2019': {
        columns: [c('prev', '上一年项目数量'), c('delta', '本年增/减', 'delta')],
        rows: [{ id: 'fees', label: '行政事业性收费', help: '行政事业性收费项目数量。信息处理费（第四十二条）不在此列。' }],
      },
      '2021': {
        columns: [c('amount', '本年收费金额（单位：万元）', 'amount')],
        rows: [{ id: 'fees', label: '行政事业性收费', help: '本年行政事业性收费金额，单位万元。信息处理费（第四十二条）不在此列。' }],
      },
    },
  },
  {
    id: '9', label: '第二十条第（九）项', clause: '（九）',
    versions: {
      '2019': {
        columns: [c('count', '采购项目数量'), c('amount', '采购总金额', 'amount')],
        rows: [{ id: 'procurement', label: '政府集中采购', help: '政府集中采购项目数量与采购总金额（2019 格式；2021 格式已删除此项）。' }],
      },
    },
  },
];

/** Column headers that only one version uses: the version detector of table 二. */
export const T2_VERSION_MARKERS: Record<FormatVersion, string[]> = {
  '2019': ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '第二十条第（九）项', '政府集中采购', '其他对外管理服务事项'],
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量', '行政规范性文件'],
};

// ---------------------------------------------------------------- table 三

export const T3_COLUMNS: readonly ColumnDef[] = [
  c('natural', '自然人'),
  c('business', '商业企业'),
  c('research', '科研机构'),
  c('welfare', '社会公益组织'),
  c('legal', '法律服务机构'),
  c('other', '其他'),
  c('total', '总计'),
];
export const T3_TOTAL_COL = 6;
export const T3_BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export type T3Role = 'new' | 'carried' | 'result' | 'total' | 'carryover' | 'group';
export interface T3RowDef {
  id: string;
  label: string;
  role: T3Role;
  /** Enclosing group labels, outermost first, as printed in the table's merged label cells. */
  groups: string[];
  article?: string;
  help: string;
  /** Other wordings accepted as official (the source is unverified on them). */
  aliases?: string[];
}

const G3 = '三、本年度办理结果';
const GN = '（三）不予公开';
const GU = '（四）无法提供';
const GP = '（五）不予处理';
const GO = '（六）其他处理';

const T3_COMMON_HEAD: T3RowDef[] = [
  { id: 'new', label: '一、本年新收政府信息公开申请数量', role: 'new', groups: [], help: '本年度新收到的政府信息公开申请件数。' },
  { id: 'carried', label: '二、上年结转政府信息公开申请数量', role: 'carried', groups: [], help: '上一年度结转、本年继续办理的申请件数，应等于上年报告“四、结转下年度继续办理”。' },
  { id: 'grant', label: '（一）予以公开', role: 'result', groups: [G3], article: '第三十六条', help: '予以公开的申请件数（第三十六条第（一）（二）项）。' },
  { id: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', role: 'result', groups: [G3], article: '第三十七条', help: '作区分处理、部分公开的申请件数；只计这一情形，不计其他情形。' },
  { id: 'deny', label: GN, role: 'group', groups: [G3], help: '不予公开的申请，按以下 8 种理由分别统计。' },
  { id: 'deny-1', label: '1.属于国家秘密', role: 'result', groups: [G3, GN], article: '第十四条', help: '依法确定为国家秘密而不予公开的件数。' },
  { id: 'deny-2', label: '2.其他法律行政法规禁止公开', role: 'result', groups: [G3, GN], article: '第十四条', help: '法律、行政法规禁止公开而不予公开的件数。' },
  { id: 'deny-3', label: '3.危及“三安全一稳定”', role: 'result', groups: [G3, GN], article: '第十四条', help: '公开后可能危及国家安全、公共安全、经济安全、社会稳定而不予公开的件数。' },
  { id: 'deny-4', label: '4.保护第三方合法权益', role: 'result', groups: [G3, GN], article: '第十五条', help: '涉及商业秘密、个人隐私等，公开会损害第三方合法权益而不予公开的件数。' },
  { id: 'deny-5', label: '5.属于三类内部事务信息', role: 'result', groups: [G3, GN], article: '第十六条', help: '属于人事管理、后勤管理、内部工作流程等内部事务信息而不予公开的件数。' },
  { id: 'deny-6', label: '6.属于四类过程性信息', role: 'result', groups: [G3, GN], article: '第十六条', help: '属于讨论记录、过程稿、磋商信函、请示报告等过程性信息而不予公开的件数。' },
  { id: 'deny-7', label: '7.属于行政执法案卷', role: 'result', groups: [G3, GN], article: '第十六条', help: '属于行政执法案卷信息而不予公开的件数。' },
  { id: 'deny-8', label: '8.属于行政查询事项', role: 'result', groups: [G3, GN], article: '第三十六条', help: '属于工商、不动产登记资料等行政查询事项，告知依有关规定办理的件数。' },
  { id: 'unable', label: GU, role: 'group', groups: [G3], help: '无法提供的申请，按以下 3 种情形分别统计。' },
  { id: 'unable-1', label: '1.本机关不掌握相关政府信息', role: 'result', groups: [G3, GU], article: '第三十六条', help: '经检索本机关不掌握相关政府信息的件数（第三十六条第（四）（五）项）。' },
  { id: 'unable-2', label: '2.没有现成信息需要另行制作', role: 'result', groups: [G3, GU], article: '第三十八条', help: '没有现成信息、需要另行制作或加工分析而不予提供的件数。' },
  { id: 'unable-3', label: '3.补正后申请内容仍不明确', role: 'result', groups: [G3, GU], article: '第三十条', help: '经补正后申请内容仍不明确的件数。' },
  { id: 'reject', label: GP, role: 'group', groups: [G3], help: '不予处理的申请，按以下 5 种情形分别统计。' },
  { id: 'reject-1', label: '1.信访举报投诉类申请', role: 'result', groups: [G3, GP], article: '第三十九条', help: '以政府信息公开申请形式进行信访、投诉、举报的件数。' },
  { id: 'reject-2', label: '2.重复申请', role: 'result', groups: [G3, GP], article: '第三十六条', help: '已作出答复后重复申请相同信息的件数（第三十六条第（六）项）。' },
  { id: 'reject-3', label: '3.要求提供公开出版物', role: 'result', groups: [G3, GP], article: '第三十九条', help: '要求提供政府公报、报刊、书籍等公开出版物的件数。' },
  { id: 'reject-4', label: '4.无正当理由大量反复申请', role: 'result', groups: [G3, GP], article: '第三十五条', help: '申请数量、频次明显超过合理范围且理由不合理的件数。' },
  { id: 'reject-5', label: '5.要求行政机关确认或重新出具已获取信息', role: 'result', groups: [G3, GP], help: '要求确认或重新出具已获取信息的件数。' },
];
const T3_COMMON_TAIL: T3RowDef[] = [
  { id: 'total', label: '（七）总计', role: 'total', groups: [G3], help: '本年度办理结果合计：每列等于（一）至（六）各行之和。' },
  { id: 'carryover', label: '四、结转下年度继续办理', role: 'carryover', groups: [], help: '本年未办结、结转下年度继续办理的件数。每列：一 + 二 = 三（七）+ 四。' },
];

export const T3_ROWS: Record<FormatVersion, readonly T3RowDef[]> = {
  '2019': [
    ...T3_COMMON_HEAD,
    { id: 'other', label: GO, role: 'result', groups: [G3], help: '其他处理的申请件数（2019 格式为单行；2021 格式分为 3 项）。' },
    ...T3_COMMON_TAIL,
  ],
  '2021': [
    ...T3_COMMON_HEAD,
    { id: 'other', label: GO, role: 'group', groups: [G3], help: '其他处理的申请，按以下 3 种情形分别统计（2021 格式）。' },
    {
      id: 'other-1', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', role: 'result', groups: [G3, GO], article: '第三十条',
      help: '申请人无正当理由逾期不补正，视为放弃申请、不再处理的件数。',
      aliases: ['1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请'],
    },
    {
      id: 'other-2', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', role: 'result', groups: [G3, GO], article: '第四十二条',
      help: '申请人逾期未缴纳信息处理费、不再处理的件数。',
      aliases: ['2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请'],
    },
    { id: 'other-3', label: '3.其他', role: 'result', groups: [G3, GO], help: '其他处理情形的件数。' },
    ...T3_COMMON_TAIL,
  ],
};
/** The group heading above the result rows; it never carries figures. */
export const T3_RESULT_GROUP = G3;

// ---------------------------------------------------------------- table 四

export const T4_GROUPS = [
  { id: 'review', label: '行政复议', parent: '行政复议', short: '复议' },
  { id: 'direct', label: '未经复议直接起诉', parent: '行政诉讼', short: '直接起诉' },
  { id: 'after', label: '复议后起诉', parent: '行政诉讼', short: '复议后起诉' },
] as const;
export const T4_PARTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
const T4_PART_SHORT = ['维持', '纠正', '其他', '未结', '总计'] as const;
export const T4_COLUMNS: readonly ColumnDef[] = T4_GROUPS.flatMap((g) =>
  T4_PARTS.map((p, i) => ({ ...c(`${g.id}-${i === 4 ? 'total' : i}`, `${g.label}·${p}`), short: { group: g.short, part: T4_PART_SHORT[i] } })),
);

/** Words that tell which table a row belongs to. */
export const TABLE_HINTS: Record<TableKind, string[]> = {
  t2: ['第二十条第', '信息内容', '规章', '规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购', '其他对外管理服务事项', '本年制发件数', '上一年项目数量'],
  t3: ['勾稽关系', '申请人情况', '自然人', '法人或其他组织', '商业企业', '本年新收', '上年结转', '本年度办理结果', '予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理', '总计', '结转下年度'],
  t4: ['行政复议', '行政诉讼', '结果维持', '结果纠正', '未经复议直接起诉', '复议后起诉'],
};

export function sectionTitle(index: number, version: FormatVersion): string {
  const s = SECTIONS[index - 1];
  return `${s.numeral}、${s.title[version]}`;
}

export function versionForYear(year: number | null): FormatVersion {
  return year !== null && year < FORMAT_2021_FROM_YEAR ? '2019' : '2021';
}

/** Table 三's printed header above the columns: the applicant group, and 法人或其他组织 over 商业企业 … 其他. */
export const T3_HEADER = {
  applicants: '申请人情况',
  legalPersons: '法人或其他组织',
  legalColumns: ['business', 'research', 'welfare', 'legal', 'other'],
} as const;
/** Table 二's header over the row labels of each 第二十条 item. */
export const T2_HEADER = '信息内容';
