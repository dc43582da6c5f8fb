/**
 * The HTTP side of `dealdoc preview` (node:http): read-only (GET/HEAD), bound to 127.0.0.1,
 * answering only requests addressed to localhost (DNS rebinding), serving only files dealdoc
 * wrote into out/ (listed in its manifest, resolved inside out/ after symlinks) and a fixed list
 * of static assets. Every page carries a strict Content-Security-Policy.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, sep } from 'node:path';
import { asset } from './assets.js';
import { documentPage, indexPage } from './pages.js';
import type { PreviewService, PreviewSnapshot } from './service.js';

export interface ChangesProvider {
  (dealId: string): Promise<{ text?: string; reason?: string }>;
}

const BASE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; worker-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** The index allows only our stylesheet. */
const INDEX_CSP = `${BASE_CSP}; style-src 'self'`;
/** docx-preview writes the document's styles into <style> elements, which needs inline styles (never scripts). */
const DOC_CSP = `${BASE_CSP}; style-src 'self' 'unsafe-inline'`;

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface PreviewServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Split a URL path into decoded segments; undefined for anything that could step outside. */
function safeSegments(pathname: string): string[] | undefined {
  const raw = pathname.split('/').slice(1);
  const out: string[] = [];
  for (const r of raw) {
    let s: string;
    try {
      s = decodeURIComponent(r);
    } catch {
      return undefined;
    }
    if (s === '' || s === '.' || s === '..' || /[/\\\0]/.test(s) || s.startsWith('.')) return undefined;
    out.push(s);
  }
  return out;
}

export async function startServer(service: PreviewService, opts: { port: number; changes: ChangesProvider }): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();

  const send = (res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(bytes.length), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store', ...extra });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
  const text = (res: ServerResponse, req: IncomingMessage, status: number, message: string, extra: Record<string, string> = {}) =>
    send(res, req, status, 'text/plain; charset=utf-8', message + '\n', { 'Content-Security-Policy': "default-src 'none'", ...extra });

  const serveOutFile = async (req: IncomingMessage, res: ServerResponse, segments: string[]) => {
    const rel = segments.join('/');
    // Only files dealdoc wrote and lists in its manifest, of a document format.
    const ext = rel.slice(rel.lastIndexOf('.') + 1);
    if (!TYPES[ext] || !service.isServedFile(rel)) return text(res, req, 404, 'not found');
    let real: string;
    try {
      const root = await realpath(service.outDir);
      real = await realpath(join(service.outDir, ...segments));
      if (!real.startsWith(root + sep)) return text(res, req, 404, 'not found');
    } catch {
      return text(res, req, 404, 'not found');
    }
    const info = await stat(real).catch(() => undefined);
    if (!info?.isFile()) return text(res, req, 404, 'not found');
    const name = segments.at(-1) ?? '';
    res.writeHead(200, {
      'Content-Type': TYPES[ext],
      'Content-Length': String(info.size),
      // PDFs open in the browser's viewer (a CSP sandbox would block it); Word and Excel files download.
      'Content-Disposition': `${ext === 'pdf' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(real).on('error', () => res.destroy()).pipe(res);
  };

  const events = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'keep-alive' });
    if (req.method === 'HEAD') return res.end();
    const push = (s: PreviewSnapshot) => res.write(`event: state\ndata: ${JSON.stringify(s)}\n\n`);
    push(service.snapshot());
    clients.add(res);
    const unsubscribe = service.subscribe(push);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      unsubscribe();
      clients.delete(res);
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return text(res, req, 405, 'method not allowed (the preview is read-only)', { Allow: 'GET, HEAD' });
    // DNS rebinding: a page on another site that resolves its name to 127.0.0.1 sends its own Host.
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) return text(res, req, 403, 'forbidden: the preview answers only to localhost');
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      return text(res, req, 400, 'bad request');
    }
    if (req.url?.includes('\\')) return text(res, req, 400, 'bad request');
    if (pathname === '/favicon.ico') return send(res, req, 204, 'text/plain', '');
    if (pathname === '/') return send(res, req, 200, 'text/html; charset=utf-8', indexPage(service.snapshot()), { 'Content-Security-Policy': INDEX_CSP });
    const segments = safeSegments(pathname);
    if (!segments) return text(res, req, 400, 'bad path');
    const [head, ...rest] = segments;
    if (head === 'events' && rest.length === 0) return events(req, res);
    if (head === '_') {
      const a = asset(rest.join('/'));
      if (!a) return text(res, req, 404, 'not found');
      return send(res, req, 200, a.type, a.body, { 'Content-Security-Policy': "default-src 'none'", 'Cache-Control': 'no-cache' });
    }
    if (head === 'out') return serveOutFile(req, res, rest);
    if (head === 'doc') {
      const d = service.doc(rest.join('/'));
      if (!d) return text(res, req, 404, 'no such document');
      return send(res, req, 200, 'text/html; charset=utf-8', documentPage(d, service.snapshot()), { 'Content-Security-Policy': DOC_CSP });
    }
    if (head === 'api' && rest[0] === 'changes' && rest.length === 2 && rest[1] !== undefined) {
      const result = await opts.changes(rest[1]);
      return send(res, req, 200, 'application/json; charset=utf-8', JSON.stringify(result), { 'Content-Security-Policy': "default-src 'none'" });
    }
    return text(res, req, 404, 'not found');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) text(res, req, 500, `internal error: ${(e as Error).message}`);
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      for (const c of clients) c.end();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
    },
  };
}
