/**
 * The proofreading lists (data): serious wording errors (the names of the state, of the 条例, of state
 * organs and of the report itself), look-alike characters, and the brackets of a 发文字号. Every entry has
 * its source: a published reference (a national standard, the statute's official text, the 现代汉语词典),
 * an inspection notice, or a real published document where the error occurred. The rules that read these
 * lists are serious-wording, look-alike, document-number; the user's own words and pairs come from the
 * configuration file's `dictionary` (rules/lib/dictionary.ts).
 */

/** Where an official name is fixed. */
const CONSTITUTION = '《中华人民共和国宪法》';
const STATUTE = '《中华人民共和国政府信息公开条例》（国务院令第711号，2019年修订）';
const FORMAT = '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）';
const INSPECTION = '《政府网站与政务新媒体检查指标》（国办函〔2019〕80号）：严重表述错误';
const DICTIONARY = '《现代汉语词典》（第7版，商务印书馆）';
const ISSUE_21 = 'issue 21：一份已发布的年度报告（实测，不在语料中）/ a published report measured for issue 21 (not in the corpus)';

/** The official names a serious wording error misspells; an exact official name never matches. */
export const OFFICIAL_NAMES: readonly { name: string; source: string }[] = [
  { name: '中华人民共和国', source: CONSTITUTION },
  { name: '中华人民共和国政府信息公开条例', source: STATUTE },
  { name: '国务院', source: `${CONSTITUTION}第三章第三节` },
  { name: '国务院办公厅', source: '中国政府网“国务院组织机构”' },
  { name: '全国人民代表大会', source: `${CONSTITUTION}第三章第一节` },
  { name: '全国人民代表大会常务委员会', source: `${CONSTITUTION}第三章第一节` },
  { name: '政府信息公开工作年度报告', source: `${STATUTE}第四十九条、第五十条` },
];

export interface SeriousEntry {
  wrong: string;
  /** The right text: the official name, or the part of it the wrong form stands for. */
  right: string;
  /** What makes it a slip: the homophone or look-alike character. */
  why: string;
  /** Where the right form is fixed; every entry is a serious wording error under the inspection index. */
  source: string;
  /** One sentence with the wrong form, for the property test (the right form replaces it). */
  example: string;
}

const state = (wrong: string, why: string): SeriousEntry => ({
  wrong, right: '中华人民共和国', why, source: `${CONSTITUTION}；${INSPECTION}`, example: `本机关严格执行《${wrong}政府信息公开条例》。`,
});
const statute = (wrong: string, right: string, why: string): SeriousEntry => ({
  wrong, right, why, source: `${STATUTE}；${INSPECTION}`, example: `本机关严格执行《中华人民共和国${wrong}》。`,
});

