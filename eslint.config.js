import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Layers of src/, lowest first (docs/architecture.md, "Layers"). A file may import its own unit
 * and every unit of a lower layer, never one above: the lint fails on an upward import, type-only
 * imports and `export … from` included (a type import still ties the lower layer to the upper
 * one's shape). Units in one layer may import each other. Checked on the import text, exactly:
 * for a file N folders deep, `src/<unit>` is `../` × N + unit, so nested folder names never match.
 */
const LAYERS = [
  ['domain'], // pure rules: imports nothing outside domain/, no I/O modules
  ['diagnostics.ts', 'shipped'], // the one diagnostic type; what `npm run build` ships precompiled
  ['tree'], // the document trees (mdast + custom nodes; the workbook)
  ['fonts'], // the font chain (a resource; imports nothing of dealdoc)
  ['data'], // readers + schemas; may check characters against fonts/
  ['config'], // dealdoc.config.yaml (its schema uses data/fields)
  ['compose'], // templates → Markdown → tree
  ['documents'], // one module per document: data → DocumentPlan / workbook tree
  ['writers'], // one per format: tree → bytes
  ['pipeline'], // plan, run, write
  ['preview', 'diff', 'cli', 'index.ts'], // entry points
];
/** Imports a unit may not make although the target is lower: writers know nothing of how a tree was made. */
const SIDEWAYS = { writers: ['compose', 'documents'] };
/** The domain does no I/O and hashes nothing for the build (the build cache's fingerprints live in src/pipeline/ledger-fingerprint.ts). */
const DOMAIN_IO = '^(node:)?(fs|fs/promises|path|os|child_process|worker_threads|http|https|net|url|process|readline|zlib|crypto)$';

/** Rounding of figures happens only in src/domain/money.ts (one rule to check: half-up, at the documented steps). */
const ROUNDING = [
  { selector: 'CallExpression[callee.property.name=/^(toDecimalPlaces|toDP|toSignificantDigits|toSD|toNearest)$/]', message: 'round figures only in src/domain/money.ts (cents, fixed, formatPercent, sharesOf…)' },
  { selector: 'MemberExpression[property.name=/^ROUND_/]', message: 'round figures only in src/domain/money.ts (cents, fixed, formatPercent, sharesOf…)' },
];

const MONEY = 'src/domain/money.ts';

const target = (unit) => (unit.endsWith('.ts') ? `${unit.slice(0, -3).replace('.', '\\.')}\\.js$` : `${unit}(/|$)`);
const upOf = (depth) => (depth === 0 ? '\\./' : `(\\.\\./){${depth}}`);
const globsOf = (unit) => (unit.endsWith('.ts') ? [[0, `src/${unit}`]] : [1, 2, 3, 4, 5].map((depth) => [depth, `src/${unit}/${'*/'.repeat(depth - 1)}*.ts`]));

function layerRules() {
  const configs = [];
  LAYERS.forEach((layer, level) => {
    for (const unit of layer) {
      const above = [...LAYERS.slice(level + 1).flat(), ...(SIDEWAYS[unit] ?? [])];
      if (above.length === 0) {
        // The top layer may import anything; it still does not round.
        configs.push({ files: globsOf(unit).map(([, glob]) => glob), rules: { 'no-restricted-syntax': ['error', ...ROUNDING] } });
        continue;
      }
      const units = `(${above.map(target).join('|')})`;
      const allowed = [...LAYERS.slice(0, level + 1).flat()].filter((u) => !above.includes(u));
      const message = `layer rule: ${unit} may import only ${allowed.join(', ')} (docs/architecture.md, "Layers")`;
      for (const [depth, glob] of globsOf(unit)) {
        const regex = `^${upOf(depth)}${units}`;
        const patterns = [{ regex, message }];
        if (unit === 'domain') patterns.push({ regex: DOMAIN_IO, message: 'layer rule: the domain does no I/O' });
        // import() too (the pipeline loads writers lazily): the same rule on dynamic imports.
        const dynamic = { selector: `ImportExpression > Literal[value=/${regex.replaceAll('/', '\\/')}/]`, message };
        configs.push({ files: [glob], rules: { 'no-restricted-imports': ['error', { patterns }], 'no-restricted-syntax': ['error', dynamic, ...ROUNDING] } });
        // money.ts is the one module that rounds (a later entry replaces the rule's options for it).
        if (glob === 'src/domain/*.ts') configs.push({ files: [MONEY], rules: { 'no-restricted-syntax': ['error', dynamic] } });
      }
    }
  });
  return configs;
}

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'coverage/', 'bench/out/', '.tmp/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['bin/**/*.js', 'bench/**/*.mjs', 'scripts/**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly', URL: 'readonly' } } },
  {
    files: ['bin/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules(),
);
