// Runs the dealdoc CLI in this process and reports its exit code, CPU time (user + system, worker
// threads included: getrusage covers every thread of the process) and peak RSS on the last line of
// stderr, so the benchmark needs no external `time` tool.
import { main } from '../dist/cli/main.js';

const started = performance.now();
const code = await main(process.argv.slice(2));
const ms = performance.now() - started;
const usage = process.resourceUsage();
process.stderr.write(`\n@@bench ${JSON.stringify({ code, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS })}\n`);
process.exitCode = code;
