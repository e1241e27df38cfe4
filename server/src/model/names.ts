/**
 * How messages name the things of a report: a cell, a table, a format and its notice. One helper each,
 * so a cell is named one way everywhere (“（七）总计·自然人”), a table too (表三), and the wording of the
 * two formats is spelled once.
 */
import { Msg, msg } from '../base/msg';
import type { FormatVersion, TableKind } from './template';

export const TABLE_NUMERAL: Readonly<Record<TableKind, string>> = { t2: '二', t3: '三', t4: '四' };

/** 表三 / Table 三. */
export function tableName(kind: TableKind): Msg {
  return msg(`表${TABLE_NUMERAL[kind]}`, `Table ${TABLE_NUMERAL[kind]}`);
}

const SUBJECT: Readonly<Record<TableKind, Msg>> = {
  t2: msg('主动公开', 'proactive disclosure'),
  t3: msg('收到和处理申请', 'applications'),
  t4: msg('行政复议、行政诉讼', 'reviews and lawsuits'),
};

/** 表三 收到和处理申请 / Table 三 applications: the table with its subject (outline, code lens). */
export function tableTitle(kind: TableKind): Msg {
  const name = tableName(kind);
  return msg(`${name.zh} ${SUBJECT[kind].zh}`, `${name.en} ${SUBJECT[kind].en}`);
}

/** A cell: its row's label and its column's, “（七）总计·自然人”; the column alone when the row has no label. */
export function cellName(rowLabel: string | null | undefined, columnLabel: string): string {
  return rowLabel ? `${rowLabel}·${columnLabel}` : columnLabel;
}

/** The notices that issued the two formats. */
export const FORMAT_NOTICE: Readonly<Record<FormatVersion, string>> = {
  '2019': '国办公开办函〔2019〕60号',
  '2021': '国办公开办函〔2021〕30号',
};

/** 2021 年格式（国办公开办函〔2021〕30号） / the 2021 format; the 2019 one is the trial (试行) format. */
export function formatName(version: FormatVersion): Msg {
  const trial = version === '2019';
  return msg(`${version} 年${trial ? '试行' : ''}格式（${FORMAT_NOTICE[version]}）`, `the ${version}${trial ? ' trial' : ''} format`);
}
