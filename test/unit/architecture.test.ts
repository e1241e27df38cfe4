/**
 * Layering, read from every import form of every source file (`import … from`, `import type`, `export … from`,
 * side-effect `import '…'`, dynamic `import('…')`, `require('…')`, `import('…').T` in a type):
 * base ← syntax, sources ← model ← workspace ← rules ← service ← config.ts ← lsp, cli ← main.ts, cli.ts.
 * Only lsp/ and main.ts import vscode-languageserver; the client takes a few pure modules of the server; the
 * pure layers never import the file system; no value import closes a cycle; no source file is over 400 lines.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { RULES } from '../../server/src/service/analyze';
import { ROOT } from './helpers';

const SERVER = join(ROOT, 'server', 'src');
const CLIENT = join(ROOT, 'client', 'src');

/** Where a server file sits: its folder, or the file itself at the top (config.ts, main.ts, cli.ts). */
const RANK: Record<string, number> = {
  base: 0, data: 0, syntax: 1, sources: 1, model: 2, workspace: 3, rules: 4, service: 5, 'config.ts': 6, lsp: 7, cli: 7, 'main.ts': 8, 'cli.ts': 8,
};
/** What the client may import from the server: pure modules it needs without a round trip (a folder ends in /). */
const CLIENT_MAY = ['base/', 'service/new-report.ts', 'service/snippets.ts', 'service/statute.ts', 'model/template.ts', 'syntax/parse.ts', 'service/report-files.ts', 'service/gbk-report.ts', 'lsp/protocol'];
/** Layers that get their texts from their caller and never touch the file system. */
const PURE = ['syntax', 'model', 'workspace', 'rules', 'service'];
const FS = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'];

const MAX_LINES = 400;
/** A generated file says so in its first lines; data tables live in a data/ or vocabulary/ folder. */
const GENERATED = /@generated|\bgenerated (by|from)\b/i;

interface Import { spec: string; typeOnly: boolean; line: number; target?: string }

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every import of a file, with whether it is erased at compile time. */
function importsOf(file: string, text = readFileSync(file, 'utf8')): Import[] {
  const source = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone });
  const out: Import[] = [];
  const add = (spec: ts.Node | undefined, typeOnly: boolean, at: ts.Node) => {
    if (spec && ts.isStringLiteralLike(spec)) out.push({ spec: spec.text, typeOnly, line: source.getLineAndCharacterOfPosition(at.getStart(source)).line + 1 });
  };
  const allTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier> | undefined) => !!elements?.length && elements.every((e) => e.isTypeOnly);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      add(node.moduleSpecifier, !!c && (c.isTypeOnly || (!c.name && allTypes(named))), node);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier, node.isTypeOnly || allTypes(named), node);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly, node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal, true, node);
    } else if (ts.isCallExpression(node) && node.arguments.length >= 1
      && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0], false, node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A relative import's file: `x` is x.ts, x.tsx, x itself (x.json) or x/index.ts, with or without a trailing slash. */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, base, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
}

