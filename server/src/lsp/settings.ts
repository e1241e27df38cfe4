/**
 * The settings a report is checked with: the editor's `ogiReport.*` settings (pulled with
 * `workspace/configuration`, or pushed with `didChangeConfiguration` by clients that cannot be asked),
 * merged with the configuration file above the report, which wins as in the CLI. Parsed in one place.
 */
import { fileURLToPath } from 'node:url';
import { Connection, DidChangeConfigurationParams, InitializeParams } from 'vscode-languageserver/node';
import { Locale, resolveLocale } from '../base/msg';
import { LoadedConfig, createConfigFinder } from '../config';
import { AnalyzeOptions, RULES, RuleSetting } from '../service/analyze';
import { effectiveOptions } from '../service/config';
import { ENGINE_CODES } from '../service/engine-codes';
import type { WorkspaceContext } from '../workspace';

export interface Settings {
  rules: Record<string, RuleSetting>;
  locale: 'auto' | 'zh-cn' | 'en';
  /** copied-text threshold, percent (setting ogiReport.copiedTextThreshold). */
  copiedTextThreshold?: number;
}

export const DEFAULT_SETTINGS: Settings = { rules: {}, locale: 'auto' };

/** The `ogiReport` settings section as the client sends it; anything missing takes its default. */
export function parseSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const rules = s.rules && typeof s.rules === 'object' ? (s.rules as Record<string, RuleSetting>) : {};
  const locale = s.locale === 'en' || s.locale === 'zh-cn' ? s.locale : 'auto';
  return { rules, locale, copiedTextThreshold: typeof s.copiedTextThreshold === 'number' ? s.copiedTextThreshold : undefined };
}

/** The configuration file governing a report on disk, or null (untitled documents, no file, unreadable). */
function configFor(uri: string): LoadedConfig | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return createConfigFinder()(fileURLToPath(uri));
  } catch {
    return null;
  }
}

export interface SettingsFeature {
  initialize(params: InitializeParams): void;
  /** Reads the settings again (from the client, or from the change it pushed); keeps the previous ones if that fails. */
  reload(change?: DidChangeConfigurationParams): Promise<void>;
  /** The language of messages: the `locale` setting, or for `auto` the client's language by the one rule of base/msg. */
  locale(): Locale;
  /** Whether the client answers `workspace/configuration`. */
  configurationSupport(): boolean;
  /** The engine options for a document: editor settings, then its configuration file; ignored files get every rule off. */
  options(uri: string, workspace?: WorkspaceContext): AnalyzeOptions;
}

export function createSettings(connection: Connection): SettingsFeature {
  let settings = DEFAULT_SETTINGS;
  let clientLocale: Locale = 'zh-cn';
  let pullable = false;

  return {
    initialize(params) {
      pullable = !!params.capabilities.workspace?.configuration;
      // VS Code's client resolves `auto` itself and sends the result; other clients send their display language.
      const chosen = params.initializationOptions?.locale;
      clientLocale = resolveLocale(typeof chosen === 'string' ? chosen : undefined, params.locale ?? '');
    },
    async reload(change) {
      if (pullable) {
        try {
          settings = parseSettings(await connection.workspace.getConfiguration('ogiReport'));
        } catch {
          /* keep the previous settings */
        }
      } else if (change?.settings?.ogiReport) settings = parseSettings(change.settings.ogiReport);
    },
    locale: () => (settings.locale === 'auto' ? clientLocale : settings.locale),
    configurationSupport: () => pullable,
    // A configuration file (ogi-report.config.json / .ogi-reportrc.json) above a report wins over the
    // editor settings for that report; it is looked up afresh for each analysis, so an edited file
    // applies at the next check.
    options(uri, workspace) {
      const found = configFor(uri);
      const config = found && !found.fatal ? found.config : null;
      const effective = effectiveOptions(settings.rules, config);
      const ignored = found && !found.fatal && found.isIgnored(fileURLToPath(uri));
      const rules = ignored ? Object.fromEntries([...RULES, ...ENGINE_CODES].map((r) => [r.id, 'off' as const])) : effective.rules;
      // The editor's ogiReport.copiedTextThreshold (percent, like the rule option) applies unless the
      // rule's own option is set (in ogiReport.rules or a configuration file).
      const ruleOptions = { ...effective.ruleOptions };
      const percent = settings.copiedTextThreshold;
      if (percent !== undefined && ruleOptions['copied-text']?.threshold === undefined) ruleOptions['copied-text'] = { ...ruleOptions['copied-text'], threshold: percent };
      return { rules, workspace, ruleOptions };
    },
  };
}
