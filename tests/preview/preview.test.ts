/// <reference lib="dom" />
/**
 * `dealdoc preview` in a real browser (playwright-core driving Debian's chromium) and over plain
 * HTTP: the index, a rendered page (pixels and pdf.js's text layer), DOCX beside it, live reload
 * after an edit on disk, the diagnostic overlay after an invalid edit, the changes panel, and the
 * server's limits (localhost only, read-only, no traversal, everything escaped).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BIN, copyProject } from '../helpers/cli.js';
import { CHROMIUM, need } from '../helpers/prereqs.js';

const HOSTILE_TITLE = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&`;
const TITLE = '华新精密 SMT 产线 3D AOI 升级建议书';
const squash = (s: string) => s.replace(/\s+/g, '');

let proj: string;
let server: ChildProcess;
let base: string;
let port: number;
let browser: Browser;
let page: Page;
let serverLog = '';

function hostileDeal(): string {
  const text = readFileSync(join(proj, 'data/deals/qichen-burnin-2027.md'), 'utf8');
  return text.replace(/^id: .*$/m, 'id: hostile-2027').replace(/^title: .*$/m, `title: '${HOSTILE_TITLE.replace(/'/g, "''")}'`);
}

beforeAll(async () => {
  need('chromium');
  proj = copyProject();
  // Start from the examples the global setup built, so the server's first build is a no-op.
  cpSync(inject('examples').out, join(proj, 'out'), { recursive: true });
  writeFileSync(join(proj, 'data/deals/hostile-2027.md'), hostileDeal());
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: proj });
  git('init', '-q');
  git('add', 'data');
  git('commit', '-qm', 'v1');

  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
  delete env.SOURCE_DATE_EPOCH;
  server = spawn(process.execPath, [BIN, 'preview', '--port', '0'], { cwd: proj, env, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`preview did not start:\n${serverLog}`)), 60_000);
    const onData = (b: Buffer) => {
      serverLog += b.toString();
      const m = /dealdoc preview: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serverLog);
      if (m) {
        clearTimeout(timer);
        done(m[1]);
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.on('exit', (code) => fail(new Error(`preview exited ${code}:\n${serverLog}`)));
  });
  port = Number(new URL(base).port);
  // launch() runs chromium with a fresh temporary profile (playwright refuses --user-data-dir here).
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => void d.dismiss());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (proj) rmSync(proj, { recursive: true, force: true });
});

/** A raw HTTP request (no URL normalisation), with any Host header and method. */
function raw(path: string, opts: { method?: string; host?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: opts.host ?? `127.0.0.1:${port}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Poll until `check` holds (the server rebuilds in the background). */
async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out; server log:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('dealdoc preview in a browser', () => {
  it('lists every document with its state and file links', async () => {
    await page.goto(base);
    const text = await page.locator('main').innerText();
    for (const id of ['huaxin-aoi-2026', 'penang-xray-2026', 'qichen-burnin-2027', 'ruisheng-ict-2027', 'hostile-2027']) expect(text).toContain(id);
    expect(text).toContain(TITLE);
    expect(text).toContain('2026-10');
    expect(text).toContain('up to date');
    const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/out/huaxin-aoi-2026/proposal.pdf');
    expect(hrefs).toContain('/out/huaxin-aoi-2026/proposal.docx');
    expect(hrefs).toContain('/out/receivables/2026-10/provision-report.xlsx');
    // The hostile title is text, not markup.
    expect(text).toContain(HOSTILE_TITLE);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const pdf = await raw('/out/huaxin-aoi-2026/proposal.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('renders the proposal with pdf.js (pixels and text layer) and the DOCX beside it', async () => {
    await page.goto(`${base}doc/huaxin-aoi-2026/proposal`);
    await page.waitForSelector('body[data-rendered]', { timeout: 20_000 });
    expect(squash(await page.locator('#pdf .textLayer').first().innerText())).toContain(squash(TITLE));
    const png = PNG.sync.read(await page.locator('#pdf .page canvas').first().screenshot());
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] + png.data[i + 1] + png.data[i + 2] < 384) dark++;
    expect(dark / (png.width * png.height)).toBeGreaterThan(0.01);
    await page.waitForSelector('body[data-docx-rendered]', { timeout: 20_000 });
    expect(squash(await page.locator('#docx').innerText())).toContain(squash(TITLE));
    expect(await page.locator('#changes').innerText()).toMatch(/没有变化|No customer-facing/);
  });

  it('keeps the scroll position across a reload', async () => {
    await page.locator('#pdf').evaluate((el) => (el.scrollTop = 1500));
    await page.waitForTimeout(50);
    await page.reload();
    await page.waitForSelector('body[data-rendered]', { timeout: 20_000 });
    expect(await page.locator('#pdf').evaluate((el) => el.scrollTop)).toBeGreaterThan(1400);
  });

  it('reloads the document after an edit on disk, and shows it in the changes panel', async () => {
    const file = join(proj, 'data/deals/huaxin-aoi-2026.md');
    const before = await page.evaluate(() => document.body.dataset.rendered);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`title: ${TITLE}`, 'title: 华新精密 AOI 升级建议书（修订版）').replace('discount: 0.05', 'discount: 0.07'));
    await page.waitForFunction((b) => document.body.dataset.rendered && document.body.dataset.rendered !== b, before, { timeout: 20_000 });
    expect(squash(await page.locator('#pdf .textLayer').first().innerText())).toContain('华新精密AOI升级建议书（修订版）');
    await page.waitForFunction(() => document.getElementById('changes')!.textContent!.includes('KS-3D-AOI-500'), undefined, { timeout: 10_000 });
    expect(await page.locator('#changes').innerText()).toContain('含税总价 −¥26,103.00');
    expect(await page.locator('#status').innerText()).toBe('up to date');
  });

  it('shows an invalid edit as path:line:col: message over the last good document', async () => {
    const file = join(proj, 'data/deals/huaxin-aoi-2026.md');
    const good = readFileSync(file, 'utf8');
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.trim() === 'qty: 3') + 1;
    writeFileSync(file, good.replace('qty: 3', 'qty: -3'));
    await page.waitForSelector('#overlay:not([hidden])', { timeout: 20_000 });
    const overlay = await page.locator('#overlay').innerText();
    expect(overlay).toMatch(new RegExp(`data/deals/huaxin-aoi-2026\\.md:${at}:\\d+: must be greater than 0`));
    expect(await page.locator('#status').innerText()).toBe('invalid');
    // The last good document stays underneath.
    expect(squash(await page.locator('#pdf .textLayer').first().innerText())).toContain('华新精密AOI升级建议书（修订版）');
    writeFileSync(file, good);
    await page.waitForSelector('#overlay[hidden]', { state: 'attached', timeout: 20_000 });
  });
});

describe('dealdoc preview over HTTP', () => {
  it('answers only to localhost Host headers and only to GET/HEAD', async () => {
    expect((await raw('/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await raw('/', { host: `attacker.test:${port}` })).status).toBe(403);
    expect((await raw('/', { host: `localhost:${port}` })).status).toBe(200);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) expect((await raw('/', { method })).status).toBe(405);
    const head = await raw('/out/huaxin-aoi-2026/proposal.pdf', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it('serves nothing outside out/ and the fixed assets', async () => {
    writeFileSync(join(proj, 'out', 'secret.pdf'), '%PDF- not written by dealdoc');
    for (const path of [
      '/out/../dealdoc.config.yaml',
      '/out/..%2fdealdoc.config.yaml',
      '/out/..%2F..%2F..%2Fetc%2Fpasswd',
      '/out/%2e%2e/dealdoc.config.yaml',
      '/out/huaxin-aoi-2026%2f..%2f..%2fdata%2fdeals%2fhuaxin-aoi-2026.md',
      '/out/.dealdoc/manifest.json',
      '/out/secret.pdf',
      '/out/huaxin-aoi-2026/proposal.pdf%00.md',
      '/out/huaxin-aoi-2026\\..\\..\\dealdoc.config.yaml',
      '/_/../package.json',
      '/_/pdfjs/../../package.json',
      '/_/%2e%2e%2fpackage.json',
      '/data/deals/huaxin-aoi-2026.md',
      '/doc/..%2f..%2fdealdoc.config.yaml',
    ]) {
      const r = await raw(path);
      expect([400, 404], path).toContain(r.status);
      expect(r.body.toString(), path).not.toMatch(/company|provisioning|root:|%PDF-|"jobs"/);
    }
    // A symlink planted over a listed output cannot lead outside out/.
    const listed = join(proj, 'out/penang-xray-2026/swot-brief.docx');
    unlinkSync(listed);
    symlinkSync(join(proj, 'dealdoc.config.yaml'), listed);
    expect((await raw('/out/penang-xray-2026/swot-brief.docx')).status).toBe(404);
    // The fixed assets are there, with a strict policy on pages.
    expect((await raw('/_/pdfjs/pdf.worker.min.mjs')).status).toBe(200);
    const index = await raw('/');
    expect(String(index.headers['content-security-policy'])).toMatch(/default-src 'none'; script-src 'self'/);
    expect(String(index.headers['content-security-policy'])).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it('adds a new deal file to the index and drops a deleted one with its files', async () => {
    const file = join(proj, 'data/deals/extra-2027.md');
    writeFileSync(file, hostileDeal().replace('id: hostile-2027', 'id: extra-2027').replace(/^title: .*$/m, 'title: Extra deal'));
    await until(async () => (await raw('/')).body.toString().includes('Extra deal') && (await raw('/out/extra-2027/proposal.pdf')).status === 200);
    unlinkSync(file);
    await until(async () => !(await raw('/')).body.toString().includes('extra-2027') && (await raw('/out/extra-2027/proposal.pdf')).status === 404);
  });

  it('escapes a hostile deal title everywhere', async () => {
    const index = (await raw('/')).body.toString();
    expect(index).not.toContain('<script>window.__pwned');
    expect(index).not.toContain('<img src=x');
    expect(index).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;&lt;script&gt;');
    const doc = (await raw('/doc/hostile-2027/proposal')).body.toString();
    expect(doc).not.toMatch(/<img src=x|<script>window/);
    expect(doc).toContain('&lt;script&gt;window.__pwned=2&lt;/script&gt;');
    await page.goto(`${base}doc/hostile-2027/proposal`);
    await page.waitForSelector('body[data-rendered]', { timeout: 20_000 });
    expect(await page.locator('header h1').innerText()).toContain(HOSTILE_TITLE);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
