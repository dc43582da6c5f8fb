/**
 * `dealdoc init [dir]`: a new company folder that works on the first `npx dealdoc build`:
 * config, data folders, the deal schema for editors (`.vscode/settings.json` maps it), the CI
 * workflow, `.gitignore`. Existing files are never overwritten.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dealJsonSchema } from '../data/json-schema.js';
import { UsageError } from './errors.js';

/** The package root (dist/cli/init.js → ../..). */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function configText(locale: 'zh-CN' | 'en', company: string | undefined): string {
  const zh = locale === 'zh-CN';
  const name = company ?? (zh ? '（贵公司全称）' : '(Your company name)');
  return `# dealdoc configuration: the selling company, branding, locale and the provisioning policy.
# Paths are relative to the data folder (data/).
company:
  name: ${JSON.stringify(name)}
  # name_en: …
  # short_name: …
  # address: …
  # phone: …
  # website: https://…
  # email: sales@…
  # logo: logo.png              # in data/assets/
  # tagline: …
brand_color: "#1F5FAF"
locale: ${locale}                 # zh-CN | en: default for deals, and the report's language
# templates: my-templates      # your own *.md.hbs overriding dealdoc's (relative to this file)

provisioning:
  functional_currency: CNY
  framework: CAS                # CAS | small (小企业会计准则)
  boundary_inclusive: false     # "more than 30 days" = 31 and more
  matrix:
    - { over_days: 30, rate: 0.10 }
    - { over_days: 60, rate: 0.20 }
    - { over_days: 90, rate: 0.50 }
`;
}

const VSCODE_SETTINGS = {
  'yaml.schemas': { './deal.schema.json': ['data/deals/*.yaml', 'data/deals/*.yml'] },
  'json.schemas': [{ fileMatch: ['data/deals/*.json'], url: './deal.schema.json' }],
  'files.associations': { '*.md.hbs': 'handlebars' },
};

const GITIGNORE = `node_modules/
# Built documents (CI caches out/.dealdoc so its builds are incremental)
out/
`;

export async function runInit(dir: string, opts: { locale: string; company?: string }): Promise<number> {
  if (opts.locale !== 'zh-CN' && opts.locale !== 'en') throw new UsageError('--locale must be zh-CN or en');
  const root = resolve(dir);
  const pkg = JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  const projectPackage = {
    name: 'documents',
    private: true,
    type: 'module',
    scripts: { build: 'dealdoc build', validate: 'dealdoc validate', check: 'dealdoc check' },
    devDependencies: { dealdoc: `^${pkg.version}` },
  };
  const files: [string, string][] = [
    ['package.json', JSON.stringify(projectPackage, null, 2) + '\n'],
    // The CI workflow's Node version: byte-identical documents need the same Node (zlib, ICU).
    ['.nvmrc', await readFile(join(PACKAGE_ROOT, '.nvmrc'), 'utf8').catch(() => `v${process.versions.node}\n`)],
    ['dealdoc.config.yaml', configText(opts.locale, opts.company)],
    ['deal.schema.json', JSON.stringify(dealJsonSchema().schema, null, 2) + '\n'],
    ['.vscode/settings.json', JSON.stringify(VSCODE_SETTINGS, null, 2) + '\n'],
    ['.github/workflows/documents.yml', await readFile(join(PACKAGE_ROOT, 'docs/ci-github-actions.yml'), 'utf8')],
    ['.gitignore', GITIGNORE],
    ['data/deals/.gitkeep', ''],
    // Header-only ledger files: finance sees the columns; an empty ledger builds no report.
    ['data/receivables/invoices.csv', 'invoice_no,customer_id,customer_name,invoice_date,due_date,currency,amount,rep\n'],
    ['data/receivables/payments.csv', 'payment_no,invoice_no,date,amount\n'],
    ['data/assets/.gitkeep', ''],
  ];
  for (const [rel, text] of files) {
    const path = join(root, rel);
    if (existsSync(path)) {
      process.stdout.write(`kept    ${rel} (exists)\n`);
      continue;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text, { flag: 'wx' });
    process.stdout.write(`created ${rel}\n`);
  }
  process.stdout.write(
    opts.locale === 'zh-CN'
      ? '下一步：编辑 dealdoc.config.yaml，然后 npx dealdoc new deal 商机编号 --locale zh-CN\n'
      : 'Next: edit dealdoc.config.yaml, then npx dealdoc new deal my-deal --locale en\n',
  );
  return 0;
}
