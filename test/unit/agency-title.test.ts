/**
 * The reporting body read from the title never takes an extractor's or web page's word (正文, 全文, 标题)
 * for an agency (review finding C: shanghai's body shown as "正文" in the summary and CSV): the real
 * agency, or nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/model/report';
import { readFixture } from './helpers';

const BODY = '\n一、总体情况\n2024年，本机关认真落实《条例》。\n';

describe('agency and title around page words', () => {
  it('shanghai extract: 正文 above the title is neither title nor agency; the agency is 上海市科委', () => {
    const r = parseReport(readFixture('corpus', 'shanghai_kewei_2024_extract.md'));
    assert.equal(r.agency, '上海市科委');
    assert.equal(r.title?.text, '2024 年上海市科委政府信息公开工作年度报告');
  });

  it('a page word on the title\'s own line is left out of the agency', () => {
    assert.equal(parseReport(`正文2024年清江浦区人民政府政府信息公开工作年度报告${BODY}`).agency, '清江浦区人民政府');
    assert.equal(parseReport(`全文：清江浦区人民政府2024年政府信息公开工作年度报告${BODY}`).agency, '清江浦区人民政府');
  });

  it('a title that names no body gives no agency rather than a page word', () => {
    const r = parseReport(`正文\n2024年政府信息公开工作年度报告${BODY}`);
    assert.equal(r.agency, null);
    assert.equal(r.title?.text, '2024年政府信息公开工作年度报告');
  });

  it('a title with a real agency is unchanged', () => {
    assert.equal(parseReport(`淮安市人民政府2024年政府信息公开工作年度报告${BODY}`).agency, '淮安市人民政府');
  });
});
