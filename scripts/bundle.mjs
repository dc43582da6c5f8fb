// After `tsc` and build-id.mjs: bundle the command line and the packages it loads into one CommonJS
// file, dist/bundle/dealdoc.cjs, and beside it what a fresh process would otherwise compile again
// (bin/bundle-loader.cjs and src/shipped/ read them): V8's code cache of a warm-up build,
// dealdoc's own templates precompiled, and the DOCX skeletons the warm-up compiled. Why: a fresh process otherwise resolves, reads, parses and
// compiles ~600 modules before its first document — most of a one-deal build (bench/results.md).
//
// The bundle sits two folders below the package root like every compiled module, so the paths
// the code derives from its own location (templates/, dist/build-id.json, the worker entry
// ./worker.js, node_modules for fonts and handlebars) stay the same. piscina stays outside: it
// starts its worker threads from its own folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist/bundle');
const outFile = join(outDir, 'dealdoc.cjs');
mkdirSync(outDir, { recursive: true });
const SHIPPED = { templates: 'templates.json', skeletons: 'docx-skeletons.json' };
for (const name of [`${outFile}.cache`, ...Object.values(SHIPPED).map((n) => join(outDir, n))]) rmSync(name, { force: true });

const result = await build({
  stdin: {
    contents: "export { main } from '../cli/main.js';\nexport { default as runJob } from '../pipeline/worker.js';\nexport { shippableSkeletons } from '../writers/docx/package.js';\nexport { shippableTemplates } from '../compose/templates.js';\n",
    resolveDir: outDir,
    sourcefile: 'dealdoc-entry.js',
    loader: 'js',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  write: false,
  outfile: outFile,
  external: ['piscina'],
  // import() of piscina becomes require() (it ships CommonJS): a script run by node:vm has no import() callback.
  supported: { 'dynamic-import': false },
  // import.meta in CommonJS: the bundle's own URL, which is what each module's location resolves to.
  define: { 'import.meta.url': '__dealdoc_bundle_url' },
  banner: { js: "const __dealdoc_bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
// Pure ASCII: esbuild escapes non-ASCII text except inside regular expression literals; escape
// those code units too (\uXXXX means the same in a regex, with or without the u flag). V8 then
// holds the source as a one-byte string: 5 MB per thread instead of 11.
const code = result.outputFiles[0].text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const token = createHash('sha256').update(code).digest('hex');
// Renamed into place: an interrupted build never leaves half a bundle for bin/dealdoc.js to run.
writeFileSync(`${outFile}.tmp`, `${code}\n//# dealdoc-bundle ${token}\n`);
renameSync(`${outFile}.tmp`, outFile);
// piscina's worker threads import this file (pool.ts resolves ./worker.js beside the bundle).
writeFileSync(join(outDir, 'worker.js'), "// Worker entry of the bundled CLI (scripts/bundle.mjs).\nimport loader from '../../bin/bundle-loader.cjs';\n\nexport default loader.load().runJob;\n");

/** A shipped file for this build only: src/shipped/ checks `code` against dist/build-id.json. */
const buildId = JSON.parse(readFileSync(join(root, 'dist/build-id.json'), 'utf8')).code;
const ship = (name, data) => {
  writeFileSync(join(outDir, `${name}.tmp`), JSON.stringify({ code: buildId, data }));
  renameSync(join(outDir, `${name}.tmp`), join(outDir, name));
};
const loader = createRequire(import.meta.url)('../bin/bundle-loader.cjs');
ship(SHIPPED.templates, loader.loadBundle(outFile).exports.shippableTemplates());

// Warm-up: render the examples once in a child process, then save the code cache of everything
// it compiled and ship the DOCX package skeletons it compiled (it prints them on a marked line).
// Optional: without examples (an installed package) there is simply no cache and no skeletons.
const MARK = '@@dealdoc-skeletons ';
if (process.env.DEALDOC_CODE_CACHE !== 'off' && existsSync(join(root, 'data/deals'))) {
  const out = mkdtempSync(join(tmpdir(), 'dealdoc-warm-'));
  const warm = `
    const loader = require(${JSON.stringify(join(root, 'bin/bundle-loader.cjs'))});
    loader.load().main(['build', '--data', 'data', '--out', ${JSON.stringify(out)}, '--jobs', '1', '--quiet', '--force'])
      .then(() => loader.load().shippableSkeletons())
      .then((skeletons) => {
        loader.saveCache();
        process.stdout.write('\\n' + ${JSON.stringify(MARK)} + JSON.stringify(skeletons) + '\\n');
      })
      .catch((e) => { console.error('code cache not written: ' + e.message); });`;
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, ['-e', warm], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  rmSync(out, { recursive: true, force: true });
  const skeletons = run.stdout?.split('\n').find((line) => line.startsWith(MARK));
  if (skeletons) ship(SHIPPED.skeletons, JSON.parse(skeletons.slice(MARK.length)));
  if (run.status !== 0 || !existsSync(`${outFile}.cache`)) console.warn(`dealdoc: no code cache (${(run.stderr || `exit ${run.status}`).trim().split('\n')[0]})`);
}
