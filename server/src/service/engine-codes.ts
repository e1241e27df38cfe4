/**
 * The codes the engine reports itself, beside the rules of the registry: described here as rules are
 * in their records (id, names, description, default severity). Settings, the configuration file and
 * `--rule` set their severity or turn them off like a rule's (`"encoding": "warning"`); the generated
 * setting, schema and README list them. Data only: `npm run generate` bundles this file.
 */
import { Msg, Severity, msg } from '../rules/rule';

export interface EngineCode {
  id: string;
  names: Msg;
  description: Msg;
  defaultSeverity: Severity;
}

export const ENGINE_CODES: readonly EngineCode[] = [
  {
    id: 'suppression', names: msg('禁用注释', 'suppression comment'), defaultSeverity: 'warning',
    description: msg('抑制注释缺少理由或写了不存在的规则', 'A suppression comment without a reason or with an unknown rule'),
  },
  {
    id: 'document-too-large', names: msg('文档过大', 'document too large'), defaultSeverity: 'info',
    description: msg('文档过大，未做完整检查', 'Document too large to check fully'),
  },
  {
    id: 'internal-error', names: msg('规则出错', 'rule failure'), defaultSeverity: 'info',
    description: msg('某条规则运行出错，已跳过', 'A rule failed and was skipped'),
  },
  {
    id: 'encoding', names: msg('文件编码', 'encoding'), defaultSeverity: 'error',
    description: msg('文本很可能是用错误的编码读取的（如 GBK 被当作 UTF-8）', 'The text was probably decoded with the wrong encoding (GBK read as UTF-8)'),
  },
  {
    id: 'workspace-match', names: msg('上年报告匹配', 'last year\'s report'), defaultSeverity: 'info',
    description: msg('上年报告有多个可能的匹配，未作跨报告比较', 'Several reports could be last year\'s; none was compared'),
  },
];

export const ENGINE_CODE_IDS: ReadonlySet<string> = new Set(ENGINE_CODES.map((c) => c.id));
