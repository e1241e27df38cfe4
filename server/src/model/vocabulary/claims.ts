/**
 * The words the claims reader understands (data: the only place they are spelled). Each names a quantity
 * of table 三 or 四, a part of a table 四 group, or is a filler that carries no meaning of its own.
 * `words` and `product` only spell lists compactly (every combination of the parts).
 */
import type { Word } from '../claims/types';

function words(list: string[], q: Omit<Word, 'text'>): Word[] {
  return list.map((text) => ({ text, ...q }));
}
function product(...parts: string[][]): string[] {
  return parts.reduce<string[]>((acc, p) => acc.flatMap((a) => p.map((b) => a + b)), ['']);
}

const CARRYOVER_WORDS = [
  ...product(['结转', '顺延', '转入', '转至', '转到', '转', '结转至', '结转到', '顺延至', '顺延到'], ['下年度', '下一年度', '下年', '下一年'], ['', '继续办理', '办理', '答复', '办理答复', '继续答复']),
  '跨年度办理',
];
const CARRIED_WORDS = product(['上年', '上年度', '上一年度', '上一年'], ['结转', '转入', '遗留']);

export const VOCAB: Word[] = [
  ...words(['收到', '受理', '接收', '接到', '共收到'], { quantity: 'received', weak: true }),
  ...words(['新收', '本年新收', '新收到'], { quantity: 'new' }),
  ...words(CARRIED_WORDS, { quantity: 'carried' }),
  ...words(['办结', '答复', '回复', '办理完毕', '办理完成', '处理完毕', '完成办理', '作出答复', '予以答复'], { quantity: 'answered', weak: true }),
  ...words(['办理', '处理'], { quantity: 'handled', weak: true }),
  ...words(['予以公开', '同意公开', '全部公开'], { quantity: 'grant' }),
  ...words(['部分公开'], { quantity: 'partial' }),
  ...words(product(['予以公开', '同意公开', '全部公开', '公开'], ['及', '和', '与', '或', '、'], ['部分公开']), { quantity: 'grant-partial' }),
  ...words(['全部或部分公开'], { quantity: 'grant-partial' }),
  ...words(['不予公开'], { quantity: 'deny' }),
  ...words(['无法提供'], { quantity: 'unable' }),
  ...words(['不予处理'], { quantity: 'reject' }),
  ...words(['其他处理'], { quantity: 'other' }),
  ...words(CARRYOVER_WORDS, { quantity: 'carryover' }),
  ...words(['行政复议', '复议'], { quantity: 'review' }),
  ...words(['行政诉讼', '诉讼'], { quantity: 'litigation' }),
  ...words(['未经复议直接起诉', '直接起诉', '直接提起行政诉讼', '直接提起诉讼'], { quantity: 'direct' }),
  ...words(['复议后起诉', '经复议后起诉', '复议后提起行政诉讼', '复议后提起诉讼'], { quantity: 'after' }),
  ...words(['结果维持', '维持', '获维持', '被维持'], { part: 'maintain' }),
  ...words(['结果纠正', '纠正', '被纠正', '纠错', '被纠错'], { part: 'correct' }),
  ...words(['其他结果'], { part: 'other' }),
  ...words(['尚未审结', '未审结', '正在审理', '审理中', '尚在审理'], { part: 'pending' }),
].sort((a, b) => b.text.length - a.text.length);

/** Applicant columns of table 三 (indices into its columns). */
export const COLUMN_WORDS: { text: string; columns: number[] }[] = [
  { text: '法人或其他组织', columns: [1, 2, 3, 4, 5] },
  { text: '自然人', columns: [0] },
  { text: '商业企业', columns: [1] },
  { text: '科研机构', columns: [2] },
  { text: '社会公益组织', columns: [3] },
  { text: '法律服务机构', columns: [4] },
];

/** Words that carry no quantity and no subject: time, the reporting body as a whole, adverbs, the object 申请. */
export const FILLERS = [
  '全年', '本年度', '本年', '今年', '年内', '当年', '一年来', '年度', '截至目前', '截至年底',
  ...product(['全', '我', '本'], ['市', '区', '县', '镇', '乡', '省', '州', '旗', '委', '局', '厅', '办', '院', '部', '署', '中心', '街道', '机关', '单位', '部门']),
  '共计', '累计', '合计', '一共', '总共', '共有', '共', '其中', '另有', '另', '含', '包括', '包含', '已经', '均已', '均', '已', '先后',
  '依法依规', '依法', '依规', '及时', '按时', '按期', '按要求', '在法定期限内', '在法定时限内', '法定期限内', '规定时限内',
  '政府信息公开申请', '信息公开申请', '公开申请', '依申请公开', '政府信息公开', '信息公开', '申请', '案件', '案', '件数', '数量', '数',
  '所有', '全部', '有', '的', '了', '为', '是', '并', '且', '达', '约', '中', '等', '工作', '方面', '被申请', '提起', '被提起', '被', '获',
  '结果', '涉及', '总数', '件', '宗', '因',
].sort((a, b) => b.length - a.length);

export const NEGATIONS = ['未', '没有', '无', '尚无', '暂无', '不存在'];
export const NONE_VERBS = ['收到', '受理', '接到', '发生', '产生', '出现'];
export const UPHELD = ['均获维持', '均被维持', '全部维持', '均维持', '均予维持', '均为维持', '结果均为维持', '全部获得维持', '均获得维持', '全部被维持'];
export const CLOSED = ['均已结案', '均已审结', '全部审结', '全部结案', '已全部结案', '已全部审结'];
export const SETTLED_VERBS = ['办结', '办理完成', '办理完毕', '处理完毕', '答复完毕', '完成办理', '完成答复'];
export const SETTLED_ANSWERED = ['均已答复', '全部答复', '已全部答复', '全部予以答复', '均已予以答复'];
export const ALL_WORDS = ['所有', '全部', '均'];
export const EXCEPT_WORDS = ['其余', '其他', '除', '剩余', '余下'];
export const SHARE_BASE = ['占', '总数', '总量', '全部', '所有', '申请', '总件数', '件数', '案件', '收到', '受理', '办结', '的', '比', '为', '约', '政府信息公开', '信息公开', '比例', '比重'];

export const CLAIM_WORDS = { FEE_INFO: '信息处理费', FEE_ADMIN: '行政事业性收费' } as const;
