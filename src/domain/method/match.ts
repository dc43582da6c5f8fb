/**
 * Does a competitor's strength or weakness speak to a purchase criterion the customer named?
 * Deterministic and explainable: both texts are normalised (Unicode width, case, punctuation),
 * reduced to keys — Latin words, CJK bigrams and topics from a small synonym list — and they
 * match when they share a key. The shared keys are returned so a reader sees why.
 */

/** Topics a rep and a customer name in different words. Terms are matched after normalisation. */
const TOPICS: readonly { topic: string; terms: readonly string[] }[] = [
  { topic: 'delivery', terms: ['交期', '交付', '交货', '货期', '到货', '供货', 'lead time', 'delivery', 'deliver', 'shipping'] },
  { topic: 'service', terms: ['服务', '响应', '售后', '维修', '到场', '驻场', '技术支持', 'service', 'technical support', 'tech support', 'field support', 'support engineer', 'response', 'maintenance', 'on site', 'onsite'] },
  { topic: 'price', terms: ['价格', '成本', '报价', '费用', '低价', '价钱', 'price', 'pricing', 'cost', 'tco', 'cheap', 'expensive'] },
  { topic: 'accuracy', terms: ['精度', '检出率', '检出', '漏检', '准确', 'accuracy', 'accurate', 'detection', 'detect', 'escape', 'precision'] },
  { topic: 'false_call', terms: ['误报', '误判', '假点', 'false call', 'false alarm', 'false reject', 'overkill'] },
  { topic: 'throughput', terms: ['节拍', '速度', '产能', '效率', 'cycle time', 'throughput', 'speed', 'uph'] },
  { topic: 'integration', terms: ['mes', '对接', '集成', '接口', 'integration', 'interface'] },
  { topic: 'reliability', terms: ['稳定', '可靠', '故障', '停机', 'reliability', 'reliable', 'stability', 'uptime', 'downtime'] },
  { topic: 'usability', terms: ['易用', '操作', '编程', 'ease of use', 'usability', 'programming', 'operator'] },
  { topic: 'training', terms: ['培训', 'training'] },
  { topic: 'spares', terms: ['备件', '耗材', '配件', 'spare', 'consumable'] },
  { topic: 'warranty', terms: ['质保', '保修', 'warranty'] },
  { topic: 'payment', terms: ['付款', '账期', '结算', 'payment terms', 'payment'] },
  { topic: 'localisation', terms: ['本地', '国产', '本土', 'local'] },
  { topic: 'reference', terms: ['案例', '口碑', '品牌', 'reference', 'brand'] },
];

/**
 * Words and bigrams too common in this trade to mean anything on their own ("支持 0201 元件" is
 * not about support; "best-in-class" is not about Class 3). Latin words shorter than three
 * letters (2d, 3d, q2) never count on their own either.
 */
const STOP = new Set([
  'the', 'and', 'for', 'with', 'are', 'our', 'their', 'they', 'than', 'less', 'more', 'within', 'per', 'not', 'high', 'low', 'from',
  'that', 'this', 'its', 'has', 'have', 'can', 'will', 'only', 'very', 'good', 'best', 'all', 'any', 'before', 'after', 'time', 'class',
  'week', 'weeks', 'day', 'days', 'hour', 'hours', 'min', 'sec', 'system', 'product', 'customer', 'strong', 'weak', 'slow', 'fast',
  '设备', '产品', '系统', '方案', '客户', '公司', '我们', '对方', '要求', '能力', '需要', '提供', '进行', '可以', '以上', '以下', '以内',
  '小时', '分钟', '不能', '没有', '比较', '较高', '较低', '很高', '很低', '一般', '支持', '现有', '测试', '数据', '检测', '问题', '工程',
]);

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9]+(?:[.-][a-z0-9]+)*/g;

/** Full-width to half-width, lower case, punctuation and symbols to single spaces, Latin set apart from CJK. */
const normalized = new Map<string, string>();

/** Memoised: matching compares every criterion with every competitor statement and synonym. */
export function normalizeText(text: string): string {
  let hit = normalized.get(text);
  if (hit === undefined) {
    if (normalized.size > 50_000) normalized.clear();
    hit = normalizeUncached(text);
    normalized.set(text, hit);
  }
  return hit;
}

