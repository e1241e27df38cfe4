/**
 * The language server re-checks only what an edit touches: typing in one of twenty open, unrelated
 * reports re-analyses that report alone and sends no diagnostic refresh, while an edit to last year's
 * report re-checks this year's. Analyses are counted by the server (`ogiReport/analysisCount`).
 */
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import { ANALYSIS_COUNT_REQUEST, AnalysisCount } from '../../server/src/lsp/protocol';
import { analyze } from '../../server/src/service/analyze';
import { FIXTURES, ROOT } from '../unit/helpers';

const SERVER = join(ROOT, 'dist', 'server.js');
const YEARS = join(FIXTURES, 'workspace', 'three-years');
const report = (year: number) => readFileSync(join(YEARS, `清河镇${year}年政府信息公开工作年度报告.txt`), 'utf8');
const TOWNS = ['青山', '白云', '桃源', '柳林', '石桥', '金沙', '红旗', '新华', '长安', '平安', '永兴', '福田', '黄河', '龙泉', '凤凰', '太平', '安乐', '和平', '兴隆', '东风'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The text with `typed` written at the start of section 五's first line: a keystroke that changes no identity. */
const typeInSection5 = (text: string, typed: string) => text.replace(/(五、存在的主要问题及改进情况\n)/, `$1${typed}`);

/** A scripted pull client that behaves as VS Code does: a refresh makes it pull every open document again. */
class Client {
  readonly conn: MessageConnection;
  private readonly proc: ChildProcess;
  readonly open = new Map<string, { version: number; text: string }>();
  refreshes = 0;
  private lastActivity = Date.now();

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ rules: {}, locale: 'auto' })));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.lastActivity = Date.now();
      void this.pullAll();
      return null;
    });
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.listen();
  }

  async start(): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid, rootUri: null,
      capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true, diagnostics: { refreshSupport: true } } },
    });
    this.conn.sendNotification('initialized', {});
  }

  async pull(uri: string): Promise<string[]> {
    this.lastActivity = Date.now();
    const r = await this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as { items: { code: string }[] };
    return r.items.map((d) => d.code);
  }

  /** VS Code pulls every open document after a change when the server declares inter-file dependencies. */
  pullAll(): Promise<string[][]> {
    return Promise.all([...this.open.keys()].map((u) => this.pull(u)));
  }

  async openDoc(uri: string, text: string): Promise<void> {
    this.open.set(uri, { version: 1, text });
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'ogi-report', version: 1, text } });
    await this.pull(uri);
  }

  /** Replaces the whole text, as a keystroke's incremental change would, and pulls as VS Code does. */
  async edit(uri: string, text: string): Promise<void> {
    this.change(uri, text);
    await this.pull(uri);
    await this.pullAll();
  }

  /** Replaces the whole text and pulls nothing (the pulls may come later). */
  change(uri: string, text: string): void {
    const doc = this.open.get(uri)!;
    doc.version++;
    doc.text = text;
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
  }

  /** Waits until nothing has happened for longer than the server's refresh debounce (200 ms). */
  async settle(): Promise<void> {
    do await sleep(100); while (Date.now() - this.lastActivity < 600);
  }

  count(): Promise<AnalysisCount> {
    return this.conn.sendRequest(ANALYSIS_COUNT_REQUEST) as Promise<AnalysisCount>;
  }

  async stop(): Promise<void> {
    await this.conn.sendRequest('shutdown').catch(() => undefined);
    this.conn.dispose();
    this.proc.kill();
  }
}

