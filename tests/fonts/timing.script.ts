/**
 * Not a test: warm proposal PDF time of one deal, in process (median of N renders after 3 warm-ups).
 *   npx tsx tests/fonts/timing.script.ts [deal-id] [runs]
 * Prints the median wall and CPU time (CPU time is steadier on a shared machine), the size, and which font files the process loaded.
 */
import { createContext } from '../../src/pipeline/context.js';
import { dealDocument, loadDeals, planDealDocument } from '../../src/pipeline/deal-documents.js';
import { composePlan, renderTree } from '../../src/pipeline/render.js';
import * as fonts from '../../src/fonts/fonts.js';

const id = process.argv[2] ?? 'huaxin-aoi-2026';
const runs = Number(process.argv[3] ?? 20);
const { ctx } = createContext({ dataDir: 'data', outDir: 'out', formats: ['pdf'] });
if (!ctx) throw new Error('no context');
const { deals } = await loadDeals(ctx);
const deal = deals.find((d) => d.id === id);
if (!deal) throw new Error(`no deal ${id}`);
const planned = await planDealDocument(dealDocument('proposal'), deal, ctx);
const tree = composePlan(planned.plan, ctx);
const times: number[] = [];
const cpu: number[] = [];
let size = 0;
for (let i = 0; i < runs + 3; i++) {
  const t = performance.now();
  const c = process.cpuUsage();
  const bytes = await renderTree(tree, planned.plan, 'pdf', ctx);
  const used = process.cpuUsage(c);
  if (i >= 3) {
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  size = bytes.length;
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const loaded = 'loadedFontFiles' in fonts ? (fonts as unknown as { loadedFontFiles(): string[] }).loadedFontFiles() : ['(not tracked)'];
console.log(JSON.stringify({ deal: id, runs, medianMs: Number(times[Math.floor(times.length / 2)].toFixed(2)), cpuMedianMs: Number(cpu[Math.floor(cpu.length / 2)].toFixed(2)), minMs: Number(times[0].toFixed(2)), size, loaded }));
