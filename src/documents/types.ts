/**
 * A document module turns validated data into a DocumentPlan: which template, the view the
 * template reads, the custom nodes it places with {{slot "name"}}, and the writer metadata.
 * Documents know nothing of PDF versus DOCX; the pipeline composes the plan into one tree
 * (compose/) and hands that tree to every writer.
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