const rel = (p: string) => relative(ROOT, p).split('\\').join('/');
/** server/src/<where>/…: the folder, or the top-level file. */
const where = (p: string) => relative(SERVER, p).split(/[\\/]/)[0];
const inServer = (p: string) => !relative(SERVER, p).startsWith('..');
const inClient = (p: string) => !relative(CLIENT, p).startsWith('..');

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) { connect(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do { w = stack.pop()!; onStack.delete(w); scc.push(w); } while (w !== v);
    if (scc.length > 1 || graph.get(v)?.includes(v)) out.push(scc.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return out;
}

describe('architecture', () => {
  const files = [...walk(SERVER), ...walk(CLIENT)].filter((f) => /\.tsx?$/.test(f));
  const imports = new Map(files.map((f) => [f, importsOf(f).map((i) => ({ ...i, target: resolveImport(f, i.spec) }))]));
  const serverFiles = files.filter(inServer);
  const at = (file: string, i: Import) => `${rel(file)}:${i.line} imports '${i.spec}'`;

  it('reads every import form and tells type-only imports apart', () => {
    const sample = [
      "import a from './a';", "import type { B } from './b';", "import { type C } from './c';", "import { type D, e } from './d';",
      "import {\n  f,\n} from './f';", "export { g } from './g';", "export type { H } from './h';", "export * from './i';", "import './j';",
      "const k = () => import('./k');", "const l = require('./l');", "let m: import('./m').M;", "import n = require('./n');",
      "// import x from './comment';", "const s = \"import y from './string'\";",
    ].join('\n');
    assert.deepEqual(importsOf('sample.ts', sample).map((i) => `${i.spec}${i.typeOnly ? ' (type)' : ''}`),
      ['./a', './b (type)', './c (type)', './d', './f', './g', './h (type)', './i', './j', './k', './l', './m (type)', './n']);
  });

  it('resolves a folder import with or without a trailing slash to its index.ts', () => {
    const from = join(SERVER, 'rules', 'rule.ts');
    for (const spec of ['../workspace', '../workspace/', '../workspace/index']) assert.equal(resolveImport(from, spec), join(SERVER, 'workspace', 'index.ts'), spec);
    assert.equal(resolveImport(from, 'vscode'), undefined);
  });

  it('finds cycles, self-imports included, and nothing else', () => {
    const graph = new Map([['a', ['b']], ['b', ['c', 'd']], ['c', ['a']], ['d', []], ['e', ['e']], ['f', ['a']]]);
    assert.deepEqual(cycles(graph), [['a', 'b', 'c'], ['e']]);
  });

  it('every relative import names a file', () => {
    const all = [...imports.values()].flat();
    assert.ok(all.some((i) => i.typeOnly) && all.some((i) => !i.typeOnly), 'type-only and value imports are told apart');
    for (const [file, list] of imports) {
      for (const i of list) if (i.spec.startsWith('.')) assert.ok(i.target, `${at(file, i)}, which names no file`);
    }
  });

  it('imports only point down the layers (a folder import is its index.ts)', () => {
    const wrong: string[] = [];
    for (const file of serverFiles) {
      const from = where(file);
      assert.ok(from in RANK, `${rel(file)}: server/src/${from} has no place in the layers`);
      for (const i of imports.get(file)!) {
        if (!i.target || !inServer(i.target)) continue;
        const to = where(i.target);
        if (to !== from && !(RANK[to] < RANK[from])) wrong.push(`${at(file, i)} (${from} → ${to})`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('base/ imports nothing from the rest of the server', () => {
    const wrong = serverFiles.filter((f) => where(f) === 'base')
      .flatMap((f) => imports.get(f)!.filter((i) => i.target && (!inServer(i.target) || where(i.target) !== 'base')).map((i) => at(f, i)));
    assert.deepEqual(wrong, []);
  });

  it('syntax/, model/, workspace/, rules/ and service/ never import the file system', () => {
    const wrong = serverFiles.filter((f) => PURE.includes(where(f)))
      .flatMap((f) => imports.get(f)!.filter((i) => FS.includes(i.spec)).map((i) => at(f, i)));
    assert.deepEqual(wrong, []);
  });

  it('only lsp/ and main.ts know about LSP; nothing in the server imports vscode', () => {
    const wrong: string[] = [];
    for (const file of serverFiles) {
      const front = where(file) === 'lsp' || where(file) === 'main.ts';
      for (const i of imports.get(file)!) {
        if ((!front && /^vscode-languageserver/.test(i.spec)) || i.spec === 'vscode') wrong.push(at(file, i));
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('the client imports only the pure server modules it needs, never the language server library', () => {
    const wrong: string[] = [];
    for (const file of files.filter(inClient)) {
      for (const i of imports.get(file)!) {
        if (/^vscode-languageserver(?!-textdocument|-protocol)/.test(i.spec)) wrong.push(at(file, i));
        if (!i.target || inClient(i.target)) continue;
        const target = relative(SERVER, i.target).split('\\').join('/');
        if (!inServer(i.target) || !CLIENT_MAY.some((m) => target.startsWith(m))) wrong.push(at(file, i));
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('no value import closes a cycle (type-only imports may)', () => {
    const graph = new Map(files.map((f) => [rel(f), imports.get(f)!.filter((i) => !i.typeOnly && i.target && /\.tsx?$/.test(i.target)).map((i) => rel(i.target!))]));
    const found = cycles(graph);
    assert.deepEqual(found, [], 'a value-import cycle: move what both sides need into a module below them');
  });

  it(`no source file is over ${MAX_LINES} lines (data and generated files aside)`, () => {
    const long = files
      .filter((f) => !/\/(data|vocabulary)\//.test(rel(f)) && !GENERATED.test(readFileSync(f, 'utf8').split('\n', 5).join('\n')))
      .filter((f) => readFileSync(f, 'utf8').replace(/\n$/, '').split('\n').length > MAX_LINES)
      .map(rel);
    assert.deepEqual(long, []);
  });

  it('each rule lives in a file named by its id, and ids are kebab-case', () => {
    for (const rule of RULES) {
      assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(serverFiles.some((f) => relative(SERVER, f) === `rules/${rule.id}.ts`), rule.id);
    }
  });

  it('rules take labels from the template, never spelling table rows themselves', () => {
    for (const file of serverFiles.filter((f) => where(f) === 'rules')) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /予以公开|属于国家秘密|本年新收|行政规范性文件|结果维持/, rel(file));
    }
  });
});
