/**
 * The browser side of `dealdoc preview`, served as static files (no inline script: the pages'
 * Content-Security-Policy allows scripts from the server only). Everything from the data is put
 * into the page with textContent, never as HTML.
 */

/** The document page: pdf.js canvas + text layer, DOCX beside it, live reload, diagnostics. */
export const DOC_JS = String.raw`
import * as pdfjsLib from '/_/pdfjs/pdf.min.mjs';

pdfjsLib.GlobalWorkerOptions.workerSrc = '/_/pdfjs/pdf.worker.min.mjs';
const worker = new pdfjsLib.PDFWorker({ name: 'dealdoc' });
const body = document.body;
const id = body.dataset.doc;
const pdfUrl = body.dataset.pdf || '';
const docxUrl = body.dataset.docx || '';
const dealId = body.dataset.deal || '';
const viewer = document.getElementById('pdf');
const docxPane = document.getElementById('docx');
const overlay = document.getElementById('overlay');
const overlayText = document.getElementById('overlay-text');
const status = document.getElementById('status');
const changes = document.getElementById('changes');
const scrollKey = 'dealdoc-scroll:' + id;
const docxScrollKey = 'dealdoc-docx-scroll:' + id;
const STATES = { ok: 'up to date', rebuilding: 'rebuilding…', invalid: 'invalid' };

let wanted = body.dataset.stamp || '';
let shown = '';
let busy = false;

viewer.addEventListener('scroll', () => sessionStorage.setItem(scrollKey, String(viewer.scrollTop)), { passive: true });
docxPane.addEventListener('scroll', () => sessionStorage.setItem(docxScrollKey, String(docxPane.scrollTop)), { passive: true });

async function renderPdf(stamp) {
  const res = await fetch(pdfUrl + '?v=' + encodeURIComponent(stamp), { cache: 'no-store' });
  if (!res.ok) throw new Error('could not load ' + pdfUrl + ': HTTP ' + res.status);
  const data = new Uint8Array(await res.arrayBuffer());
  const pdf = await pdfjsLib.getDocument({ data, worker, isEvalSupported: false }).promise;
  const pages = document.createElement('div');
  pages.className = 'pages';
  const width = Math.max(200, Math.min(viewer.clientWidth - 32, 1000));
  const ratio = window.devicePixelRatio || 1;
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const scale = width / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const wrap = document.createElement('div');
    wrap.className = 'page';
    wrap.style.width = viewport.width + 'px';
    wrap.style.height = viewport.height + 'px';
    wrap.style.setProperty('--scale-factor', String(scale));
    wrap.style.setProperty('--total-scale-factor', String(scale));
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = viewport.width + 'px';
    canvas.style.height = viewport.height + 'px';
    const text = document.createElement('div');
    text.className = 'textLayer';
    wrap.append(canvas, text);
    pages.append(wrap);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
    await new pdfjsLib.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
  }
  await pdf.destroy();
  // Swap in the finished pages at the same scroll position (or the one saved before a reload).
  const top = shown ? viewer.scrollTop : Number(sessionStorage.getItem(scrollKey) || 0);
  viewer.replaceChildren(pages);
  viewer.scrollTop = top;
}

async function renderDocx(stamp) {
  if (!docxUrl) {
    docxPane.textContent = 'No DOCX for this document (built without the docx format).';
    return;
  }
  if (!window.docx || !window.JSZip) {
    docxPane.textContent = 'The DOCX viewer (docx-preview) could not be loaded.';
    return;
  }
  const res = await fetch(docxUrl + '?v=' + encodeURIComponent(stamp), { cache: 'no-store' });
  if (!res.ok) throw new Error('could not load ' + docxUrl + ': HTTP ' + res.status);
  const top = shown ? docxPane.scrollTop : Number(sessionStorage.getItem(docxScrollKey) || 0);
  const box = document.createElement('div');
  await window.docx.renderAsync(await res.blob(), box, box, { inWrapper: true, ignoreLastRenderedPageBreak: true, experimental: false });
  if (stamp !== wanted) return; // a newer version is on its way
  docxPane.replaceChildren(box);
  // Fit the Word page to the pane (docx-preview lays it out at its real width).
  const section = box.querySelector('section.docx');
  if (section && section.offsetWidth) box.style.zoom = String(Math.min(1, (docxPane.clientWidth - 24) / (section.offsetWidth + 40)));
  docxPane.scrollTop = top;
}

async function loadChanges() {
  if (!dealId) return;
  try {
    const res = await fetch('/api/changes/' + encodeURIComponent(dealId), { cache: 'no-store' });
    const data = await res.json();
    changes.textContent = data.text || data.reason || '';
  } catch (e) {
    changes.textContent = String(e);
  }
}

async function sync() {
  if (busy) return;
  busy = true;
  try {
    while (pdfUrl && wanted && wanted !== shown) {
      const stamp = wanted;
      try {
        await renderPdf(stamp);
        body.dataset.rendered = stamp;
        renderDocx(stamp).then(() => { body.dataset.docxRendered = stamp; }, (e) => { docxPane.textContent = String(e.message || e); });
        shown = stamp;
        loadChanges();
      } catch (e) {
        overlayText.textContent = String(e.message || e);
        overlay.hidden = false;
        break;
      }
    }
  } finally {
    busy = false;
  }
}

function apply(snapshot) {
  const doc = snapshot.docs.find((d) => d.id === id);
  const errors = (doc ? doc.diagnostics : []).concat(snapshot.global || []);
  status.textContent = doc ? STATES[doc.state] || doc.state : 'removed';
  status.dataset.state = doc ? doc.state : 'removed';
  if (errors.length) {
    overlayText.textContent = errors.join('\n');
    overlay.hidden = false;
  } else overlay.hidden = true;
  if (doc && doc.stamp && doc.stamp !== wanted) {
    wanted = doc.stamp;
    sync();
  }
}

const events = new EventSource('/events');
events.addEventListener('state', (e) => apply(JSON.parse(e.data)));
sync();
loadChanges();
`;

