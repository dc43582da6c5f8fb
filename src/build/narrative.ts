/**
 * The rep's Markdown narrative → checked nodes: images resolve inside data/assets or fall back
 * to their alt text with a warning pointing at the line in the deal file.
 */
import type { Parent, RootContent } from 'mdast';
import { parseNarrative } from '../compose/index.js';
import { resolveAsset } from '../data/assets.js';
import type { Deal } from '../data/deal-schema.js';
import { Diagnostic } from '../diagnostics.js';

export function narrativeNodes(deal: Deal, assetsDir: string): { nodes: RootContent[]; diagnostics: Diagnostic[]; assets: string[] } {
  const diagnostics: Diagnostic[] = [];
  const assets: string[] = [];
  if (!deal.body.trim()) return { nodes: [], diagnostics, assets };
  const nodes = parseNarrative(deal.body);
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
