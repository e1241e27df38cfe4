import { conversionArtifacts } from '../model/prose';
import { Rule, msg } from './rule';

const WHAT: Record<string, [string, string]> = {
  bookmark: ['Word 书签标记', 'a Word bookmark marker'],
  'form-feed': ['分页符', 'a form feed'],
  'zero-width': ['零宽字符', 'zero-width characters'],
  'page-number': ['页码行', 'a page-number line'],
  'glued-page-number': ['与正文粘连的页码', 'a page number glued to the text'],
};

/** Leftovers of Word or PDF conversion. The fix deletes them. */
export const rule: Rule = {
  id: 'conversion-artifact',
  names: msg('转换残留', 'conversion leftover'),
  description: msg('文档转换残留（书签标记、分页符、页码行、零宽字符）', 'Leftovers of Word or PDF conversion (bookmarks, form feeds, page numbers, zero-width characters)'),
  tags: ['wording'],
  defaultSeverity: 'hint',
  fixable: true,
  docs: {
    reports: '`[bookmark: _GoBack]`, form feeds, page-number lines (`- 3 -`), page numbers glued to text, zero-width characters',
    fix: 'deletes them',
  },
  check({ report, emit }) {
    for (const a of conversionArtifacts(report)) {
      const [zh, en] = WHAT[a.kind];
      emit({
        start: a.start, end: a.end,
        message: msg(`文档转换残留：${zh}，应删除`, `Conversion leftover: ${en}; delete it`),
        fix: { title: msg(`删除${zh}`, `Delete ${en}`), kind: 'safe', edits: a.deletes.map((d) => ({ ...d, newText: '' })) },
      });
    }
  },
};