export const SERIOUS_ENTRIES: readonly SeriousEntry[] = [
  state('中华人民共合国', '合 for 和 (homophone)'),
  state('中华人民大和国', '大 for 共'),
  state('中共人民共和国', '共 for 华'),
  state('中华人名共和国', '名 for 民 (homophone)'),
  state('中华人民共和图', '图 for 国 (look-alike)'),
  state('中化人民共和国', '化 for 华 (homophone)'),
  state('中华人民公和国', '公 for 共 (homophone)'),
  state('中华人民共荷国', '荷 for 和 (homophone)'),
  statute('政府信息公开条列', '政府信息公开条例', '列 for 例 (homophone)'),
  statute('政府信息公开条利', '政府信息公开条例', '利 for 例 (homophone)'),
  statute('政府信息公开修例', '政府信息公开条例', '修 for 条'),
  statute('政府公开信息条例', '政府信息公开条例', '信息 and 公开 swapped'),
  statute('政府信息公条例', '政府信息公开条例', '开 left out'),
  { wrong: '《条列》', right: '《条例》', why: '列 for 例 (homophone), the statute\'s short form', source: `${STATUTE}；${INSPECTION}`, example: '本机关依据《条列》第二十条主动公开政府信息。' },
  { wrong: '国物院', right: '国务院', why: '物 for 务 (homophone)', source: `${CONSTITUTION}第三章第三节；${INSPECTION}`, example: '本机关认真落实国物院关于政务公开的部署。' },
  { wrong: '国务阮', right: '国务院', why: '阮 for 院 (look-alike)', source: `${CONSTITUTION}第三章第三节；${INSPECTION}`, example: '本机关认真落实国务阮关于政务公开的部署。' },
  { wrong: '国务院办公听', right: '国务院办公厅', why: '听 for 厅 (homophone)', source: `中国政府网“国务院组织机构”；${INSPECTION}`, example: '本机关按照国务院办公听的要求编制年度报告。' },
  { wrong: '国务院办工厅', right: '国务院办公厅', why: '工 for 公 (homophone)', source: `中国政府网“国务院组织机构”；${INSPECTION}`, example: '本机关按照国务院办工厅的要求编制年度报告。' },
  { wrong: '国务院力公厅', right: '国务院办公厅', why: '力 for 办 (look-alike, a common OCR slip)', source: `中国政府网“国务院组织机构”；${INSPECTION}`, example: '本机关按照国务院力公厅的要求编制年度报告。' },
  { wrong: '国务院办公庁', right: '国务院办公厅', why: '庁 (the Japanese form) for 厅', source: `中国政府网“国务院组织机构”；${INSPECTION}`, example: '本机关按照国务院办公庁的要求编制年度报告。' },
  { wrong: '全国人民代表大全', right: '全国人民代表大会', why: '全 for 会 (look-alike)', source: `${CONSTITUTION}第三章第一节；${INSPECTION}`, example: '本机关认真办理全国人民代表大全代表建议。' },
  { wrong: '全国人名代表大会', right: '全国人民代表大会', why: '名 for 民 (homophone)', source: `${CONSTITUTION}第三章第一节；${INSPECTION}`, example: '本机关认真办理全国人名代表大会代表建议。' },
  { wrong: '全国人民代表人会', right: '全国人民代表大会', why: '人 for 大 (look-alike)', source: `${CONSTITUTION}第三章第一节；${INSPECTION}`, example: '本机关认真办理全国人民代表人会代表建议。' },
  { wrong: '政府信息公开工做年度报告', right: '政府信息公开工作年度报告', why: '做 for 作', source: `${STATUTE}第四十九条；${FORMAT}`, example: '现公布本机关2023年政府信息公开工做年度报告。' },
  { wrong: '政府信息公开工作年渡报告', right: '政府信息公开工作年度报告', why: '渡 for 度 (homophone)', source: `${STATUTE}第四十九条；${FORMAT}`, example: '现公布本机关2023年政府信息公开工作年渡报告。' },
  { wrong: '政府信息工开', right: '政府信息公开', why: '工 for 公 (homophone)', source: `${STATUTE}；${FORMAT}`, example: '本机关不断提升政府信息工开工作水平。' },
  { wrong: '政府信患公开', right: '政府信息公开', why: '患 for 息 (look-alike)', source: `${STATUTE}；${FORMAT}`, example: '本机关不断提升政府信患公开工作水平。' },
];

export interface LookAlikeEntry {
  wrong: string;
  right: string;
  /**
   * The contexts in which the wrong form is right (`周末来` holds `末来`): an occurrence inside one of
   * these is not reported.
   */
  rightIn: readonly string[];
  /** The wrong form starts with a surname (杜): not reported as part of a person's name (副部长杜会明主持). */
  surname?: boolean;
  source: string;
  /** One sentence with the wrong form, for the property test (the right form replaces it). */
  example: string;
}

