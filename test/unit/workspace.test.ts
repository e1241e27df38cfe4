/**
 * The workspace index: agency matching, last year's report, ambiguity shown rather than guessed, the
 * three-year and region fixtures, the real corpus as FACTS.md describes it (test/integration/workspace-cli.test.ts
 * runs the CLI's batch index).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/service/analyze';
import { parseReport } from '../../server/src/model/report';
import { agencyKey, buildWorkspaceIndex, comparedWith, findReport, matchAgency, WorkspaceIndex } from '../../server/src/workspace';
import { copiedSections } from '../../server/src/workspace/copied';
import { parseManifest } from '../../server/src/workspace/region';
import { CORPUS, FIXTURES, corpusReports } from './helpers';

const CROSS = ['carry-over', 'in-force-rollforward', 'year-over-year', 'copied-text', 'rollup-total', 'workspace-match'];
const readDir = (dir: string) => corpusReports(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));
const check = (index: WorkspaceIndex, path: string, text = index.reports.get(path)!.text!) => analyze(text, { workspace: { index, path } });

describe('agency names', () => {
  it('人民政府 and 政府, 办公室 and 办公厅, spaces and punctuation are the same name', () => {
    assert.equal(agencyKey('洪泽区人民政府'), agencyKey('洪泽区政府'));
    assert.equal(agencyKey('某某市人民政府办公室'), agencyKey('某某市政府办公厅'));
    assert.equal(agencyKey(' 平潭综合实验区 '), agencyKey('平潭综合实验区'));
  });
  it('a name with more of the hierarchy in front matches (淮安市洪泽区 / 洪泽区), other bodies do not', () => {
    assert.equal(matchAgency(agencyKey('淮安市洪泽区人民政府'), agencyKey('洪泽区人民政府')), 'prefixed');
    assert.equal(matchAgency(agencyKey('淮河县清河镇人民政府'), agencyKey('清河镇人民政府')), 'prefixed');
    assert.equal(matchAgency(agencyKey('淮安市人民政府'), agencyKey('淮安市洪泽区人民政府')), null);
    assert.equal(matchAgency(agencyKey('洪泽区人民政府'), agencyKey('洪泽区人民政府办公室')), null);
    assert.equal(matchAgency(agencyKey('淮安市市场监督管理局'), agencyKey('市场监督管理局')), null, 'a name without a place of its own never matches by prefix');
    assert.equal(matchAgency(agencyKey('淮安市教育局'), agencyKey('洪泽区教育局')), null);
  });
});

describe('the index', () => {
  it('reads the same agency and year from a report\'s opening as the full model does', () => {
    const dirs = [CORPUS, join(FIXTURES, 'workspace', 'three-years'), join(FIXTURES, 'workspace', 'region'), join(FIXTURES, 'reports')];
    const files = dirs.flatMap(readDir);
    const index = buildWorkspaceIndex(files);
    for (const f of files) {
      const r = parseReport(f.text);
      const e = index.reports.get(f.path);
      assert.deepEqual(e ? [e.agency, e.year] : [null, null], [r.agency, r.year], f.path);
    }
  });
});

describe('last year\'s report', () => {
  const dir = join(FIXTURES, 'workspace', 'three-years');
  const files = readDir(dir);
  const [y2022, y2023, y2024] = files.map((f) => f.path);

  it('three consecutive years of one body, one named with its county: each year compared with the one before, all silent', () => {
    const index = buildWorkspaceIndex(files);
    assert.deepEqual(comparedWith({ index, path: y2022 }, parseReport(files[0].text)), []);
    assert.deepEqual(comparedWith({ index, path: y2023 }, parseReport(files[1].text)), [y2022]);
    assert.deepEqual(comparedWith({ index, path: y2024 }, parseReport(files[2].text)), [y2023], '淮河县清河镇 2024 follows 清河镇 2023');
    for (const f of files) assert.deepEqual(check(index, f.path).diagnostics, [], f.path);
  });

  it('an edit to last year\'s 结转 changes this year\'s findings', () => {
    const edited = files[1].text.replace(/^(四、结转下年度继续办理\t)(\d+)/m, (_, a, n) => a + (Number(n) + 2));
    const index = buildWorkspaceIndex([files[0], { path: y2023, text: edited }, files[2]]);
    const d = check(index, y2024).diagnostics.filter((x) => x.code === 'carry-over');
    assert.equal(d.length, 1);
    assert.match(d[0].message.zh, /清河镇2023年政府信息公开工作年度报告\.txt 的“四、结转下年度继续办理·自然人”为 \d+/);
    assert.equal(d[0].related![0].file!.path, y2023);
  });

  it('two bodies that both fit the name: said so at the title, and nothing compared', () => {
    const last = files[1].text;
    const a = { path: '/ws/a.txt', text: last.replace('清河镇人民政府2023', '东安县清河镇人民政府2023') };
    const b = { path: '/ws/b.txt', text: last.replace('清河镇人民政府2023', '西平县清河镇人民政府2023') };
    const now = { path: '/ws/now.txt', text: files[2].text.replace('淮河县清河镇', '清河镇').replace(/^(二、上年结转政府信息公开申请数量\t)(\d+)/m, '$19') };
    const index = buildWorkspaceIndex([a, b, now]);
    const diags = check(index, now.path).diagnostics.filter((d) => CROSS.includes(d.code));
    assert.deepEqual(diags.map((d) => d.code), ['workspace-match']);
    assert.equal(diags[0].severity, 'info');
    assert.match(diags[0].message.zh, /有 2 份 2023 年报告都可能是本单位的上年报告：a\.txt（东安县清河镇人民政府）、b\.txt（西平县清河镇人民政府）；无法确定/);
    assert.equal(findReport(index, '东安县清河镇人民政府', 2023).kind, 'found', 'the full name is unambiguous');
    const copies = buildWorkspaceIndex([a, { path: '/ws/copy/a.txt', text: a.text }, now]);
    assert.equal(findReport(copies, '清河镇人民政府', 2023).kind, 'found', 'two copies of one report are one report');
  });

  it('a report two years back is not last year\'s', () => {
    const index = buildWorkspaceIndex([files[0], files[2]]);
    assert.deepEqual(comparedWith({ index, path: y2024 }, parseReport(files[2].text)), []);
  });
});

describe('regions', () => {
  const dir = join(FIXTURES, 'workspace', 'region');
  it('the region fixture: an aggregate parent equal to its three children is silent and compared with all three', () => {
    const files = [...readDir(dir), { path: join(dir, 'ogi-report.region.json'), text: readFileSync(join(dir, 'ogi-report.region.json'), 'utf8') }];
    const index = buildWorkspaceIndex(files);
    const parent = files.find((f) => f.path.endsWith('淮河县2024年政府信息公开工作年度报告.txt'))!;
    assert.equal(comparedWith({ index, path: parent.path }, parseReport(parent.text)).length, 3);
    assert.deepEqual(check(index, parent.path).diagnostics, []);
  });
  it('a manifest that cannot be read says why and never throws', () => {
    assert.match(parseManifest('/x/ogi-report.region.json', '{').errors[0], /不是有效的 JSON/);
    assert.match(parseManifest('/x/ogi-report.region.json', '{"regions":[{"children":["a"]}]}').errors[0], /缺少 "parent"/);
    const m = parseManifest('/x/y/ogi-report.region.json', '{"parent":{"file":"../p.txt"},"children":["甲局",{"file":"c.txt"}]}');
    assert.equal(m.regions[0].parent.file, '/x/p.txt');
    assert.equal(m.regions[0].children[1].file, '/x/y/c.txt');
    assert.equal(m.regions[0].aggregate, false, 'a parent is a sum only when the manifest says so');
  });
});

describe('the real corpus (FACTS.md)', () => {
  const dir = CORPUS;
  const files = readDir(dir);
  const index = buildWorkspaceIndex(files);
  const path = (name: string) => join(dir, name);
  const related = (name: string) => comparedWith({ index, path: path(name) }, parseReport(index.reports.get(path(name))!.text!));

  it('洪泽区 2024 is compared with 2023 and 平潭 2022 with 2021; 平潭 2024 has no 2023 and is compared with nothing', () => {
    assert.deepEqual(related('hongze_2024.txt'), [path('hongze_2023.txt')]);
    assert.deepEqual(related('pingtan_2022.txt'), [path('pingtan_2021.txt')]);
    assert.deepEqual(related('pingtan_2024.txt'), [], 'pingtan 2022 is not "last year" for 2024');
    assert.deepEqual(related('huaian_2024.txt'), [], '淮安市 is not 淮安市洪泽区');
  });

  it('carry-over holds for both pairs and 洪泽区 rolls forward 5 + 3 − 0 = 8: no cross-report error or warning anywhere', () => {
    for (const f of files) {
      const cross = check(index, f.path).diagnostics.filter((d) => CROSS.includes(d.code));
      assert.deepEqual(cross.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code), [], f.path);
      assert.ok(cross.every((d) => d.code === 'year-over-year'), `${f.path}: only questions, no other cross-report finding`);
    }
  });

  it('copied-text: consecutive real years share far less than the threshold, and the rule is silent', () => {
    const share = (prev: string, now: string) => {
      const s = copiedSections(parseReport(index.reports.get(path(now))!.text!), parseReport(index.reports.get(path(prev))!.text!), { preamble: true });
      return s.reduce((x, y) => x + y.copied, 0) / s.reduce((x, y) => x + y.chars, 0);
    };
    assert.ok(share('pingtan_2021.txt', 'pingtan_2022.txt') < 0.2);
    assert.ok(share('hongze_2023.txt', 'hongze_2024.txt') < 0.5);
    assert.ok(share('hongze_2023.txt', 'hongze_2024.txt') > share('huaian_2024.txt', 'hongze_2024.txt'), 'the same body shares more than a different body');
  });
});

describe('copied-text threshold', () => {
  it('the setting moves the line: the copied fixture is silent at 100%; 洪泽区 2024 (44% of section 一 reused) is reported at 40%', () => {
    const dir = join(FIXTURES, 'rules', 'copied-text');
    const files = [join(dir, 'invalid-copied.txt'), join(dir, 'invalid-copied', '清河镇2022年报告.txt')].map((p) => ({ path: p, text: readFileSync(p, 'utf8') }));
    const index = buildWorkspaceIndex(files);
    const copied = (opts: { copiedTextThreshold?: number }) => analyze(files[0].text, { workspace: { index, path: files[0].path }, ...opts }).diagnostics.filter((d) => d.code === 'copied-text').length;
    assert.equal(copied({}), 1);
    assert.equal(copied({ copiedTextThreshold: 50 }), 1, 'a percentage, as settings write it');
    assert.equal(copied({ copiedTextThreshold: 1 }), 0);
    const corpus = CORPUS;
    const real = readDir(corpus);
    const realIndex = buildWorkspaceIndex(real);
    const hongze = real.find((f) => f.path.endsWith('hongze_2024.txt'))!;
    const at = (t: number) => analyze(hongze.text, { workspace: { index: realIndex, path: hongze.path }, copiedTextThreshold: t }).diagnostics.filter((d) => d.code === 'copied-text');
    assert.equal(at(0.5).length, 0);
    const low = at(0.4);
    assert.equal(low.length, 1);
    assert.match(low[0].message.zh, /^本节 4\d% 的文字/);
    assert.ok(low[0].related!.every((r) => r.file!.path.endsWith('hongze_2023.txt')), 'the passages are in last year\'s file');
  });
});
