#!/usr/bin/env node
import loader from './bundle-loader.cjs';

// The bundled CLI with its code cache (bin/bundle-loader.cjs); dist/cli/main.js when dist/ has no bundle.
const { main } = loader.load() ?? (await import('../dist/cli/main.js'));

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
