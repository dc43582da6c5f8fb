/** The two languages dealdoc writes documents in. Every layer above (the tree, documents, writers) uses this one type. */
export type Locale = 'zh-CN' | 'en';
