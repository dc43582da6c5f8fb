'use strict';
/**
 * Loads dist/bundle/dealdoc.cjs — the command line and its packages in one file (scripts/bundle.mjs)
 * — with V8's code cache: the bytecode of every function a build runs, saved by `npm run build`
 * after rendering the examples once. A fresh process then deserialises instead of parsing and
 * compiling ~5 MB of JavaScript (one edited deal: ~0.9 s → ~0.6 s).
 *
 * The cache is used only when its header names this exact bundle (the sha256 the bundler wrote in
 * the bundle's last line) and V8 accepts it (same V8 version and flags; else it is ignored and
 * the code compiled as usual). Nothing is written here: the cache is made at build time only.
 * DEALDOC_CODE_CACHE=off loads without it. Returns undefined when there is no bundle (dist/ built by
 * tsc alone): the caller falls back to dist/cli/main.js.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const zlib = require('node:zlib');

const BUNDLE = path.join(__dirname, '..', 'dist', 'bundle', 'dealdoc.cjs');
const TOKEN = /\/\/# dealdoc-bundle ([0-9a-f]{64})\s*$/;

let loaded;

/** The token the bundler appended: sha256 of the bundle's code above it. */
function tokenOf(source) {
  const m = TOKEN.exec(source.slice(-160));
  return m ? m[1] : undefined;
}

/**
 * The cache file: the bundle's token (64 hex digits), the CRC-32 of the payload (8 hex digits),
 * then V8's cached data. V8 checks its version, flags and the source length, not every byte:
 * a damaged file is refused here (~1 ms for 6 MB) rather than deserialised.
 */
const HEADER = 72;

function cachedDataFor(cacheFile, token) {
  if (!token || process.env.DEALDOC_CODE_CACHE === 'off') return undefined;
  let buf;
  try {
    buf = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (buf.length <= HEADER || buf.toString('latin1', 0, 64) !== token) return undefined;
  const data = buf.subarray(HEADER);
  return buf.toString('latin1', 64, HEADER) === crcOf(data) ? data : undefined;
}

const crcOf = (data) => zlib.crc32(data).toString(16).padStart(8, '0');

/**
 * Run one bundle file (its code cache is `<file>.cache`): its exports, the compiled script and
 * whether the cache was 'used', 'rejected' by V8, or 'none' (missing, or made for other code).
 */
function loadBundle(file) {
  const source = fs.readFileSync(file, 'utf8');
  const token = tokenOf(source);
  const cachedData = cachedDataFor(`${file}.cache`, token);
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  return { exports: mod.exports, script, file, token, cache: cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'none' };
}

/** The bundle's exports ({ main, runJob }), once per thread; undefined when dist/bundle is missing. */
function load() {
  if (loaded) return loaded.exports;
  if (!fs.existsSync(BUNDLE)) return undefined;
  loaded = loadBundle(BUNDLE);
  return loaded.exports;
}

/** Whether this process's bundle came with its code cache: 'used', 'rejected', 'none' (tests, bench). */
function cacheState() {
  return loaded?.cache;
}

/** Write the code cache of what this process compiled (scripts/bundle.mjs, after its warm-up build). */
function saveCache(bundle = loaded) {
  if (!bundle?.token) throw new Error('no bundle loaded, or it carries no token');
  const data = bundle.script.createCachedData();
  // Written beside the target and renamed over it: an interrupted build leaves the old cache or none.
  const tmp = `${bundle.file}.cache.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(bundle.token + crcOf(data), 'latin1'), data]));
  fs.renameSync(tmp, `${bundle.file}.cache`);
}

module.exports = { load, loadBundle, cacheState, saveCache, BUNDLE };
