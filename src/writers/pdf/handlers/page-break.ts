import type { PageBreak } from '../../../tree/nodes.js';
import type { Handler } from '../state.js';

export const pageBreak: Handler<PageBreak> = (state) => state.pageBreak();
