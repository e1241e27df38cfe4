// Extracts the verbatim article texts of 《条例》 from shared/domain/REFERENCE.md into server/src/data/statute.json.
// Run by hand when the reference changes: node scripts/extract-statute.mjs ../shared/domain/REFERENCE.md
import { readFileSync, writeFileSync } from 'node:fs';
const src = readFileSync(process.argv[2] ?? '../shared/domain/REFERENCE.md', 'utf8');
const articles = {};
const lines = src.split('\n');
for (let i = 0; i < lines.length; i++) {
  const m = /^> (第([一二三四五六七八九十]+)条) /.exec(lines[i]);
  if (!m || articles[m[2]]) continue;
  const paras = [];
  let j = i;
  while (j < lines.length && lines[j].startsWith('>')) {
    const t = lines[j].replace(/^>\s?/, '');
    if (t.trim()) paras.push(t.trim());
    j++;
  }
  articles[m[2]] = { title: m[1], paragraphs: paras };
}
// Articles quoted inline: 第四十六条 "…"; 第十三条: "… / …"; 第四十七条第一款 "…".
for (const m of src.matchAll(/(第(十三|四十六|四十七)条)(?:第一款)?:? "([^"]+)"/g)) {
  if (articles[m[2]]) continue;
  articles[m[2]] = { title: m[1], paragraphs: m[3].split(' / ').map((s) => s.trim()), partial: m[0].includes('第一款') };
}
writeFileSync('server/src/data/statute.json', JSON.stringify(articles, null, 1) + '\n');
console.log(Object.keys(articles).join(' '));
