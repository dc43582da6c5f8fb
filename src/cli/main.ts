/** The dealdoc command line: commands and flags only; the work lives in build/, data/, documents/. */
import { Command, CommanderError, Option } from 'commander';
import { report } from '../diagnostics.js';
import type { Format } from '../writers/types.js';
import { runBuild, runNewDeal, runSchema, runValidate } from './commands.js';

const FORMATS: Format[] = ['pdf', 'docx', 'xlsx'];

function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const f of list) if (!FORMATS.includes(f as Format)) throw new CommanderError(2, 'dealdoc.usage', `unknown format "${f}" (expected ${FORMATS.join(', ')})`);
  return list as Format[];
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command('dealdoc')
    .description('Build sales proposals, SWOT briefs and receivables provisioning reports from deal files and a ledger.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError();

  const common = (cmd: Command) =>
    cmd
      .option('--data <dir>', 'data folder (deals/, receivables/, assets/)', 'data')
      .option('--config <file>', 'config file (default: dealdoc.config.yaml in the working directory, if present)');

  common(program.command('build'))
    .description('render every document into the out folder')
    .option('--out <dir>', 'output folder', 'out')
    .option('--only <ids...>', 'build only these deals (by id)')
    .addOption(new Option('--format <list>', 'formats to write: pdf,docx,xlsx').default(FORMATS, 'pdf,docx,xlsx').argParser(parseFormats))
    .option('--as-of <date>', 'render the receivables report for exactly this date (YYYY-MM-DD)')
    .option('--json', 'print a machine-readable summary on stdout')
    .option('-q, --quiet', 'print only diagnostics')
    .action(async (opts) => {
      code = await runBuild(opts);
    });

  common(program.command('validate'))
    .description('check deal files, config and ledger; print diagnostics; write nothing')
    .action(async (opts) => {
      code = await runValidate(opts);
    });

  program
    .command('schema')
    .description('print the JSON Schema of deal files (for editor completion and checks)')
    .action(() => {
      code = runSchema();
    });

  const create = program.command('new').description('scaffold a new file');
  common(create.command('deal <id>'))
    .description('create data/deals/<id>.md, a commented deal file to fill in')
    .option('--locale <locale>', 'zh-CN or en', 'zh-CN')
    .action(async (id: string, opts) => {
      code = await runNewDeal(id, opts);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'dealdoc.usage') process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`dealdoc: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  return code;
}

export { report };
