/**
 * The words the breakdown reader (claims/breakdown.ts) understands: the units a stated total and its
 * parts are counted in, the words that make a list partial or a figure inexact, and the words that
 * name a remainder (the list is then closed by its own wording). Data only: the one place they are spelled.
 */

/** Units a breakdown is counted in, longest first (人次 before 人). Source: the overview sections of published reports. */
export const BREAKDOWN_UNITS = ['人次', '条', '件', '个', '篇', '次', '项', '份', '期', '场', '宗', '家', '部', '批'];

/** A list with one of these words names some parts only (其中…等, 包括…, 主要有…, 如…): never a breakdown. */
export const PARTIAL_WORDS = ['等', '包括', '包含', '主要', '重点', '如', '例如', '比如', '含', '涉及', '另有', '此外', '以及其他', '部分为'];

/** Words that make a figure inexact (400余条, 约400条, 近400条): such a total or part is never added up. */
export const INEXACT_WORDS = ['余', '多', '约', '近', '逾', '超过', '以上', '以下', '左右', '不少于', '不到', '上下', '大约', '将近'];

/** A total that is a change, a rate or a comparison (同比增加20条) is not a whole of the parts after it. */
export const CHANGE_WORDS = ['增加', '增长', '减少', '下降', '上升', '提高', '同比', '较', '比上年', '环比', '增幅', '降幅', '率', '平均'];

/** A last part named so is the rest: the parts then add up to the whole by the list's own wording. */
export const REMAINDER_WORDS = ['其他', '其余', '剩余', '余下', '另外'];

/** Where an item was published: lists of channels overlap (the same item on the website and on WeChat). */
export const CHANNEL_WORDS = ['网站', '门户', '微信', '微博', '公众号', '客户端', '抖音', '头条', '视频号', '新媒体', '平台', '报纸', '报刊', '电视', '广播', '公开栏', '公告栏', '渠道', '方式', '途径', '载体'];

/** Connectives before a part's label (以及不予公开100条) and words between the label and its figure (为, 有, 共). */
export const PART_LEAD = ['其中', '以及', '还有', '及', '和', '与', '另'];
export const PART_FILLERS = ['共计', '合计', '累计', '共', '计', '为', '有', '是', '达', '的'];

/** Words around a share's label (主动公开的占, 其中主动公开信息占) that do not change what it names. */
export const SHARE_FILLERS = ['其中', '政府信息', '信息', '的', '数量', '数', '件数', '条数', '所'];
