/**
 * The warm half of `dealdoc preview`: one process that keeps config, templates, fonts and
 * writers loaded, watches the inputs, rebuilds only what an edit affects (an edited deal file →
 * that deal, in this thread; anything else → an incremental build) and tells the pages about
 * every state change. It uses build() as `dealdoc build` does, so out/ and its manifest stay
 * exactly what a build would leave.
 */
import { watch as chokidarWatch, type FSWatcher } from 'chokidar';
import { existsSync } from 'node:fs';
import { basename, extname, join, resolve, sep } from 'node:path';
import { build, type BuildRequest, type BuildSummary } from '../pipeline/build.js';
import { resetContexts, createContext } from '../pipeline/context.js';
import { discoverDeals, displayPath, DEAL_FILE } from '../pipeline/deals.js';
import { readManifest } from '../pipeline/manifest.js';
import { BUILTIN_TEMPLATES } from '../compose/templates.js';
import { watchStatus } from '../cli/watch.js';
import type { Diagnostic } from '../diagnostics.js';
import { dealDocumentTypes } from '../documents/registry.js';

export type DocState = 'ok' | 'rebuilding' | 'invalid';

export interface DocEntry {
  /** Job id: `<deal>/<document>` or `receivables/<month>/provision-report`. */
  id: string;
  kind: 'deal' | 'report';
  doc: string;
  dealId?: string;
  /** The deal's title (deal documents). */
  title?: string;
  /** Report folder under receivables/ (a month `YYYY-MM` or a date). */
  period?: string;
  /** Absolute path of the deal file (deal documents). */
  source?: string;
  /** Output paths relative to out/, sorted by format. */
  files: string[];
  /** sha256 of the PDF as last written (changes → pages reload). */
  stamp: string;
  state: DocState;
  /** `path:line:col: message` lines for this document's source. */
  diagnostics: string[];
}

export interface PreviewSnapshot {
  seq: number;
  docs: DocEntry[];
  /** Errors not tied to one deal file (config, ledger, templates). */
  global: string[];
}

export interface PreviewServiceOptions {
  request: BuildRequest;
  configPath: string;
  /** Quiet period after a change before rebuilding (editors write in bursts). */
  debounceMs?: number;
  log?: (line: string) => void;
}

const FORMAT_ORDER = ['pdf', 'docx', 'xlsx'];

export class PreviewService {
  readonly outDir: string;
  readonly dataDir: string;
  private docs = new Map<string, DocEntry>();
  /** Error lines per deal file (absolute path). */
  private fileErrors = new Map<string, string[]>();
  private global: string[] = [];
  private titles = new Map<string, { key: string; title?: string; dealId?: string }>();
  private seq = 0;
  private listeners = new Set<(s: PreviewSnapshot) => void>();
  private watcher?: FSWatcher;
  private pendingFiles = new Set<string>();
  private pendingFull = false;
  private pendingReset = false;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private closed = false;

  constructor(private readonly opts: PreviewServiceOptions) {
    this.outDir = resolve(opts.request.outDir);
    this.dataDir = resolve(opts.request.dataDir);
  }

  snapshot(): PreviewSnapshot {
    const docs = [...this.docs.values()].sort((a, b) => a.id.localeCompare(b.id));
    return { seq: this.seq, docs, global: this.global };
  }

  doc(id: string): DocEntry | undefined {
    return this.docs.get(id);
  }

  /** Every output file dealdoc wrote (relative to out/), for the file route's allow-list. */
  isServedFile(rel: string): boolean {
    for (const d of this.docs.values()) if (d.files.includes(rel)) return true;
    return false;
  }

