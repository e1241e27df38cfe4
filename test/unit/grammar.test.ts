/** The TextMate grammar, run by the same engine VS Code uses (vscode-textmate + Oniguruma). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { ROOT } from './helpers';

let grammar: vsctm.IGrammar;

/** The scopes of the token that covers `needle` in `line`. */
function scopesAt(line: string, needle: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  const at = line.indexOf(needle);
  assert.ok(at >= 0, needle);
  const tok = tokens.find((t) => t.startIndex <= at && at < t.endIndex)!;
  assert.ok(tok.endIndex >= at + needle.length, `"${needle}" is one token in "${line}"`);
  return tok.scopes;
}

describe('TextMate grammar', () => {
  before(async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const path = join(ROOT, 'syntaxes', 'ogi-report.tmLanguage.json');
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async () => vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path),
    });
    grammar = (await registry.loadGrammar('text.ogi-report'))!;
    assert.ok(grammar);
  });

  it('colours section headings, with or without Markdown marks', () => {
    assert.ok(scopesAt('## 三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请情况').includes('markup.heading.section.ogi-report'));
    assert.ok(scopesAt('6、 其他需要报告的事项', '其他需要报告的事项').includes('markup.heading.section.ogi-report'));
  });
  it('colours statute references and cited documents', () => {
    assert.ok(scopesAt('依据《条例》第二十条第（五）项公开', '《条例》第二十条第（五）项').includes('entity.name.tag.statute.ogi-report'));
    assert.ok(scopesAt('按照国办公开办函〔2021〕30号要求', '国办公开办函〔2021〕30号').includes('string.quoted.document.ogi-report'));
  });
  it('colours table labels and figures in every layout', () => {
    assert.ok(scopesAt('\t\t4.保护第三方合法权益\t3\t1', '4.保护第三方合法权益').includes('variable.other.label.ogi-report'));
    assert.ok(scopesAt('\t\t4.保护第三方合法权益\t3\t1', '3').includes('constant.numeric.ogi-report'));
    assert.ok(scopesAt('| （一）予以公开 | 52 | 3 |', '（一）予以公开').includes('variable.other.label.ogi-report'));
    assert.ok(scopesAt('行政许可\t1,286', '1,286').includes('constant.numeric.ogi-report'));
  });
  it('does not colour prose as headings', () => {
    assert.ok(!scopesAt('（一）加强组织领导，精心部署工作。', '加强组织领导').includes('markup.heading.section.ogi-report'));
  });
});