/** The index: reload when any document's state changes. */
export const INDEX_JS = String.raw`
const seq = Number(document.body.dataset.seq || 0);
let timer;
const events = new EventSource('/events');
events.addEventListener('state', (e) => {
  const s = JSON.parse(e.data);
  if (s.seq !== seq) {
    clearTimeout(timer);
    timer = setTimeout(() => location.reload(), 150);
  }
});
`;

export const PREVIEW_CSS = String.raw`
:root { --brand: #1F5FAF; font-family: system-ui, "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: #1a1a1a; }
body { margin: 0; }
header { display: flex; gap: 1em; align-items: baseline; padding: .5em 1em; background: var(--brand); color: #fff; }
header a { color: #fff; }
header h1 { font-size: 1.1em; margin: 0; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.badge { font-size: .85em; padding: .1em .5em; border-radius: .8em; background: #e6f4ea; color: #1e6b34; }
.badge[data-state=rebuilding] { background: #fff4d6; color: #7a5900; }
.badge[data-state=invalid], .badge[data-state=removed] { background: #fde7e7; color: #a11; }
main.index { padding: 1em 2em; max-width: 70em; }
main.index table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
main.index th, main.index td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #ddd; vertical-align: top; }
main.index pre, .errors { color: #a11; white-space: pre-wrap; margin: .3em 0; }
.files a { margin-right: .8em; }
.layout { display: flex; height: calc(100vh - 2.6em); }
#pdf { flex: 3; overflow: auto; background: #525659; position: relative; }
.side { flex: 2; display: flex; flex-direction: column; border-left: 1px solid #ccc; min-width: 0; }
details.changes { padding: .4em .8em; border-bottom: 1px solid #ccc; max-height: 35vh; overflow: auto; }
details.changes pre { white-space: pre-wrap; font-size: .85em; margin: .3em 0; }
#docx { flex: 1; overflow: auto; background: #f3f3f3; padding: .5em; }
#docx .docx-wrapper { align-items: flex-start; padding: 10px; }
.pages { padding: 16px; display: flex; flex-direction: column; align-items: center; gap: 16px; }
.page { position: relative; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.4); }
.page canvas { display: block; }
#overlay { position: fixed; left: 1em; right: 1em; top: 3.5em; max-height: 50vh; overflow: auto; z-index: 10; background: rgba(255,255,255,.96); border: 2px solid #c22; border-radius: 6px; padding: .6em 1em; box-shadow: 0 2px 12px rgba(0,0,0,.3); }
#overlay h2 { margin: 0 0 .3em; font-size: 1em; color: #c22; }
#overlay pre { margin: 0; white-space: pre-wrap; font-size: .9em; }
#overlay[hidden] { display: none; }
/* pdf.js text layer (from pdfjs-dist's pdf_viewer.css, the rules the text layer needs) */
.textLayer { position: absolute; text-align: initial; inset: 0; overflow: clip; opacity: 1; line-height: 1; text-size-adjust: none; forced-color-adjust: none; transform-origin: 0 0; z-index: 0;
  --min-font-size: 1; --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size)); --min-font-size-inv: calc(1 / var(--min-font-size)); }
.textLayer :is(span, br) { color: transparent; position: absolute; white-space: pre; cursor: text; transform-origin: 0% 0%; }
.textLayer > :not(.markedContent), .textLayer .markedContent span:not(.markedContent) { z-index: 1; --font-height: 0; font-size: calc(var(--text-scale-factor) * var(--font-height)); --scale-x: 1; --rotate: 0deg; transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv)); }
.textLayer .markedContent { display: contents; }
.textLayer ::selection { background: rgba(0, 0, 255, .25); }
.textLayer br::selection { background: transparent; }
.textLayer .endOfContent { display: block; position: absolute; inset: 100% 0 0; z-index: 0; cursor: default; user-select: none; }
`;
