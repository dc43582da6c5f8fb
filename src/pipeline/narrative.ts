/**
 * The rep's Markdown narrative → checked nodes: images resolve inside data/assets or fall back
 * to their alt text with a warning pointing at the line in the deal file.
 * Parsed on every call: only the proposal declares the narrative as an input (documents/registry.ts),
 * so a build asks once per deal, and image paths must be resolved again anyway (an asset can
 * appear or vanish between builds of a long-lived process).
 */
import type { Parent, RootContent } from 'mdast';
import { parseNarrative } from '../compose/index.js';
import { resolveAsset } from '../data/assets.js';
import type { Deal } from '../data/deal-schema.js';
import { Diagnostic, InputError } from '../diagnostics.js';

export function narrativeNodes(deal: Deal, assetsDir: string): { nodes: RootContent[]; diagnostics: Diagnostic[]; assets: string[] } {
  const diagnostics: Diagnostic[] = [];
  const assets: string[] = [];
  if (!deal.body.trim()) return { nodes: [], diagnostics, assets };
  let nodes: RootContent[];
  try {
    nodes = parseNarrative(deal.body);
  } catch (e) {
    // readDeal refuses what the pre-scan sees; this is the safety net, still with a position.
    const m = /^narrative line (\d+): (.*)$/.exec((e as Error).message);
    const line = m && deal.bodyLine ? deal.bodyLine + Number(m[1]) - 1 : undefined;
    throw new InputError([new Diagnostic({ file: deal.path, line, column: 1, field: 'body', rule: 'markdown-limit', message: m?.[2] ?? (e as Error).message })]);
  }
  const visit = (parent: Parent) => {
    parent.children = (parent.children as RootContent[]).map((child) => {
      if (child.type === 'image') {
        const res = resolveAsset(assetsDir, child.url);
        if ('path' in res) {
          assets.push(res.path);
          return { ...child, url: res.path };
        }
        const line = child.position && deal.bodyLine ? deal.bodyLine + child.position.start.line - 1 : undefined;
        diagnostics.push(new Diagnostic({ file: deal.path, line, column: child.position?.start.column, field: 'body', rule: 'asset', severity: 'warning', message: `image ${res.error}; printing its description instead` }));
        return { type: 'text', value: child.alt ? `[${child.alt}]` : '' };
      }
      if ('children' in child) visit(child as Parent);
      return child;
    }) as Parent['children'];
  };
  const root = { type: 'root', children: nodes } as Parent;
  visit(root);
  return { nodes: root.children as RootContent[], diagnostics, assets: [...new Set(assets)].sort() };
}

