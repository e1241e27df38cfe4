/** Command-line arguments and the help text (Chinese first, then English). */
import type { Locale, RuleSetting } from '../service/analyze';
import { checkRuleSetting } from '../service/config';

export type Format = 'text' | 'json' | 'sarif' | 'junit' | 'html' | 'csv';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'junit', 'html', 'csv'];

export interface Options {
  command: 'check' | 'extract' | 'help' | 'version';
  format: Format;
  output: string | null;
  fix: boolean;
  /** With --fix: also write read-only files. */
  force: boolean;
  /** Seconds one file may take (0: no limit). */
  timeout: number;
  locale: Locale;
  rules: Record<string, RuleSetting>;
  config: string | null;
  jobs: number | null;
  /** Whether the batch's reports are compared with each other (last year's, a region's): `--no-cross-report` says no. */
  crossReport: boolean;
  /** `--review 审核记录.json`: the supervisors' ledger of confirmed and dismissed findings. */
  review: string | null;
  /** `--baseline`: an earlier run's JSON or SARIF output. */
  baseline: string | null;
  /** `--summary`: per rule and per body after the findings. */
  summary: boolean;
  /** `--summary-file`: the same as JSON. */
  summaryFile: string | null;
  inputs: string[];
}

export class UsageError extends Error {}

export const USAGE = '用法 / usage: ogi-report check [选项 options] 文件|目录|glob…   ogi-report extract 文件   ogi-report --help';

/** Seconds a file may take to read and check before its worker is replaced and it is reported `timed-out`. */
export const DEFAULT_TIMEOUT = 60;