describe('language server: an edit re-checks only what it touches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ogi-lsp-incr-'));
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  describe('twenty open unrelated reports', () => {
    let c: Client;
    const uris = TOWNS.map((t) => uriOf(`${t}镇2024年政府信息公开工作年度报告.txt`));
    before(async () => {
      c = new Client();
      await c.start();
      const text = report(2024);
      for (let i = 0; i < TOWNS.length; i++) await c.openDoc(uris[i], text.replaceAll('清河镇', `${TOWNS[i]}镇`));
      await c.settle();
    });
    after(() => c.stop());

    it('typing in one re-analyses that one only and asks for no refresh', async () => {
      const before = await c.count();
      c.refreshes = 0;
      const typed = uris[7];
      let text = c.open.get(typed)!.text;
      for (const ch of '本年度无其他需要报告的事项。') {
        text = typeInSection5(text, ch);
        await c.edit(typed, text);
      }
      await c.settle();
      const now = await c.count();
      assert.equal(c.refreshes, 0, 'no workspace/diagnostic/refresh');
      assert.equal(now.byUri[typed] - before.byUri[typed], 14, 'the edited report once per keystroke');
      for (const u of uris) if (u !== typed) assert.equal(now.byUri[u], before.byUri[u], `${u} not analysed again`);
      assert.equal(now.count - before.count, 14);
    });

    it('renaming the body of one (its identity) does ask for a refresh', async () => {
      c.refreshes = 0;
      const uri = uris[3];
      await c.edit(uri, c.open.get(uri)!.text.replaceAll(`${TOWNS[3]}镇`, '大河镇'));
      await c.settle();
      assert.ok(c.refreshes >= 1);
    });
  });

  describe('warming up while idle', () => {
    let c: Client;
    const uri = uriOf('清河镇2024年政府信息公开工作年度报告.txt');
    before(async () => {
      c = new Client();
      await c.start();
    });
    after(() => c.stop());

    it('waits while the writer types, then types in a copy of the report: not counted as its analyses, its findings unchanged', async () => {
      assert.equal((await c.count()).warmUp, 0, 'nothing before a report is open');
      await c.openDoc(uri, report(2024));
      // Typing at once, keystroke after keystroke: the warm-up gives way.
      let text = c.open.get(uri)!.text;
      for (const ch of '本年度无其他需要报告的事项。') {
        text = typeInSection5(text, ch);
        await c.edit(uri, text);
      }
      const typing = (await c.count()).warmUp ?? 0;
      // A step needs 100 ms without a request; a slow machine may find a gap or two between keystrokes.
      assert.ok(typing <= 2, `warm-up steps while typing: ${typing}`);
      const findings = await c.pull(uri);
      const limit = Date.now() + 20_000;
      while (((await c.count()).warmUp ?? 0) < 20 && Date.now() < limit) await sleep(100);
      const n = await c.count();
      assert.ok((n.warmUp ?? 0) >= 20, `warm-up analyses once idle: ${n.warmUp}`);
      assert.equal(n.byUri[uri], 15, 'the report itself: once when opened, once per keystroke');
      assert.deepEqual(findings, analyze(text).diagnostics.map((d) => d.code), 'its findings are those of the engine alone');
      // The warm-up's copies went through the engine's reuse caches: the next keystroke is checked as afresh.
      text = typeInSection5(text, '（');
      await c.edit(uri, text);
      assert.deepEqual(await c.pull(uri), analyze(text).diagnostics.map((d) => d.code), 'a keystroke after the warm-up: the findings of a fresh check');
    });
  });

  describe('going back to the text before', () => {
    let c: Client;
    const uri = uriOf('清河镇2024年政府信息公开工作年度报告.txt');
    before(async () => {
      c = new Client();
      await c.start();
      await c.openDoc(uri, report(2024));
      await c.settle();
    });
    after(() => c.stop());

    it('a character typed and deleted (an undo) is answered from the analysis of the text it restores, until the settings change', async () => {
      const original = c.open.get(uri)!.text;
      const findings = await c.pull(uri);
      const typed = original.replace(/^(四、结转下年度继续办理\t)(\d+)/m, (_, a, n) => `${a}${n}9`);
      const n0 = (await c.count()).byUri[uri];
      await c.edit(uri, typed);
      assert.ok((await c.pull(uri)).length > findings.length, 'the typed figure breaks an identity');
      await c.edit(uri, original);
      assert.deepEqual(await c.pull(uri), findings, 'back to the first findings');
      await c.edit(uri, typed);
      await c.edit(uri, original);
      assert.equal((await c.count()).byUri[uri] - n0, 1, 'four edits, one analysis: the typed text, once');
      // New settings: what was checked before no longer holds, the typed text's analysis included.
      await c.edit(uri, typed);
      const n1 = (await c.count()).byUri[uri];
      c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await c.settle();
      assert.equal((await c.count()).byUri[uri] - n1, 1, 'the refresh after the change checks the typed text again');
      await c.edit(uri, original);
      await c.edit(uri, typed);
      assert.equal((await c.count()).byUri[uri] - n1, 2, 'and going back checks the original again, once');
      await c.edit(uri, original);
      assert.deepEqual(await c.pull(uri), findings);
      assert.equal((await c.count()).byUri[uri] - n1, 2);
    });
  });

  describe('last year and this year', () => {
    let c: Client;
    const last = uriOf('清河镇2023年政府信息公开工作年度报告.txt');
    const now = uriOf('清河镇2024年政府信息公开工作年度报告.txt');
    before(async () => {
      c = new Client();
      await c.start();
      await c.openDoc(last, report(2023));
      await c.openDoc(now, report(2024));
      await c.settle();
    });
    after(() => c.stop());

    it('going back to this year\'s earlier text after last year\'s changed is checked again, not answered from before', async () => {
      const original = c.open.get(now)!.text;
      const lastText = c.open.get(last)!.text;
      assert.deepEqual(await c.pull(now), []);
      // A character typed in this year's report, then last year's 结转 changed, then the character deleted:
      // the analysis of the text before no longer holds (it read last year's report).
      await c.edit(now, typeInSection5(original, '本'));
      c.change(last, lastText.replace(/^(四、结转下年度继续办理\t)(\d+)/m, (_, a, n) => a + (Number(n) + 2)));
      await c.edit(now, original);
      assert.deepEqual(await c.pull(now), ['carry-over']);
      await c.edit(last, lastText);
      await c.settle();
      assert.deepEqual(await c.pull(now), []);
    });

    it('an edit to last year\'s report re-checks this year\'s: carry-over appears', async () => {
      assert.deepEqual(await c.pull(now), []);
      const before = await c.count();
      c.refreshes = 0;
      await c.edit(last, c.open.get(last)!.text.replace(/^(四、结转下年度继续办理\t)(\d+)/m, (_, a, n) => a + (Number(n) + 2)));
      await c.settle();
      assert.ok(c.refreshes >= 1, 'a refresh for this year\'s report');
      assert.deepEqual(await c.pull(now), ['carry-over']);
      const after = await c.count();
      assert.ok(after.byUri[now] > before.byUri[now], 'this year\'s report analysed again');
    });
  });

  describe('two copies of last year\'s report', () => {
    let c: Client;
    const copyA = uriOf('清河镇2023年报告-a.txt'); // first by path: the copy this year's report reads
    const copyB = uriOf('清河镇2023年报告-b.txt');
    const now = uriOf('清河镇2024年报告.txt');
    before(async () => {
      c = new Client();
      await c.start();
      await c.openDoc(copyA, report(2023));
      await c.openDoc(copyB, report(2023));
      await c.openDoc(now, report(2024));
      await c.settle();
    });
    after(() => c.stop());

    it('editing the copy this year\'s report did not read makes the comparison ambiguous, and it is re-checked', async () => {
      // Copies of one text are one report: this year's is compared with one of them and reads only that one.
      assert.deepEqual(await c.pull(now), []);
      const before = await c.count();
      const edited = c.open.get(copyB)!.text.replace(/^(四、结转下年度继续办理\t)(\d+)/m, (_, a, n) => a + (Number(n) + 2));
      await c.edit(copyB, edited);
      await c.settle();
      const after = await c.count();
      assert.ok(after.byUri[now] > before.byUri[now], 'this year\'s report analysed again');
      assert.deepEqual(await c.pull(now), ['workspace-match'], 'two different texts now claim to be last year\'s');
    });
  });
});
