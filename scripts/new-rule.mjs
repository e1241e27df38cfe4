// npm run new-rule <id>
// Writes a new rule from the one documented example below: server/src/rules/<id>.ts (a working rule that
// reports a listed wrong wording in the text, with a safe fix) and test/fixtures/rules/<id>/ (valid- and
// invalid- copies of a clean report, with the example's right and wrong sentence in the overview), then
// runs `npm run generate` so the registry, the settings, the schema and the README table list it.
// Then: replace the example's data, record and check with the rule's own, rewrite the two sentences, add
// fixtures, and run `UPDATE_GOLDEN=1 npm run test:unit` (read the goldens) and `npm run corpus`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from './generate-rules.mjs';

const ROOT = resolve(import.meta.dirname, '..');
/** A clean report (every rule silent) that the fixtures start from. */
const BASE = 'test/fixtures/rules/missing-section/valid-balanced.txt';

/** The documented example: one rule file. `__ID__` is replaced by the id. */
const TEMPLATE = `/**
 * __ID__: TODO one or two sentences: what the rule reports and why (name the article of the 条例, the
 * notice or the standard that makes it wrong). Written by \`npm run new-rule\` from the documented example:
 *
 * - The record (id … docs) is everything the settings, the configuration schema, the README table and the
 *   quick-fix titles say about the rule: \`npm run generate\` writes them from it. \`tags\`: see RULE_TAGS in
 *   rule.ts (\`cross-report\` rules read \`ctx.workspace\`; \`identity\`/\`total\` are the table identities).
 * - Options, if any: \`options: { name: { description, schema, default } }\`, read as \`ctx.options.name\`.
 * - \`check\` reads the model (\`ctx.report\`: sections, tables, rows, typed cells; labels come from
 *   model/template.ts, never spelled here) and emits findings with offsets into \`ctx.text\`. A fix is data:
 *   \`safe\` when it changes wording only and the right text is certain, \`figure\` for numbers, otherwise a
 *   \`suggestion\`. The engine owns severity, suppression, range checks and crashes.
 * - Data (word lists) stays data: each entry with its source.
 */
import { Rule, msg } from './rule';

interface Entry {
  wrong: string;
  right: string;
  /** Where the error was seen, or the standard or notice that makes it wrong. */
  source: string;
}

/** TODO the rule's data. */
const ENTRIES: readonly Entry[] = [
  { wrong: '示例错词', right: '示例正词', source: 'TODO: a published reference for this entry' },
];

export const rule: Rule = {
  id: '__ID__',
  names: msg('TODO 简称', 'TODO short name'),
  description: msg('TODO 一句话：报告什么', 'TODO one line: what it reports'),
  tags: ['wording'],
  defaultSeverity: 'warning',
  fixable: true,
  docs: {
    reports: 'TODO what it reports, with an example (\`示例错词\`)',
    fix: 'TODO what the fix does, or —',
  },
  check({ text, emit }) {
    for (const e of ENTRIES) {
      for (let at = text.indexOf(e.wrong); at >= 0; at = text.indexOf(e.wrong, at + e.wrong.length)) {
        const end = at + e.wrong.length;
        emit({
          start: at, end,
          message: msg(\`“\${e.wrong}”应为“\${e.right}”\`, \`"\${e.wrong}" should be "\${e.right}"\`),
          fix: { title: msg(\`改为“\${e.right}”\`, \`Change to "\${e.right}"\`), kind: 'safe', edits: [{ start: at, end, newText: e.right }] },
        });
      }
    }
  },
};
`;

/** The base report with `sentence` at the end of the overview's first paragraph. */
function withSentence(base, sentence) {
  const lines = base.split('\n');
  const heading = lines.findIndex((l) => /一、总体情况/.test(l));
  let i = heading + 1;
  while (i < lines.length && lines[i].trim() === '') i++;
  if (heading < 0 || i >= lines.length) throw new Error(`${BASE}: no 一、总体情况 paragraph`);
  lines[i] = lines[i].replace(/\s*$/, '') + sentence;
  return lines.join('\n');
}

export async function newRule(id) {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id ?? '')) {
    console.error('usage: npm run new-rule <id>   (kebab-case, e.g. serious-wording)');
    return 2;
  }
  const file = join(ROOT, 'server/src/rules', `${id}.ts`);
  const dir = join(ROOT, 'test/fixtures/rules', id);
  if (existsSync(file) || existsSync(dir)) {
    console.error(`${id}: server/src/rules/${id}.ts or test/fixtures/rules/${id}/ exists already`);
    return 1;
  }
  writeFileSync(file, TEMPLATE.replaceAll('__ID__', id));
  mkdirSync(dir, { recursive: true });
  const base = readFileSync(join(ROOT, BASE), 'utf8');
  writeFileSync(join(dir, `valid-${id}.txt`), withSentence(base, '全年示例正词的使用符合规范。'));
  writeFileSync(join(dir, `invalid-${id}.txt`), withSentence(base, '全年示例错词的使用不符合规范。'));
  console.log(`wrote server/src/rules/${id}.ts, test/fixtures/rules/${id}/valid-${id}.txt, invalid-${id}.txt`);
  const code = await generate();
  if (code === 0) console.log('next: edit the rule and its fixtures, then UPDATE_GOLDEN=1 npm run test:unit and npm run corpus');
  return code;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await newRule(process.argv[2]);
