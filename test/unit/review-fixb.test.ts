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
