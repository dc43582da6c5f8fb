/**
 * The dealdoc command line: commands and flags only; the work lives in pipeline/, data/, documents/.
 * The documents it names (help, `--document`, `--format`) come from documents/registry.ts.
 */
import { Command, CommanderError, Option } from 'commander';
import { documentTypes, registeredFormats } from '../documents/registry.js';
import { fsDiagnostic, isFsError } from '../pipeline/fs-errors.js';
import type { Format } from '../writers/types.js';
import { runBuild, runCheck, runNewDeal, runSchema, runValidate, UsageError, type BuildFlags } from './commands.js';

function parseFormats(value: string): Format[] {
  const known = registeredFormats();
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of list) if (!known.includes(f as Format)) throw new UsageError(`unknown format "${f}" (expected ${known.join(', ')})`);
  return [...new Set(list)] as Format[];
}

function parseDocuments(value: string, previous: string[] | undefined): string[] {
  const known = documentTypes().map((d) => d.id);
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of list) if (!known.includes(d)) throw new UsageError(`unknown document "${d}" (expected ${known.join(', ')})`);
  return [...new Set([...(previous ?? []), ...list])];
}

/** Each registered document with what it is: `proposal (sales proposal; pdf, docx)`. */
function documentList(): string {
  return documentTypes()
    .map((d) => `${d.id} (${d.title.en}; ${d.formats.join(', ')})`)
    .join(', ');
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('dealdoc')
    .description(`Build documents from deal files and a ledger: ${documentList()}.`)
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError();

  const common = (cmd: Command) =>
    cmd
      .option('--data <dir>', 'data folder (deals/, receivables/, assets/)', 'data')
      .option('--config <file>', 'config file (default: dealdoc.config.yaml in the working directory, if present)')
      .option('--lang <lang>', 'language of messages: zh or en (default: from LANG, else the config locale)')
      .option('--reporter <name>', 'diagnostics as text (default) or github (::error annotations for GitHub Actions)');
  const buildFlags = (cmd: Command) =>
    common(cmd)
      .option('--out <dir>', 'output folder', 'out')
      .option('--only <ids...>', 'only these deals (by id); no receivables reports')
      .addOption(new Option('--format <list>', `formats to write: ${registeredFormats().join(',')}`).default(registeredFormats(), registeredFormats().join(',')).argParser(parseFormats))
      .addOption(new Option('--document <list>', `only these documents, comma-separated: ${documentTypes().map((d) => d.id).join(',')}`).argParser(parseDocuments))
      .option('--as-of <date>', 'only the receivables report for exactly this date (YYYY-MM-DD)')
      .option('--shard <i/n>', 'only a stable, balanced 1/n of the outputs (CI matrix)')
      .option('-q, --quiet', 'print only diagnostics');

  buildFlags(program.command('build'))
    .option('--allow-default-company', 'build without a config file (the cover then names "dealdoc" as the seller)')
    .description('render every document that is missing or out of date into the out folder')
    .option('--force', 'rebuild everything')
    .option('--explain', 'say why each output was built or skipped')
    .option('--jobs <n>', 'worker threads (default: the number of cores)')
    .option('--json', 'print a machine-readable summary on stdout')
    .action(async (opts: BuildFlags) => {
      code = await runBuild(opts);
    });

  buildFlags(program.command('check'))
    .description('exit 1 when any output is missing, stale or modified by hand, or any input is invalid; writes nothing')
    .option('--json', 'print a machine-readable result on stdout')
    .action(async (opts: BuildFlags) => {
      code = await runCheck(opts);
    });

  buildFlags(program.command('watch'))
    .description('build, then rebuild what is affected whenever data, templates or config change')
    .option('--jobs <n>', 'worker threads (default: the number of cores)')
    .action(async (opts: BuildFlags) => {
      const { runWatch } = await import('./watch.js');
      code = await runWatch(opts);
    });

  common(program.command('validate'))
    .description('check deal files, config and ledger; print diagnostics; write nothing')
    .option('--json', 'print a machine-readable result on stdout')
    .action(async (opts) => {
      code = await runValidate(opts);
    });

  common(program.command('diff <old> [new]'))
    .description('what changed for the customer between two versions of a deal (two files, or one deal with --since REV)')
    .option('--since <rev>', 'compare the deal file (id or path) at this git revision with the working copy')
    .option('--internal', 'also list internal changes (contacts, competitors, qualification, SWOT, actions, notes)')
    .option('--json', 'print the changes as JSON')
    .option('--exit-code', 'exit 1 when anything customer-facing changed (for CI)')
    .action(async (first: string, second: string | undefined, opts) => {
      const { runDiff } = await import('../diff/run.js');
      code = await runDiff(first, second, opts);
    });

  common(program.command('preview'))
    .description('serve a live preview of every document on 127.0.0.1, rebuilding on each edit')
    .option('--out <dir>', 'output folder', 'out')
    .option('--port <n>', 'port (default: the config\'s preview.port, else a free one)')
    .option('--open', 'open the index in the default browser')
    .action(async (opts) => {
      const { runPreview } = await import('../preview/run.js');
      code = await runPreview(opts);
    });

  program
    .command('schema')
    .description('print the JSON Schema of deal files (for editor completion and checks)')
    .option('--catalog', 'print the JSON Schema of the product catalogue (data/catalog.yaml) instead')
    .option('--lang <lang>', 'descriptions in zh or en only (default: both)')
    .action(async (opts: { catalog?: boolean; lang?: string }) => {
      code = await runSchema(opts);
    });

  const create = program.command('new').description('scaffold a new file');
  create
    .command('deal <id>')
    .description('create <data>/deals/<id>.md, a commented deal file to fill in')
    .option('--data <dir>', 'data folder', 'data')
    .option('--locale <locale>', 'zh-CN or en', 'zh-CN')
    .action(async (id: string, opts) => {
      code = await runNewDeal(id, opts);
    });

  program
    .command('init [dir]')
    .description('set up a company folder: config, data folders, deal schema, editor settings, CI workflow, .gitignore')
    .option('--locale <locale>', 'zh-CN or en', 'zh-CN')
    .option('--company <name>', 'your company name (for the config)')
    .action(async (dir: string | undefined, opts: { locale: string; company?: string }) => {
      const { runInit } = await import('./init.js');
      code = await runInit(dir ?? '.', opts);
    });

  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    if (isFsError(e)) {
      process.stderr.write(`${fsDiagnostic(e, '.').format()}\n`);
      return 1;
    }
    process.stderr.write(`dealdoc: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
  return code;
}
