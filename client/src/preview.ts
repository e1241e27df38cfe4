/**
 * The table preview: a side webview, like Markdown's preview, that draws tables 二, 三 and 四 as grids
 * from the server's view model (request `ogiReport/preview`). Clicking a cell puts the editor cursor on
 * it; moving the cursor highlights the cell. It follows the active report and updates as the user types.
 * The page has a strict Content-Security-Policy (nonce'd script and style, nothing remote) and builds its
 * DOM with textContent only, so report text can never become markup.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMAND, PREVIEW_REQUEST, PreviewParams, Position as Pos } from '../../server/src/lsp/protocol';
import { Locale, msg, text, uiLocale } from './locale';

const LANGUAGE = 'ogi-report';
export const PREVIEW_VIEW_TYPE = 'ogiReport.preview';

const TITLE = msg('预览表格', 'Tables');
/** The page's own words (the model's text comes from the server already in the user's language). */
const PAGE = {
  empty: msg('本文档中没有找到表二、表三或表四。', 'No table 二, 三 or 四 found in this document.'),
  blank: msg('空', 'blank'),
  expected: msg('应为', 'should be'),
  missing: msg('缺', 'missing'),
  legendError: msg('错误', 'wrong'),
  legendBlank: msg('空白', 'blank'),
  legendUnplaced: msg('无法对齐到列', 'not in a column'),
  absent: msg('未找到：', 'Not found: '),
  loading: msg('正在读取年报…', 'Reading the report…'),
};

export class TablePreview implements vscode.Disposable {
  private static current: TablePreview | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private model: unknown = null;
  private requested = 0;

  /** Opens the preview beside the editor, or brings the open one to the given document. */
  static show(client: LanguageClient, doc: vscode.TextDocument): TablePreview {
    if (TablePreview.current) {
      TablePreview.current.setDocument(doc);
      TablePreview.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return TablePreview.current;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true, localResourceRoots: [], enableFindWidget: true,
    });
    TablePreview.current = new TablePreview(client, panel, doc);
    return TablePreview.current;
  }

  static get active(): TablePreview | undefined {
    return TablePreview.current;
  }

  private constructor(private readonly client: LanguageClient, readonly panel: vscode.WebviewPanel, private doc: vscode.TextDocument) {
    panel.webview.html = html(panel.webview, uiLocale());
    this.setDocument(doc);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.doc) this.schedule(250);
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && e.document.languageId === LANGUAGE && e.document !== this.doc) this.setDocument(e.document);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document === this.doc) this.postCursor(e.selections[0].active);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === this.doc.uri.toString())) this.schedule(50);
      }),
    );
  }

  get documentUri(): vscode.Uri {
    return this.doc.uri;
  }

  /** The model last drawn (for tests and the screenshot). */
  get lastModel(): unknown {
    return this.model;
  }

  private setDocument(doc: vscode.TextDocument): void {
    this.doc = doc;
    const name = doc.uri.path.split('/').pop() ?? '';
    this.panel.title = `${text(TITLE, uiLocale())}：${name}`;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), ms);
  }

  /** Asks the server for the view model of the current version and draws it. */
  async update(): Promise<void> {
    const doc = this.doc;
    const ticket = ++this.requested;
    let model: { docVersion?: number } | null = null;
    try {
      const params: PreviewParams = { uri: doc.uri.toString() };
      model = await this.client.sendRequest(PREVIEW_REQUEST, params);
    } catch {
      return;
    }
    if (ticket !== this.requested || doc !== this.doc) return;
    // The server may not have seen the last keystroke yet: ask again shortly.
    if (model && typeof model.docVersion === 'number' && model.docVersion < doc.version) this.schedule(150);
    this.model = model;
    void this.panel.webview.postMessage({ type: 'model', model });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    if (editor) this.postCursor(editor.selection.active);
  }

  private postCursor(p: vscode.Position): void {
    void this.panel.webview.postMessage({ type: 'cursor', line: p.line, character: p.character });
  }

  private async onMessage(m: { type: string; from?: Pos; to?: Pos }): Promise<void> {
    if (m.type === 'ready') {
      if (this.model) void this.panel.webview.postMessage({ type: 'model', model: this.model });
      else this.schedule(0);
      return;
    }
    if (m.type === 'reveal' && m.from && m.to) {
      const range = new vscode.Range(m.from.line, m.from.character, m.to.line, m.to.character);
      const shown = vscode.window.visibleTextEditors.find((e) => e.document === this.doc);
      const editor = await vscode.window.showTextDocument(this.doc, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  dispose(): void {
    if (TablePreview.current === this) TablePreview.current = undefined;
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMAND.previewTables, async (uri?: vscode.Uri) => {
      const doc = uri instanceof vscode.Uri
        ? await vscode.workspace.openTextDocument(uri)
        : vscode.window.activeTextEditor?.document;
      if (!doc) return undefined;
      if (doc.languageId !== LANGUAGE) await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE);
      return TablePreview.show(client, doc);
    }),
    { dispose: () => TablePreview.active?.dispose() },
  );
}

