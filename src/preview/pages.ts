/** HTML of the preview pages. Every value from the data goes through escapeHtml. */
import type { DocEntry, PreviewSnapshot } from './service.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

/** A URL path for an output file: each segment percent-encoded. */
function fileHref(rel: string): string {
  return '/out/' + rel.split('/').map(encodeURIComponent).join('/');
}

function docHref(id: string): string {
  return '/doc/' + id.split('/').map(encodeURIComponent).join('/');
}

const STATE_LABEL: Record<string, string> = { ok: 'up to date', rebuilding: 'rebuilding…', invalid: 'invalid' };

function badge(d: DocEntry): string {
  return `<span class="badge" data-state="${escapeHtml(d.state)}">${escapeHtml(STATE_LABEL[d.state] ?? d.state)}</span>`;
}

function fileLinks(d: DocEntry): string {
  return d.files.map((f) => `<a href="${escapeHtml(fileHref(f))}">${escapeHtml(f.split('/').pop())}</a>`).join('');
}

function page(title: string, bodyAttrs: string, content: string, scripts: string[]): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/_/preview.css"></head>
<body ${bodyAttrs}>${content}
${scripts.map((s) => `<script ${s.endsWith('.mjs') || s === '/_/preview.js' || s === '/_/index.js' ? 'type="module" ' : ''}src="${escapeHtml(s)}"></script>`).join('\n')}
</body></html>
`;
}

export function indexPage(s: PreviewSnapshot): string {
  const deals = new Map<string, DocEntry[]>();
  const reports: DocEntry[] = [];
  for (const d of s.docs) {
    if (d.kind === 'report') reports.push(d);
    else deals.set(d.dealId ?? d.id, [...(deals.get(d.dealId ?? d.id) ?? []), d]);
  }
  const rows: string[] = [];
  for (const [dealId, docs] of [...deals].sort(([a], [b]) => a.localeCompare(b))) {
    const title = docs.find((d) => d.title)?.title ?? '';
    docs.forEach((d, i) => {
      rows.push(
        `<tr data-doc="${escapeHtml(d.id)}">${i === 0 ? `<td rowspan="${docs.length}"><strong>${escapeHtml(dealId)}</strong><br>${escapeHtml(title)}</td>` : ''}` +
          `<td>${d.files.length ? `<a href="${escapeHtml(docHref(d.id))}">${escapeHtml(d.doc)}</a>` : escapeHtml(d.doc)}</td><td>${badge(d)}${d.diagnostics.length ? `<pre>${escapeHtml(d.diagnostics.join('\n'))}</pre>` : ''}</td><td class="files">${fileLinks(d)}</td></tr>`,
      );
    });
  }
  const reportRows = reports
    .sort((a, b) => (b.period ?? '').localeCompare(a.period ?? ''))
    .map((d) => `<tr data-doc="${escapeHtml(d.id)}"><td>${escapeHtml(d.period)}</td><td><a href="${escapeHtml(docHref(d.id))}">${escapeHtml(d.doc)}</a></td><td>${badge(d)}</td><td class="files">${fileLinks(d)}</td></tr>`);
  const content = `<header><h1>dealdoc preview</h1></header><main class="index">
${s.global.length ? `<pre class="errors">${escapeHtml(s.global.join('\n'))}</pre>` : ''}
<h2>Deals</h2>
<table><thead><tr><th>deal</th><th>document</th><th>state</th><th>files</th></tr></thead><tbody>
${rows.join('\n') || '<tr><td colspan="4">No deal documents yet.</td></tr>'}
</tbody></table>
<h2>Receivables reports</h2>
<table><thead><tr><th>month</th><th>document</th><th>state</th><th>files</th></tr></thead><tbody>
${reportRows.join('\n') || '<tr><td colspan="4">No reports.</td></tr>'}
</tbody></table></main>`;
  return page('dealdoc preview', `data-seq="${s.seq}"`, content, ['/_/index.js']);
}

export function documentPage(d: DocEntry, s: PreviewSnapshot): string {
  const pdf = d.files.find((f) => f.endsWith('.pdf'));
  const docx = d.files.find((f) => f.endsWith('.docx'));
  const errors = [...d.diagnostics, ...s.global];
  const heading = d.kind === 'deal' ? `${d.title ?? d.dealId} — ${d.doc}` : `${d.doc} ${d.period ?? ''}`;
  const attrs = [
    `data-doc="${escapeHtml(d.id)}"`,
    `data-stamp="${escapeHtml(d.stamp)}"`,
    pdf ? `data-pdf="${escapeHtml(fileHref(pdf))}"` : '',
    docx ? `data-docx="${escapeHtml(fileHref(docx))}"` : '',
    d.dealId ? `data-deal="${escapeHtml(d.dealId)}"` : '',
  ].filter(Boolean);
  const content = `<header><a href="/">← index</a><h1>${escapeHtml(heading)}</h1><span id="status" class="badge" data-state="${escapeHtml(d.state)}">${escapeHtml(STATE_LABEL[d.state])}</span><span class="files">${fileLinks(d)}</span></header>
<div id="overlay"${errors.length ? '' : ' hidden'}><h2>This edit does not build — showing the last good version</h2><pre id="overlay-text">${escapeHtml(errors.join('\n'))}</pre></div>
<div class="layout"><div id="pdf">${pdf ? '' : '<p>No PDF for this document.</p>'}</div>
<div class="side">${d.dealId ? '<details class="changes" open><summary>Changes since last commit</summary><pre id="changes"></pre></details>' : '<pre id="changes" hidden></pre>'}
<div id="docx">DOCX loading…</div></div></div>`;
  return page(heading, attrs.join(' '), content, ['/_/jszip.min.js', '/_/docx-preview.min.js', '/_/preview.js']);
}