export const HELP = `ogi-report —— 政府信息公开工作年度报告检查工具 / checker for annual government-information-disclosure reports

用法 / usage:
  ogi-report check [选项] 文件|目录|"glob"…    检查报告 / check reports
  ogi-report extract 文件…                     打印文件被读取成的文本 / print the text a file was read as
  ogi-report --help | --version

输入 / inputs:
  文本 .txt .md .ogi（UTF-8、UTF-16 带 BOM、GBK/GB18030），Word .docx，网页 .html .htm .shtml，PDF .pdf。
  目录会递归检查，非报告文件跳过并计数；glob 如 "2024/**/*.docx" 需加引号。
  Text (UTF-8, UTF-16 with BOM, GBK/GB18030), .docx, saved web pages and PDFs. Folders are walked
  recursively (other files are skipped and counted); quote globs such as "2024/**/*.docx".

选项 / options:
  --format text|json|sarif|junit|html|csv
                                        输出格式，默认 text；csv 为按机关汇总表（UTF-8 带 BOM）
                                        output format (default text); csv: the per-body table
  --output 文件, -o 文件                写入文件而非标准输出（如 --format html --output 汇总.html）
                                        write to a file instead of stdout
  --fix                                 就地修复文本文件（能定位的错误数字、规范用语），保持原编码
                                        fix text files in place, keeping their encoding
  --force                               与 --fix 同用：只读文件也写入（仍保持只读）
                                        with --fix: write read-only files too (they stay read-only)
  --timeout 秒                          每个文件的检查时限，默认 ${DEFAULT_TIMEOUT}，0 为不限
                                        time limit per file in seconds (default ${DEFAULT_TIMEOUT}; 0: none)
  --rule 规则=off|hint|info|warning|error 调整规则级别，可重复 / set a rule's severity (repeatable)
  --config 文件                         使用此配置文件，不再向上查找 / use this configuration file
  --locale zh-cn|en                     消息语言（或 OGI_REPORT_LOCALE）/ message language
  --jobs N                              工作线程数，默认为 CPU 核数 / worker threads (default: cores)
  --no-cross-report                     不与同批的上年报告、地区报告比对 / no comparison with the batch's other reports
  --review 审核记录.json                 应用审核记录：已驳回的问题不计数、不影响退出状态，但仍列出理由
                                        apply a review ledger: dismissed findings are listed with their
                                        reason but not counted
  --baseline 上次结果.json|.sarif        与上次的 json/sarif 输出比较：新增、未变、已解决
                                        compare with an earlier json/sarif output: new, unchanged, absent
  --summary                             最后按规则、按机关汇总（报告数、不通过数、关键数字、纠错率、及时性）
                                        print per-rule and per-body tables at the end
  --summary-file 文件                   将上述汇总写成 JSON 文件 / write those tables as JSON
  -h, --help                            显示本帮助 / show this help
  -v, --version                         显示版本 / show the version

配置 / configuration:
  从被检查文件所在目录向上查找 ogi-report.config.json 或 .ogi-reportrc.json：
  Found from the checked file's folder upwards:
    { "rules": { "blank-cell": "off", "copied-text": { "threshold": 80 } }, "ignore": ["草稿/**"] }
  优先级 / precedence: --rule > 配置文件 config file > 默认 defaults

限制 / limits:
  只读取普通文件（命名管道、设备、套接字跳过并计数）；单个文件最大 64 MB；每个文件默认 ${DEFAULT_TIMEOUT} 秒。
  Only regular files are read (pipes, devices and sockets are skipped and counted); at most 64 MB a
  file; ${DEFAULT_TIMEOUT} s a file by default. --output never overwrites a file that is not an earlier output.

退出状态 / exit status:
  0 没有错误 / no errors   1 有错误 / errors found
  2 用法错误、文件无法读取、过大未完整检查或超时 / usage error, unreadable file, a file too large to check
    fully or that timed out
`;

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Options {
  const envLocale = env.OGI_REPORT_LOCALE;
  const opts: Options = {
    command: 'check', format: 'text', output: null, fix: false, force: false, timeout: DEFAULT_TIMEOUT, locale: envLocale?.toLowerCase().startsWith('en') ? 'en' : 'zh-cn',
    rules: {}, config: null, jobs: null, crossReport: true, review: null, baseline: null, summary: false, summaryFile: null, inputs: [],
  };
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { ...opts, command: 'help' };
  if (command === '--version' || command === '-v' || command === '-V') return { ...opts, command: 'version' };
  if (command !== 'check' && command !== 'extract') throw new UsageError(command ? `未知命令 / unknown command: ${command}` : '缺少命令 / missing command');
  opts.command = command;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (a.startsWith('--') && eq >= 0) return a.slice(eq + 1);
      if (i + 1 >= rest.length) throw new UsageError(`${name} 需要一个值 / needs a value`);
      return rest[++i];
    };
    const is = (name: string) => a === name || a.startsWith(name + '=');
    if (a === '--help' || a === '-h') return { ...opts, command: 'help' };
    if (a === '--fix') opts.fix = true;
    else if (a === '--no-cross-report') opts.crossReport = false;
    else if (a === '--force') opts.force = true;
    else if (is('--timeout')) {
      const n = Number(value('--timeout'));
      if (!Number.isFinite(n) || n < 0) throw new UsageError('--timeout 应为秒数（0 为不限）/ must be a number of seconds (0: no limit)');
      opts.timeout = n;
    }
    else if (is('--format')) {
      const v = value('--format') as Format;
      if (!FORMATS.includes(v)) throw new UsageError(`--format 只能是 ${FORMATS.join('、')} / must be one of ${FORMATS.join(', ')}: ${v}`);
      opts.format = v;
    } else if (is('--output') || a === '-o') opts.output = value('--output');
    else if (is('--locale')) opts.locale = value('--locale').toLowerCase().startsWith('en') ? 'en' : 'zh-cn';
    else if (is('--config')) opts.config = value('--config');
    else if (is('--review')) opts.review = value('--review');
    else if (is('--baseline')) opts.baseline = value('--baseline');
    else if (a === '--summary') opts.summary = true;
    else if (is('--summary-file')) opts.summaryFile = value('--summary-file');
    else if (is('--rule')) {
      const v = value('--rule');
      const eq = v.indexOf('=');
      if (eq < 0) throw new UsageError(`--rule 应写成 规则=级别 / must be id=severity: ${v}`);
      const id = v.slice(0, eq).trim();
      const sev = v.slice(eq + 1).trim();
      const problem = checkRuleSetting(id, sev);
      if (problem) throw new UsageError(`--rule：${problem.zh} / ${problem.en}`);
      opts.rules[id] = sev as RuleSetting;
    } else if (is('--jobs') || a === '-j') {
      const n = Number(value('--jobs'));
      if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError('--jobs 应为正整数 / must be a positive integer');
      opts.jobs = n;
    } else if (a === '--') { opts.inputs.push(...rest.slice(i + 1)); break; }
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`未知选项 / unknown option: ${a}`);
    else opts.inputs.push(a);
  }
  if (opts.inputs.length === 0) throw new UsageError('没有要检查的文件 / no files given');
  if (opts.command === 'extract' && (opts.fix || opts.format !== 'text')) throw new UsageError('extract 只打印文本 / extract only prints text');
  return opts;
}