export const LOOK_ALIKE_ENTRIES: readonly LookAlikeEntry[] = [
  { wrong: '己经', right: '已经', rightIn: ['自己经', '知己经', '利己经', '异己经', '舍己经', '为己经', '克己经', '一己经'], source: DICTIONARY, example: '各项工作己经按期完成。' },
  { wrong: '杜会', right: '社会', rightIn: ['杜会长'], surname: true, source: DICTIONARY, example: '及时回应杜会关切。' },
  { wrong: '末来', right: '未来', rightIn: ['周末来', '期末来', '年末来', '月末来', '岁末来', '季末来', '始末来'], source: DICTIONARY, example: '末来一年将继续加强政务公开。' },
  { wrong: '严于律已', right: '严于律己', rightIn: [], source: DICTIONARY, example: '全体干部严于律已，依法履职。' },
  { wrong: '严以律已', right: '严以律己', rightIn: [], source: DICTIONARY, example: '全体干部严以律已，依法履职。' },
  { wrong: '不子公开', right: '不予公开', rightIn: [], source: `${ISSUE_21}；${STATUTE}第十四条`, example: '对涉及国家秘密的申请依法不子公开。' },
  { wrong: '不子受理', right: '不予受理', rightIn: [], source: STATUTE, example: '对不属于本机关职责的申请依法不子受理。' },
  { wrong: '不子处理', right: '不予处理', rightIn: [], source: `${STATUTE}第三十五条；${FORMAT}`, example: '对重复申请依法不子处理。' },
  { wrong: '子以公开', right: '予以公开', rightIn: [], source: `${STATUTE}第三十六条；${FORMAT}`, example: '经审查，对申请的信息子以公开。' },
  { wrong: '参加入数', right: '参加人数', rightIn: [], source: `${ISSUE_21}；${DICTIONARY}`, example: '全年举办培训3期，参加入数120人次。' },
  { wrong: '行政复义', right: '行政复议', rightIn: [], source: `${STATUTE}第五十一条；${FORMAT}`, example: '本年度未发生行政复义案件。' },
  { wrong: '布署', right: '部署', rightIn: ['发布署', '公布署', '颁布署', '宣布署'], source: DICTIONARY, example: '按照上级布署推进政务公开。' },
  { wrong: '贯切落实', right: '贯彻落实', rightIn: [], source: DICTIONARY, example: '认真贯切落实上级要求。' },
  { wrong: '再接再励', right: '再接再厉', rightIn: [], source: DICTIONARY, example: '下一步将再接再励，做好政务公开工作。' },
  { wrong: '一如继往', right: '一如既往', rightIn: [], source: DICTIONARY, example: '下一步将一如继往地做好政务公开工作。' },
  { wrong: '迫不急待', right: '迫不及待', rightIn: [], source: DICTIONARY, example: '群众迫不急待地希望了解政策。' },
  { wrong: '登陆网站', right: '登录网站', rightIn: [], source: `${DICTIONARY}（登录：注册、登记；登陆：渡过海洋登上陆地）`, example: '群众可登陆网站查阅政府信息。' },
  { wrong: '登陆政府网站', right: '登录政府网站', rightIn: [], source: `${DICTIONARY}（登录：注册、登记；登陆：渡过海洋登上陆地）`, example: '群众可登陆政府网站查阅政府信息。' },
  { wrong: '仍在不足', right: '仍存在不足', rightIn: [], source: '平潭综合实验区2024年度政府信息公开工作年度报告（test/fixtures/corpus/pingtan_2024.txt，FACTS.md）', example: '但在工作中仍在不足。' },
  { wrong: '受理渠', right: '受理渠道', rightIn: ['受理渠道'], source: '洪泽区人民政府2023年政府信息公开工作年度报告（test/fixtures/corpus/hongze_2023.txt，FACTS.md）', example: '进一步畅通依申请公开受理渠。' },
  { wrong: '截止目前', right: '截至目前', rightIn: [], source: `${DICTIONARY}（截至：截止到某个时候）`, example: '截止目前，本年度共公开政府信息120条。' },
];

/** The brackets of a 发文字号's year (GB/T 9704-2012《党政机关公文格式》7.2.4: 六角括号〔〕). */
export const DOCUMENT_NUMBER = {
  open: '〔', close: '〕',
  wrongOpen: '[【（(［', wrongClose: ']】）)］',
  source: 'GB/T 9704-2012《党政机关公文格式》7.2.4：年份应标全称，用六角括号“〔〕”括入',
} as const;
