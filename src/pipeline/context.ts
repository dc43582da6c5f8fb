/** Everything a build needs, resolved once from flags and config. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { BUILTIN_TEMPLATES, createTemplateStore, type TemplateStore } from '../compose/templates.js';
import { assetsDirOf, resolveAsset } from '../data/assets.js';
import { Diagnostic } from '../diagnostics.js';
import type { Format } from '../writers/types.js';
import type { FontChainSpec } from '../fonts/font-chain.js';
import { resolveFontChain } from '../fonts/fonts-config.js';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  configPath?: string;
  only?: string[];
  formats: Format[];
  /** Render exactly this as-of date for receivables. */
  asOf?: string;
  env?: NodeJS.ProcessEnv;
}

export interface BuildContext {
  options: BuildOptions;
  dataDir: string;
  outDir: string;
  assetsDir: string;
  config: Config;
  configFile?: string;
  templates: TemplateStore;
  logo?: string;
  env: NodeJS.ProcessEnv;
  /** The font fallback chain (config `fonts:`, else the families dealdoc ships). */
  fonts: FontChainSpec;
}

const contexts = new Map<string, { ctx?: BuildContext; diagnostics: Diagnostic[] }>();

/** One context per process (or worker) and options: config, templates and fonts load once. */
export function createContext(options: BuildOptions): { ctx?: BuildContext; diagnostics: Diagnostic[] } {
  const key = JSON.stringify({ ...options, env: undefined, cwd: process.cwd() });
  const cached = contexts.get(key);
  if (cached?.ctx && options.env === undefined) return cached;
  const made = makeContext(options);
  if (options.env === undefined) contexts.set(key, made);
  return made;
}

/** Forget cached contexts (watch mode: the config may have changed). */
export function resetContexts(): void {
  contexts.clear();
}

function makeContext(options: BuildOptions): { ctx?: BuildContext; diagnostics: Diagnostic[] } {
  const loaded = loadConfig(options.configPath);
  if (!loaded.config) return { diagnostics: loaded.diagnostics };
  const config = loaded.config;
  const diagnostics = [...loaded.diagnostics];
  const dataDir = resolve(options.dataDir);
  const assetsDir = assetsDirOf(dataDir);
  // Overrides: the config's `templates:` folder, else a `templates/` folder beside the config
  // (or in the working directory) — unless that is dealdoc's own.
  const base = loaded.file ? dirname(loaded.file) : '.';
  const candidate = resolve(base, config.templates ?? 'templates');
  const overrideDir = (config.templates || existsSync(candidate)) && candidate !== BUILTIN_TEMPLATES ? candidate : undefined;
  let logo: string | undefined;
  if (config.company.logo) {
    const res = resolveAsset(assetsDir, config.company.logo);
    if ('path' in res) logo = res.path;
    else diagnostics.push(new Diagnostic({ file: loaded.file ?? 'dealdoc.config.yaml', field: 'company.logo', rule: 'asset', severity: 'warning', message: `logo ${res.error}` }));
  }
  const chain = resolveFontChain(config.fonts, loaded.file);
  for (const e of chain.errors) diagnostics.push(new Diagnostic({ file: loaded.file ?? 'dealdoc.config.yaml', field: `fonts[${e.index}]`, rule: 'config', message: e.message }));
  return {
    ctx: {
      options,
      dataDir,
      outDir: resolve(options.outDir),
      assetsDir,
      config,
      configFile: loaded.file,
      templates: createTemplateStore(overrideDir),
      logo,
      env: options.env ?? process.env,
      fonts: chain.spec,
    },
    diagnostics,
  };
}