function normalizeUncached(text: string): string {
  return ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .replace(/([a-z0-9])(?=[\u3400-\u9fff])|([\u3400-\u9fff])(?=[a-z0-9])/g, '$1$2 ')
    .replace(/(?<![0-9])\.|\.(?![0-9])/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

function hasTerm(normalized: string, term: string): boolean {
  const t = normalizeText(term).trim();
  if (/^[a-z0-9 ]+$/.test(t)) {
    // Latin: whole words, allowing a plural s ("services", "false calls").
    return normalized.includes(` ${t} `) || normalized.includes(` ${t}s `);
  }
  return normalized.includes(t);
}

/** The topics a text names, each with the first of its terms found in the text. */
export function topicsOf(text: string): { topic: string; term: string }[] {
  const n = normalizeText(text);
  const found: { topic: string; term: string }[] = [];
  for (const t of TOPICS) {
    const term = t.terms.find((x) => hasTerm(n, x));
    if (term !== undefined) found.push({ topic: t.topic, term });
  }
  return found;
}

/** Latin words (≥ 3 characters, not only digits) and CJK bigrams, minus stop words. */
export function keywordsOf(text: string): string[] {
  const n = normalizeText(text);
  const keys = new Set<string>();
  for (const w of n.match(LATIN_WORD) ?? []) {
    if (w.length >= 3 && /[a-z]/.test(w) && !STOP.has(w) && !STOP.has(w.replace(/s$/, ''))) keys.add(w.replace(/s$/, ''));
  }
  for (const run of n.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!STOP.has(bigram)) keys.add(bigram);
    }
  }
  return [...keys].sort();
}

export interface TextMatch {
  /** Topics both texts name, with the term each used: { topic: 'delivery', a: '交期', b: 'lead time' }. */
  topics: { topic: string; a: string; b: string }[];
  /** Keywords both texts contain, e.g. "服务", "mes". */
  keywords: string[];
  /** The shared keywords as the first text spells them, adjacent bigrams joined: "服务响应". */
  phrases: string[];
}

const bigrams = (text: string): Set<string> => {
  const out = new Set<string>();
  for (const run of normalizeText(text).match(CJK_RUN) ?? []) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  return out;
};

/**
 * The shared keywords as `a` spells them: runs of bigrams both texts contain joined back into
 * phrases ("测试" + "试覆" + … → "测试覆盖率"; stop bigrams may join a run but not make one).
 */
function sharedPhrases(a: string, b: string, keywords: ReadonlySet<string>): string[] {
  const n = normalizeText(a);
  const inB = bigrams(b);
  const out: string[] = [];
  for (const w of n.match(LATIN_WORD) ?? []) if (keywords.has(w.replace(/s$/, '')) && !out.includes(w)) out.push(w);
  for (const run of n.match(CJK_RUN) ?? []) {
    let start = -1;
    for (let i = 0; i <= run.length - 1; i++) {
      const hit = i + 2 <= run.length && inB.has(run.slice(i, i + 2));
      if (hit && start < 0) start = i;
      if (!hit && start >= 0) {
        const phrase = run.slice(start, i + 1);
        if ([...keywords].some((k) => phrase.includes(k)) && !out.includes(phrase)) out.push(phrase);
        start = -1;
      }
    }
  }
  return out;
}

/** The shared topics and keywords of two texts, or undefined when they share none. */
export function matchTexts(a: string, b: string): TextMatch | undefined {
  const tb = new Map(topicsOf(b).map((t) => [t.topic, t.term]));
  const kb = new Set(keywordsOf(b));
  const topics = topicsOf(a)
    .filter((t) => tb.has(t.topic))
    .map((t) => ({ topic: t.topic, a: t.term, b: tb.get(t.topic)! }));
  const keywords = keywordsOf(a).filter((k) => kb.has(k));
  if (topics.length === 0 && keywords.length === 0) return undefined;
  return { topics, keywords, phrases: sharedPhrases(a, b, new Set(keywords)) };
}

/** The words that made two texts match, for a reader: "交期 / lead time", "服务". */
export function matchTerms(m: TextMatch): string[] {
  const terms = m.topics.map((t) => (t.a === t.b ? t.a : `${t.a} / ${t.b}`));
  for (const p of m.phrases) if (!terms.some((t) => t.includes(p) || p.includes(t))) terms.push(p);
  return terms;
}
