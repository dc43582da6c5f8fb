// Runs the dealdoc CLI in this process, as bin/dealdoc.js does (the bundle with its code cache when
// dist/bundle exists, else dist/cli/main.js), and reports its exit code, CPU time (user + system,
// worker threads included: getrusage covers every thread of the process) and peak RSS on the last
// line of stderr, so the benchmark needs no external `time` tool.
import loader from '../bin/bundle-loader.cjs';

const started = performance.now();
const { main } = loader.load() ?? (await import('../dist/cli/main.js'));
const code = await main(process.argv.slice(2));
const ms = performance.now() - started;
const usage = process.resourceUsage();
process.stderr.write(`\n@@bench ${JSON.stringify({ code, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS, codeCache: loader.cacheState() ?? 'no bundle' })}\n`);
process.exitCode = code;
