/**
 * The import-boundary rule of eslint.config.js (docs/architecture.md, "Layers"): planted
 * upward imports fail the lint — static, type-only, re-exports and import() — downward ones
 * pass, rounding a Decimal outside src/domain/money.ts fails, and the real src/ tree passes.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });
const LAYER_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => m.message);
}

describe('layer boundaries', () => {
  it.each([
    ['the domain importing the pipeline', 'src/domain/planted.ts', "import { build } from '../pipeline/build.js';\nexport const b = build;\n", 'domain may import only domain'],
    ['the domain importing a data type (type-only counts)', 'src/domain/method/planted.ts', "import type { Deal } from '../../data/deal-schema.js';\nexport type D = Deal;\n", 'domain may import only domain'],
    ['the domain re-exporting from data', 'src/domain/method/planted.ts', "export { dealSchema } from '../../data/deal-schema.js';\n", 'domain may import only domain'],
    ['the domain building diagnostics', 'src/domain/receivables/planted.ts', "import { Diagnostic } from '../../diagnostics.js';\nexport const D = Diagnostic;\n", 'domain may import only domain'],
    ['the domain reading files', 'src/domain/planted.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'the domain does no I/O'],
    ['a document importing the XLSX writer', 'src/documents/provision-report/planted.ts', "import type { Workbook } from '../../tree/workbook.js';\nimport { renderXlsx } from '../../writers/xlsx/index.js';\nexport const r = (w: Workbook) => renderXlsx(w);\n", 'documents may import only'],
    ['a document loading a writer with import()', 'src/documents/planted.ts', "export const r = async () => (await import('../writers/pdf/index.js')).renderPdf;\n", 'documents may import only'],
    ['a writer importing a document module (sideways)', 'src/writers/pdf/handlers/planted.ts', "import type { DocumentPlan } from '../../../documents/types.js';\nexport type P = DocumentPlan;\n", 'writers may import only'],
    ['compose importing the library entry point', 'src/compose/planted.ts', "import { build } from '../index.js';\nexport const b = build;\n", 'compose may import only'],
    ['data importing compose', 'src/data/deals/planted.ts', "import { compose } from '../../compose/index.js';\nexport const c = compose;\n", 'data may import only'],
  ])('fails the lint on %s', async (_what, file, code, expected) => {
    const messages = await layerMessages(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it.each([
    ['data checking characters against fonts', 'src/data/deals/planted.ts', "import { missingGlyphs } from '../../fonts/fonts.js';\nexport const m = missingGlyphs;\n"],
    ['the pipeline loading a writer', 'src/pipeline/planted.ts', "export const r = async () => (await import('../writers/pdf/index.js')).renderPdf;\n"],
    ['a nested writer file importing its own index (not src/index.ts)', 'src/writers/pdf/handlers/planted.ts', "import { renderPdf } from '../index.js';\nexport const r = renderPdf;\n"],
    ['the tree using the domain', 'src/tree/planted.ts', "import type { Locale } from '../domain/locale.js';\nexport type L = Locale;\n"],
  ])('lets %s through', async (_what, file, code) => {
    expect(await layerMessages(file, code)).toEqual([]);
  });

  it.each([
    ['a document rounding a Decimal itself', 'src/documents/provision-report/planted.ts', "import { Decimal } from '../../domain/money.js';\nexport const r = (d: Decimal) => d.toDecimalPlaces(2);\n"],
    ['a writer naming a rounding mode', 'src/writers/xlsx/planted.ts', "import { Decimal } from '../../domain/money.js';\nexport const r = (d: Decimal) => d.toFixed(2, Decimal.ROUND_HALF_UP);\n"],
    ['the CLI rounding', 'src/cli/planted.ts', "import { Decimal } from '../domain/money.js';\nexport const r = (d: Decimal) => d.toDP(0);\n"],
  ])('fails the lint on %s (rounding only in money.ts)', async (_what, file, code) => {
    const messages = await layerMessages(file, code);
    expect(messages).toEqual([expect.stringContaining('round figures only in src/domain/money.ts')]);
  });

  it('lets money.ts round', async () => {
    expect(await layerMessages('src/domain/money.ts', "import { Decimal as D } from 'decimal.js';\nexport const cents = (d: D) => d.toDecimalPlaces(2, D.ROUND_HALF_UP);\n")).toEqual([]);
  });

  it('the real src/ tree has no layer violation', async () => {
    const results = await eslint.lintFiles(['src']);
    const violations = results.flatMap((r) => r.messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId)).map((m) => `${r.filePath}:${m.line}: ${m.message}`));
    expect(results.length).toBeGreaterThan(100);
    expect(violations).toEqual([]);
  }, 120_000);
});
