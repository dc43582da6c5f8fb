/** Load dealdoc.config.yaml (validated like deal files: failsafe YAML + zod, diagnostics with positions). */
import { existsSync, readFileSync } from 'node:fs';
import { Diagnostic } from '../diagnostics.js';
import { parseYamlSource, zodDiagnostics } from '../data/yaml-source.js';
import { allFieldNames, plainYaml, scanTypingSlips, withTypingSlips } from '../data/friendly.js';
import { configSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_FILE = 'dealdoc.config.yaml';

export interface LoadedConfig {
  config?: Config;
  /** The config file read (absent when defaults were used). */
  file?: string;
  diagnostics: Diagnostic[];
}

export function loadConfig(path: string | undefined): LoadedConfig {
  const file = path ?? DEFAULT_CONFIG_FILE;
  if (!existsSync(file)) {
    if (path) return { diagnostics: [new Diagnostic({ file, rule: 'config', message: 'config file not found' })] };
    const config = configSchema.parse({ company: { name: 'dealdoc' } });
    return { config, diagnostics: [new Diagnostic({ file, rule: 'config', severity: 'warning', message: 'no config file; using defaults (run in a folder with dealdoc.config.yaml or pass --config)' })] };
  }
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const slips = scanTypingSlips(text, file, 0, allFieldNames(configSchema));
  const parsed = parseYamlSource(text, file);
  if (!parsed.source) return { file, diagnostics: withTypingSlips(slips, parsed.diagnostics.map(plainYaml)) };
  if (slips.length) return { file, diagnostics: slips };
  const result = configSchema.safeParse(parsed.data ?? {});
  if (!result.success) return { file, diagnostics: zodDiagnostics(result.error, parsed.source, file) };
  return { config: result.data, file, diagnostics: [] };
}
