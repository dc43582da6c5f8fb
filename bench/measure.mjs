// Runs the dealdoc CLI in this process and reports its exit code and peak RSS (worker threads
// included) on the last line of stderr, so the benchmark needs no external `time` tool.
import { main } from '../dist/cli/main.js';

const started = performance.now();
const code = await main(process.argv.slice(2));
const ms = performance.now() - started;
process.stderr.write(`\n@@bench ${JSON.stringify({ code, ms, maxRssKb: process.resourceUsage().maxRSS })}\n`);
process.exitCode = code;
