/** Words that name a reporting body and its level (data: model/facts/body.ts and the 落款 reader use them). */

/** 直辖市: a 市 that is a province-level government. */
export const MUNICIPALITIES = ['北京市', '天津市', '上海市', '重庆市'];

/** Zones run by a 管委会 and other 区 that are not a level of government. */
export const SPECIAL_ZONE_SUFFIXES = [
  '新区', '开发区', '实验区', '示范区', '试验区', '高新区', '园区', '管理区', '保税区', '合作区', '风景区', '旅游区', '度假区', '片区',
  '景区', '社区', '城区', '矿区', '林区', '港区', '功能区',
];

/** How the name of a government department ends. */
export const DEPARTMENT_SUFFIXES = ['局', '委员会', '委', '厅', '办公室', '办公厅', '署'];

/** Vertically managed systems and branch offices, whose deadlines and powers are not those of a local department. */
export const NOT_LOCAL_DEPARTMENT = ['分局', '税务', '海关', '气象', '地震', '烟草', '邮政', '金融', '银保监', '证监', '调查队', '消防', '国家', '中国', '总局'];

/** How the name of a body that signs a report ends (the text before a 落款 date). */
export const SIGNER_SUFFIXES = ['政府', '局', '委员会', '委', '办公室', '办', '厅', '署', '中心', '院', '处', '所', '站', '队'];
