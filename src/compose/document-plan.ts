/**
 * What compose takes in: a DocumentPlan — which template, the view the template reads, the
 * custom nodes it places with {{slot "name"}}, and the writer metadata. Document modules
 * (documents/) build plans; compose turns one into the document tree. The type lives with its
 * consumer so compose does not import the layer above it.
 */
import type { RootContent } from 'mdast';
import type { DocMeta, Locale } from '../tree/nodes.js';

export interface DocumentPlan {
  /** Template name: `templates/<name>.md.hbs` (a user's override folder is searched first). */
  template: string;
  locale: Locale;
  /** Data for the template. Every `{{value}}` is Markdown-escaped: it prints literally. */
  view: Record<string, unknown>;
  /** Nodes placed where the template says `{{slot "name"}}` (a block on its own line). */
  slots: Record<string, RootContent[]>;
  meta: DocMeta;
}