  subscribe(fn: (s: PreviewSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private publish(): void {
    this.seq++;
    const s = this.snapshot();
    for (const fn of this.listeners) fn(s);
  }

  /** First build, warm-up, then watch. */
  async start(): Promise<BuildSummary> {
    const summary = await this.runBuild(undefined);
    await this.warmUp();
    const targets = [this.dataDir, BUILTIN_TEMPLATES, resolve(this.opts.configPath)];
    const ctx = createContext(this.buildOptions()).ctx;
    for (const dir of ctx?.templates.dirs ?? []) if (!targets.includes(dir)) targets.push(dir);
    // Dot-files (editor swap files, .git) are ignored below the watched folders — not above them,
    // so a project inside a hidden folder still works.
    const roots = targets.map((t) => resolve(t));
    const hidden = (p: string) => {
      const root = roots.find((r) => p === r || p.startsWith(r + sep));
      return root !== undefined && p.slice(root.length).split(sep).some((seg) => seg.startsWith('.'));
    };
    this.watcher = chokidarWatch(targets, {
      ignoreInitial: true,
      ignored: (p: string) => p === this.outDir || p.startsWith(this.outDir + sep) || hidden(resolve(p)),
    });
    this.watcher.on('all', (event, path) => {
      if (process.env.DEALDOC_PREVIEW_DEBUG) this.opts.log?.(`watch: ${event} ${path}`);
      this.changed(resolve(path));
    });
    await new Promise<void>((done) => this.watcher!.once('ready', () => done()));
    return summary;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.watcher?.close();
    await this.running;
  }

  private buildOptions() {
    const r = this.opts.request;
    return { dataDir: r.dataDir, outDir: r.outDir, configPath: r.configPath, formats: r.formats, asOf: r.asOf, only: r.only, env: undefined };
  }

  /** A path changed on disk: queue what it affects. */
  changed(path: string): void {
    if (this.closed) return;
    const dealsDir = join(this.dataDir, 'deals');
    if (path.startsWith(dealsDir + sep) && DEAL_FILE.test(path) && !this.opts.request.only?.length && !this.opts.request.asOf) {
      this.pendingFiles.add(path);
      for (const d of this.docs.values()) if (d.source === path && d.state !== 'invalid') d.state = 'rebuilding';
    } else {
      this.pendingFull = true;
      if (path === resolve(this.opts.configPath) || !path.startsWith(this.dataDir + sep)) this.pendingReset = true;
      for (const d of this.docs.values()) if (d.state === 'ok') d.state = 'rebuilding';
    }
    this.publish();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, this.opts.debounceMs ?? 25);
  }

  private async drain(): Promise<void> {
    if (this.running) return; // the running loop picks the queue up
    this.running = (async () => {
      while (this.pendingFull || this.pendingFiles.size) {
        if (this.closed) break;
        const full = this.pendingFull;
        const files = [...this.pendingFiles];
        this.pendingFull = false;
        this.pendingFiles.clear();
        const reset = this.pendingReset;
        if (reset) {
          this.pendingReset = false;
          resetContexts();
        }
        try {
          if (full) await this.runBuild(undefined);
          else await this.runBuild(files);
          // Config or templates changed: compile the single-deal contexts again, in the background.
          if (reset) void this.warmContexts();
        } catch (e) {
          this.global = [`dealdoc: ${(e as Error).message}`];
          this.publish();
        }
      }
    })();
    await this.running;
    this.running = undefined;
  }

  /** Run build() for everything (files undefined) or for the deals in these files. */
  private async runBuild(files: string[] | undefined): Promise<BuildSummary> {
    const started = performance.now();
    let request: BuildRequest = this.opts.request;
    if (files) {
      // A deal whose id we know is rebuilt alone; a new, renamed or deleted file needs a full plan.
      const ids: string[] = [];
      const ctx = createContext(this.buildOptions()).ctx;
      const { readDeal } = await import('../data/deals/read.js');
      for (const f of files) {
        const known = [...this.docs.values()].find((d) => d.source === f && d.dealId);
        if (!known || !existsSync(f)) return this.runBuild(undefined);
        // Same arguments as the planner's read, so the parse is shared (readDeal memoises it).
        const read = await readDeal(f, displayPath(f), { defaultLocale: ctx?.config.locale ?? 'zh-CN', fonts: ctx?.fonts });
        if (read.deal && read.deal.id !== known.dealId) return this.runBuild(undefined);
        ids.push(known.dealId!);
      }
      request = { ...request, only: [...new Set(ids)] };
    }
    const summary = await build(request, {
      done: (result) => {
        if (process.env.DEALDOC_PREVIEW_DEBUG) this.opts.log?.(`job ${result.id}: ${result.ms} ms, published ${Math.round(performance.now() - started)} ms after the build started`);
        // Publish each document as soon as its files are on disk (the proposal before the brief).
        const entry = this.docs.get(result.id);
        if (!entry || !result.ok) return;
        const pdf = result.outputs.find((o) => o.path.endsWith('.pdf'));
        if (pdf) entry.stamp = pdf.sha256;
        entry.state = 'ok';
        entry.diagnostics = [];
        if (entry.source) this.fileErrors.delete(entry.source);
        this.publish();
      },
    });
    await this.refresh(summary, files);
    const ms = Math.round(performance.now() - started);
    // Same words as `watch`: an invalid input is "not rebuilt", never "up to date".
    this.opts.log?.(`[${new Date().toLocaleTimeString('en-GB')}] ${watchStatus(summary)} in ${ms} ms`);
    for (const d of summary.diagnostics) this.opts.log?.(d.format());
    return summary;
  }

  /** Rebuild the document list from the manifest and the build's diagnostics. */
  private async refresh(summary: BuildSummary, files: string[] | undefined): Promise<void> {
    const errorsByFile = new Map<string, string[]>();
    const global: string[] = [];
    const dealFiles = await discoverDeals(this.dataDir);
    const byShown = new Map(dealFiles.map((f) => [displayPath(f), resolve(f)]));
    for (const d of summary.diagnostics as Diagnostic[]) {
      if (d.severity !== 'error' || d.ruleId === 'only') continue;
      const file = byShown.get(String(d.file));
      if (file) errorsByFile.set(file, [...(errorsByFile.get(file) ?? []), d.format()]);
      else global.push(d.format());
    }
    if (files) {
      for (const f of files) this.fileErrors.delete(f);
      for (const [f, e] of errorsByFile) this.fileErrors.set(f, e);
    } else {
      this.fileErrors = errorsByFile;
      this.global = global;
    }

    const { manifest } = await readManifest(this.outDir);
    const next = new Map<string, DocEntry>();
    for (const [id, record] of Object.entries(manifest.jobs)) {
      const files = Object.keys(record.outputs).sort((a, b) => FORMAT_ORDER.indexOf(extname(a).slice(1)) - FORMAT_ORDER.indexOf(extname(b).slice(1)));
      const pdf = files.find((f) => f.endsWith('.pdf'));
      const stamp = record.outputs[pdf ?? files[0] ?? '']?.sha256 ?? '';
      const doc = basename(files[0] ?? id).replace(/\.[^.]+$/, '');
      if (record.kind === 'deal') {
        const source = record.source ? join(this.dataDir, record.source) : undefined;
        const diagnostics = source ? (this.fileErrors.get(source) ?? []) : [];
        next.set(id, { id, kind: 'deal', doc, dealId: record.dealId, title: source ? await this.titleOf(source) : undefined, source, files, stamp, state: diagnostics.length ? 'invalid' : 'ok', diagnostics });
      } else {
        const period = files[0]?.split('/')[1] ?? id;
        next.set(id, { id, kind: 'report', doc, period, files, stamp, state: 'ok', diagnostics: [] });
      }
    }
    // A deal file that has never built shows as invalid, under its file name.
    for (const [file, diagnostics] of this.fileErrors) {
      if ([...next.values()].some((d) => d.source === file)) continue;
      const stem = basename(file).replace(/\.[^.]+$/, '');
      const doc = dealDocumentTypes()[0]?.id ?? 'document';
      next.set(`${stem}/${doc}`, { id: `${stem}/${doc}`, kind: 'deal', doc, dealId: stem, source: file, files: [], stamp: '', state: 'invalid', diagnostics });
    }
    // Files still queued keep showing "rebuilding".
    for (const d of next.values()) if (d.source && this.pendingFiles.has(d.source) && d.state === 'ok') d.state = 'rebuilding';
    if (this.pendingFull) for (const d of next.values()) if (d.state === 'ok') d.state = 'rebuilding';
    this.docs = next;
    this.publish();
  }

  /** The deal's title for the index (parsed once per file version, like the build does). */
  private async titleOf(file: string): Promise<string | undefined> {
    const { stat } = await import('node:fs/promises');
    const info = await stat(file).catch(() => undefined);
    if (!info) return undefined;
    const key = `${info.size}:${info.mtimeMs}`;
    const hit = this.titles.get(file);
    if (hit?.key === key) return hit.title;
    const ctx = createContext(this.buildOptions()).ctx;
    const { readDeal } = await import('../data/deals/read.js');
    const r = await readDeal(file, displayPath(file), { defaultLocale: ctx?.config.locale ?? 'zh-CN', checkGlyphs: false });
    const title = r.deal?.title ?? hit?.title;
    this.titles.set(file, { key, title, dealId: r.deal?.id });
    return title;
  }

  /**
   * Load the renderers, fonts and templates now (a proposal rendered in memory, not written),
   * so the first edit costs what every later one does.
   */
  private async warmUp(): Promise<void> {
    const first = [...this.docs.values()].find((d) => d.kind === 'deal' && d.state === 'ok' && d.source && d.dealId);
    if (!first) return;
    try {
      const options = { ...this.buildOptions(), only: [first.dealId!] };
      const ctx = createContext(options).ctx;
      if (!ctx) return;
      const { readDeal } = await import('../data/deals/read.js');
      const { planDealDocument } = await import('../pipeline/deal-documents.js');
      const { composePlan, renderTree } = await import('../pipeline/render.js');
      const read = await readDeal(first.source!, displayPath(first.source!), { defaultLocale: ctx.config.locale, fonts: ctx.fonts });
      if (!read.deal) return;
      // Planning is read-only: it warms the code hash, template hashes and the parsed ledger.
      const { planBuild } = await import('../pipeline/plan.js');
      await planBuild(ctx, (await readManifest(this.outDir)).manifest, { only: [first.dealId!] });
      for (const doc of dealDocumentTypes()) {
        const planned = await planDealDocument(doc, read.deal, ctx);
        const tree = composePlan(planned.plan, ctx);
        for (const f of ctx.options.formats) if (f !== 'xlsx') await renderTree(tree, planned.plan, f, ctx);
      }
    } catch {
      // Warm-up is an optimisation only.
    }
    void this.warmContexts();
  }

  /**
   * A single-deal build uses its own cached context (build() keys contexts by options): compile
   * each deal's templates in the background, one deal at a time, so its first edit is warm too.
   */
  private async warmContexts(): Promise<void> {
    const ids = [...new Set([...this.docs.values()].map((d) => d.dealId).filter((x): x is string => Boolean(x)))];
    for (const id of ids) {
      if (this.closed) return;
      await new Promise((r) => setTimeout(r, 5));
      if (this.running || this.timer) continue;
      const ctx = createContext({ ...this.buildOptions(), only: [id] }).ctx;
      if (!ctx) return;
      for (const name of dealDocumentTypes().map((d) => d.template))
        for (const locale of ['zh-CN', 'en'] as const) {
          try {
            ctx.templates.render(name, locale, {});
          } catch {
            // Compiled and cached before the empty view fails; that is all we want.
          }
        }
    }
  }
}
