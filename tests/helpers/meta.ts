/** Document metadata for tests that render a tree directly through a writer. */
import type { DocMeta } from '../../src/tree/nodes.js';

export function testMeta(overrides: Partial<DocMeta> = {}): DocMeta {
  return {
    title: 't',
    locale: 'zh-CN',
    header: { left: '左', right: '右' },
    footer: { pageLabel: '第 {page} 页 / 共 {pages} 页' },
    orientation: 'portrait',
    brandColor: '#1F5A96',
    created: new Date('2026-11-20T00:00:00Z'),
    ...overrides,
  };
}