export function html(webview: vscode.Webview, locale: Locale): string {
  const nonce = randomBytes(16).toString('base64');
  const t = Object.fromEntries(Object.entries(PAGE).map(([k, m]) => [k, text(m, locale)])) as Record<keyof typeof PAGE, string>;
  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src 'none'; font-src 'none'; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${nonce}">${CSS}</style>
</head>
<body>
<header id="top"><span id="title"></span><span class="legend"><span class="sw error"></span>${t.legendError}<span class="sw blank"></span>${t.legendBlank}<span class="sw unplaced"></span>${t.legendUnplaced}</span></header>
<main id="root"><p class="note">${t.loading}</p></main>
<script nonce="${nonce}">const T = ${JSON.stringify(t)};
${SCRIPT}</script>
</body>
</html>`;
}

const CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); padding: 0 16px 24px; }
#top { background: var(--vscode-editor-background); padding: 10px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border, #8884)); display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; z-index: 2; }
#title { font-weight: 600; flex: 1 1 auto; }
.legend { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.sw { display: inline-block; width: 0.9em; height: 0.9em; margin: 0 4px 0 12px; vertical-align: -1px; border: 1px solid var(--vscode-panel-border, #8886); }
section { margin-top: 18px; }
h2 { position: sticky; top: 0; z-index: 1; background: var(--vscode-editor-background); padding: 6px 0; font-size: 1.1em; font-weight: 600; margin: 0 0 2px; display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
.status { font-weight: normal; font-size: 0.95em; padding: 1px 8px; border-radius: 10px; }
.status.ok { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); border: 1px solid currentColor; }
.status.error { color: var(--vscode-errorForeground); border: 1px solid currentColor; }
.status.warning, .status.unreadable { color: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow)); border: 1px solid currentColor; }
.ver { color: var(--vscode-descriptionForeground); font-weight: normal; font-size: 0.9em; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--vscode-editorWidget-border, var(--vscode-panel-border, #8886)); padding: 2px 6px; }
thead th, tr.sub th { background: var(--vscode-editorWidget-background, #8881); font-weight: 600; text-align: center; font-size: 0.92em; }
thead th:not(.note), tr.sub th { min-width: 4em; }
th.note { font-weight: normal; font-size: 0.85em; max-width: 16em; text-align: left; }
tr.item th { text-align: left; background: var(--vscode-textBlockQuote-background, #8882); }
th.label { text-align: left; font-weight: normal; min-width: 9em; max-width: 20em; }
tr.group th.label { font-weight: 600; color: var(--vscode-descriptionForeground); }
td { text-align: right; min-width: 2.2em; white-space: nowrap; }
[data-l] { cursor: pointer; }
[data-l]:hover { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
td.error { background: var(--vscode-inputValidation-errorBackground, #f002); color: var(--vscode-errorForeground); outline: 1px solid var(--vscode-inputValidation-errorBorder, var(--vscode-errorForeground)); outline-offset: -1px; font-weight: 600; }
td.warning, td.invalid { background: var(--vscode-inputValidation-warningBackground, #fa02); outline: 1px solid var(--vscode-inputValidation-warningBorder, #fa0); outline-offset: -1px; }
td.info { text-decoration: underline dotted var(--vscode-editorInfo-foreground); }
td.blank, .sw.blank { background: repeating-linear-gradient(135deg, transparent 0 5px, color-mix(in srgb, var(--vscode-editorWarning-foreground, #c90) 40%, transparent) 5px 6px); color: var(--vscode-editorWarning-foreground, #c90); }
td.unplaced, .sw.unplaced { background: var(--vscode-diffEditor-removedTextBackground, #f801); color: var(--vscode-descriptionForeground); font-style: italic; }
.sw.error { background: var(--vscode-inputValidation-errorBackground, #f002); border-color: var(--vscode-errorForeground); }
td.missing { background: transparent; }
tr.missing th.label, tr.missing td { color: var(--vscode-disabledForeground, #888); border-style: dashed; }
tr.unreadable th.label, tr.unknown th.label { color: var(--vscode-editorWarning-foreground); }
.exp { display: block; font-size: 0.8em; font-weight: normal; color: var(--vscode-errorForeground); }
.mark { color: var(--vscode-editorWarning-foreground); margin-left: 4px; }
.current { box-shadow: inset 0 0 0 2px var(--vscode-focusBorder); background-color: var(--vscode-editor-selectionBackground); }
.note { color: var(--vscode-descriptionForeground); }
`;

/** Runs in the webview: draws the model and talks to the extension by messages only. */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('root');
  const title = document.getElementById('title');
  let cursor = null;
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined && text !== null) e.textContent = text; return e; };
  const place = (e, span) => {
    if (!span) return;
    e.dataset.l = span.from.line; e.dataset.c = span.from.character; e.dataset.el = span.to.line; e.dataset.ec = span.to.character;
  };
  const headerCell = (h, cls) => { const th = el('th', cls, h.text); if (h.colspan > 1) th.colSpan = h.colspan; if (h.rowspan > 1) th.rowSpan = h.rowspan; return th; };

  function drawCell(c) {
    const td = el('td', c.status);
    const tips = [c.column].concat(c.messages || []);
    if (c.status === 'blank') td.append(c.text || T.blank);
    else if (c.status === 'missing') td.append('');
    else td.append(c.text);
    if (c.expected !== undefined && c.expected !== null) {
      td.append(el('span', 'exp', T.expected + ' ' + c.expected));
    }
    td.title = tips.filter(Boolean).join('\\n');
    place(td, c.span);
    return td;
  }

  function drawTable(t) {
    const sec = el('section');
    sec.dataset.kind = t.kind;
    const h = el('h2');
    h.append(el('span', '', t.title));
    if (t.version) h.append(el('span', 'ver', t.version));
    h.append(el('span', 'status ' + t.status.level, t.status.text));
    place(h, t.span);
    sec.append(h);
    const wrap = el('div', 'wrap');
    const table = el('table');
    if (t.header.length) {
      const thead = el('thead');
      t.header.forEach((row, i) => {
        const tr = el('tr');
        row.forEach((hc, j) => tr.append(headerCell(hc, i === 0 && j === 0 && t.labels ? 'note' : '')));
        thead.append(tr);
      });
      table.append(thead);
    }
    const tbody = el('tbody');
    for (const r of t.rows) {
      const tr = el('tr', r.kind);
      if (r.kind === 'header') {
        r.cells.forEach((hc, j) => tr.append(headerCell(hc, r.cells.length === 1 ? '' : j === 0 ? 'label' : '')));
        tr.className = r.cells.length === 1 ? 'item' : 'sub';
      } else if (r.kind === 'group') {
        const th = el('th', 'label', r.label);
        th.colSpan = t.columns + 1;
        th.style.paddingLeft = (8 + 16 * r.depth) + 'px';
        place(th, r.span);
        tr.append(th);
      } else {
        if (t.labels) {
          const th = el('th', 'label', r.label);
          th.style.paddingLeft = (8 + 16 * r.depth) + 'px';
          if (r.kind === 'missing') th.append(el('span', 'mark', '（' + T.missing + '）'));
          if (r.messages && r.messages.length) { th.append(el('span', 'mark', '⚠')); th.title = r.messages.join('\\n'); }
          place(th, r.span);
          tr.append(th);
        }
        const tds = r.cells.map(drawCell);
        // Table 二's items have fewer columns than the widest one: the last cell spans the rest.
        if (t.kind === 't2' && tds.length && tds.length < t.columns) tds[tds.length - 1].colSpan = t.columns - tds.length + 1;
        else for (let i = tds.length; i < t.columns; i++) tds.push(el('td', r.kind === 'missing' ? 'missing' : ''));
        tds.forEach((td) => tr.append(td));
      }
      tbody.append(tr);
    }
    table.append(tbody);
    wrap.append(table);
    sec.append(wrap);
    return sec;
  }

  function draw(model) {
    const y = window.scrollY;
    root.textContent = '';
    if (!model) { root.append(el('p', 'note', T.empty)); return; }
    title.textContent = model.title || '';
    if (!model.tables.length) root.append(el('p', 'note', T.empty));
    model.tables.forEach((t) => root.append(drawTable(t)));
    if (model.absent && model.absent.length && model.tables.length) root.append(el('p', 'note', T.absent + model.absent.join('、')));
    window.scrollTo(0, y);
    highlight(false);
  }

  function highlight(scroll) {
    document.querySelectorAll('.current').forEach((e) => e.classList.remove('current'));
    if (!cursor) return;
    let best = null;
    for (const e of document.querySelectorAll('td[data-l], th[data-l]')) {
      const l = +e.dataset.l, c = +e.dataset.c, el2 = +e.dataset.el, ec = +e.dataset.ec;
      const after = cursor.line > l || (cursor.line === l && cursor.character >= c);
      const before = cursor.line < el2 || (cursor.line === el2 && cursor.character <= ec);
      if (after && before) { best = e; if (e.tagName === 'TD') break; }
    }
    if (best) {
      best.classList.add('current');
      if (scroll) best.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  document.addEventListener('click', (ev) => {
    const e = ev.target.closest('[data-l]');
    if (!e) return;
    vscode.postMessage({ type: 'reveal', from: { line: +e.dataset.l, character: +e.dataset.c }, to: { line: +e.dataset.el, character: +e.dataset.ec } });
  });
  window.addEventListener('message', (ev) => {
    const m = ev.data;
    if (m.type === 'model') draw(m.model);
    else if (m.type === 'cursor') { cursor = { line: m.line, character: m.character }; highlight(true); }
  });
  vscode.postMessage({ type: 'ready' });
})();
`;
