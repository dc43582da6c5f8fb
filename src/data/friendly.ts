/**
 * Diagnostics for people who type deals with a Chinese input method: the commonest slips
 * (full-width ：，and full-width-space indentation) are named with their fix before the YAML
 * parser's own words, the parser's messages are translated into plain ones, enum values and
 * field names get a "did you mean", and common messages are available in Chinese (`--lang zh`).
 */
import type { z } from 'zod';
import { Diagnostic, translators, type Lang } from '../diagnostics.js';

// ---------------------------------------------------------------------------------------------
// Typing slips found in the text itself

const FIELD = '[A-Za-z_$][A-Za-z0-9_]*';
const FW_COLON_KEY = new RegExp(`^(\\s*(?:[-－]\\s*)?)(${FIELD})\\s*：`);
const FW_COLON_FLOW = new RegExp(`[{,，]\\s*(${FIELD})\\s*：`, 'g');
const FW_COMMA_FIELD = new RegExp(`，\\s*(${FIELD})\\s*[:：]`, 'g');

/**
 * Inside a flow mapping `{ … }` a comma ends a value: `{ qty: 1, unit_price: 1,234.50 }` reads
 * `unit_price: 1` and an empty key `234.50`, `{ name: Widget, 8 inch }` reads `name: Widget` and an
 * empty key `8 inch`; empty keys are then dropped, so the figure or the text would silently be
 * cut. A segment of a one-line `{ … }` with no `key:` is named with its fix. Block scalars and
 * comments are skipped; quotes and nested brackets are respected.
 */
export function scanSplitNumbers(text: string, file: string, lineOffset = 0): Diagnostic[] {
  if (!text.includes('{')) return [];
  const out: Diagnostic[] = [];
  let blockIndent = -1;
  text.split('\n').forEach((line, i) => {
    const spaces = /^ */.exec(line)![0].length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || spaces > blockIndent) return;
      blockIndent = -1;
    }
    if (/:[ \t]*[|>][0-9+-]*[ \t]*(#.*)?$/.test(line)) blockIndent = spaces;
    if (line.trimStart().startsWith('#') || !line.includes('{')) return;
    // Segments of each `{ … }` on this line: [start, end) at depth 1 inside that mapping.
    const stack: string[] = [];
    let quote = '';
    let segStart = -1;
    let prevValue = '';
    const check = (from: number, to: number) => {
      const seg = line.slice(from, to);
      const t = seg.trim();
      if (t === '' || /^["'?]/.test(t) || /:([ \t]|$)/.test(t)) {
        const v = /:[ \t]*(.*)$/.exec(t);
        prevValue = v?.[1] ?? '';
        return;
      }
      const keyOf = /([A-Za-z_][\w-]*):[ \t]*\S*$/.exec(line.slice(0, from - 1).trimEnd());
      const field = keyOf?.[1];
      const numeric = /^\d{3}(?:[.,]\d+)*$/.test(t) && /\d$/.test(prevValue);
      const whole = `${prevValue},${seg.trimEnd()}`.trim();
      out.push(
        new Diagnostic({
          file,
          line: i + 1 + lineOffset,
          column: from + seg.indexOf(t) + 1,
          rule: 'split-value',
          field,
          message: numeric
            ? `${field}: ${whole} inside { … } is cut at the comma (YAML reads ${prevValue}): quote it ("${whole}") or write it without thousands separators`
            : `"${t}" inside { … } is cut off by the comma before it (YAML reads it as an empty field): quote the whole value ("${whole}") or use "，"`,
          zh: numeric
            ? `${field}: ${whole} 写在 { … } 里会在逗号处被截断（YAML 读成 ${prevValue}）：请加引号（"${whole}"）或去掉千分位逗号`
            : `"${t}" 写在 { … } 里被前面的半角逗号截断了（YAML 把它当成一个空字段）：请给整个值加引号（"${whole}"）或改用全角逗号"，"`,
        }),
      );
    };
    for (let k = 0; k < line.length; k++) {
      const c = line[k];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"') k++;
        continue;
      }
      if ((c === '"' || c === "'") && (k === 0 || /[\s,{[:]/.test(line[k - 1] ?? ''))) {
        quote = c;
        continue;
      }
      if (c === '#' && (k === 0 || /\s/.test(line[k - 1] ?? ''))) break;
      if (c === '{' || c === '[') {
        stack.push(c);
        if (c === '{') segStart = k + 1;
        continue;
      }
      if (c === '}' || c === ']') {
        if (c === '}' && stack[stack.length - 1] === '{' && segStart >= 0) check(segStart, k);
        stack.pop();
        segStart = -1;
        continue;
      }
      if (c === ',' && stack[stack.length - 1] === '{') {
        if (segStart >= 0) check(segStart, k);
        segStart = k + 1;
      }
    }
  });
  return out;
}

/**
 * Full-width punctuation where YAML needs ASCII, line by line. `lineOffset` is added to line
 * numbers (front matter cut out of a Markdown file starts at line 2).
 */
export function scanTypingSlips(text: string, file: string, lineOffset = 0, fields?: ReadonlySet<string>): Diagnostic[] {
  if (!/[\u3000：，]/.test(text)) return [];
  const out: Diagnostic[] = [];
  const lines = text.split('\n');
  const isField = (name: string) => !fields || fields.has(name);
  // Inside a block scalar (`body: |`) anything goes: prose may say "SMT：…" or indent with U+3000.
  let blockIndent = -1;
  lines.forEach((line, i) => {
    const spaces = /^ */.exec(line)![0].length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || spaces > blockIndent) return;
      blockIndent = -1;
    }
    if (/:[ \t]*[|>][0-9+-]*[ \t]*(#.*)?$/.test(line)) blockIndent = spaces;
    const lineNo = i + 1 + lineOffset;
    const at = (column: number, rule: string, en: string, zh: string, severity: 'error' | 'warning' = 'error') =>
      out.push(new Diagnostic({ file, line: lineNo, column, rule, message: en, zh, severity }));
    const indent = /^[ \t\u3000]*/.exec(line)![0];
    if (indent.includes('\u3000') && indent.length < line.length && !line.trimStart().startsWith('#')) {
      at(
        indent.indexOf('\u3000') + 1,
        'full-width-space',
        'full-width space (U+3000, typed by the Chinese input method) used for indentation: indent with ordinary spaces',
        '用全角空格（中文输入法下的空格，U+3000）缩进了：请改用半角空格缩进',
      );
    }
    if (line.trimStart().startsWith('#')) return;
    const found = FW_COLON_KEY.exec(line);
    const key = found?.[1] !== undefined && found[2] !== undefined && isField(found[2]) ? { indent: found[1], name: found[2] } : null;
    if (key) {
      const col = line.indexOf('：', key.indent.length) + 1;
      at(
        col,
        'full-width-colon',
        `full-width colon "：" after "${key.name}": type an ASCII colon and a space ("${key.name}: …")`,
        `"${key.name}" 后面是全角冒号"："：请改成半角冒号加一个空格（"${key.name}: …"）`,
      );
    }
    for (const m of line.matchAll(FW_COLON_FLOW)) {
      if ((key && m.index! < line.indexOf('：')) || m[1] === undefined || !isField(m[1])) continue;
      at(
        line.indexOf('：', m.index!) + 1,
        'full-width-colon',
        `full-width colon "：" after "${m[1]}": type an ASCII colon and a space ("${m[1]}: …")`,
        `"${m[1]}" 后面是全角冒号"："：请改成半角冒号加一个空格（"${m[1]}: …"）`,
      );
    }
    if (/[{[]/.test(line)) {
      for (const m of line.matchAll(FW_COMMA_FIELD)) {
        if (m[1] === undefined || !isField(m[1])) continue;
        at(
          m.index! + 1,
          'full-width-comma',
          `full-width comma "，" before "${m[1]}": fields inside { } are separated by an ASCII comma ","`,
          `"${m[1]}" 前面是全角逗号"，"：{ } 里的字段之间请用半角逗号","`,
        );
      }
    }
  });
  return out;
}

/**
 * Combine slips with the parser's diagnostics: a parser error on a line that has a named slip
 * (or the lines just after it, where the parser notices) is a consequence, not news.
 */
/**
 * The text as the typist meant it: the full-width colons after field names and the U+3000
 * indentation that `scanTypingSlips` reported, typed the ASCII way. Parsing this copy lets every
 * other error of the file (an enum typo, a missing field) be reported in the same pass; the slips
 * themselves stay errors. Columns after a repaired colon on the same line shift by one.
 */
export function repairTypingSlips(text: string, slips: readonly Diagnostic[]): string {
  const fix = slips.filter((d) => d.line !== undefined && (d.ruleId === 'full-width-colon' || d.ruleId === 'full-width-space'));
  if (!fix.length) return text;
  const lines = text.split('\n');
  for (const d of fix) {
    const i = d.line! - 1;
    const line = lines[i];
    if (line === undefined) continue;
    if (d.ruleId === 'full-width-space') {
      const indent = /^[ \t\u3000]*/.exec(line)![0];
      lines[i] = indent.replace(/\u3000/g, '  ') + line.slice(indent.length);
    } else {
      const at = line.indexOf('：', Math.max(0, (d.column ?? 1) - 1 - 2));
      if (at >= 0) lines[i] = line.slice(0, at) + ': ' + line.slice(at + 1).replace(/^[ \t\u3000]+/, '');
    }
  }
  return lines.join('\n');
}

export function withTypingSlips(slips: Diagnostic[], parser: Diagnostic[]): Diagnostic[] {
  if (!slips.length) return parser;
  const lines = new Set(slips.map((d) => d.line));
  const first = Math.min(...slips.map((d) => d.line ?? Infinity));
  const near = (d: Diagnostic) => d.line !== undefined && (lines.has(d.line) || lines.has(d.line - 1) || lines.has(d.line - 2));
  // A broken indent upsets the parser until the end of its block: indentation complaints after a slip are echoes.
  const echo = (d: Diagnostic) => (d.line ?? 0) > first && /indent|same column|implicit key|this line is not "field: value"/i.test(d.reason);
  return [...slips, ...parser.filter((d) => !near(d) && !echo(d) && !/[\u3000：]/.test(d.reason))];
}

// ---------------------------------------------------------------------------------------------
// The YAML library's messages in plain words

const YAML_MESSAGES: [RegExp, string, string][] = [
  [
    /Implicit keys need to be on a single line|Implicit map keys need to be followed by map values/,
    'this line is not "field: value": check the colon after the field name (an ASCII ":" followed by a space) and the indentation',
    '这一行不是"字段: 值"的格式：检查字段名后面的冒号（半角":"加一个空格）和缩进',
  ],
  [
    /Nested mappings are not allowed in compact mappings/,
    'a value contains ": " (colon and space): put the whole value in quotes, e.g. title: "方案: 第一期"',
    '值里含有"冒号+空格"：请给整个值加上引号，例如 title: "方案: 第一期"',
  ],
  [/Map keys must be unique/, 'this field appears twice in the same block: keep one', '同一层里这个字段出现了两次：请只保留一个'],
  [/Tabs are not allowed as indentation/, 'indented with a tab: indent with spaces', '用 Tab 缩进了：请改用空格缩进'],
  [
    /All mapping items must start at the same column|must be sufficiently indented/,
    'indentation: fields of the same block must start at the same column (and a [ or { must be closed)',
    '缩进不对：同一层的字段必须从同一列开始（[ 或 { 也要闭合）',
  ],
  [/Missing closing "?quote/, 'a quoted value is not closed: add the closing quote', '引号没有闭合：请补上结尾的引号'],
  [
    /Block collections are not allowed within flow collections/,
    'inside { } or [ ]: separate entries with an ASCII comma "," and write "field: value" with an ASCII colon',
    '{ } 或 [ ] 里：条目之间用半角逗号","，字段写成"字段: 值"（半角冒号）',
  ],
  [
    /A block sequence may not be used as an implicit map key|Unexpected block-seq-ind/,
    'a list entry "- …" is not where a list can start: put it under a field ("items:") and indent it',
    '列表项"- …"的位置不对：它应该写在某个字段（如"items:"）下面并缩进',
  ],
  [/Unexpected flow-map-end|Unexpected flow-seq-end/, 'an extra closing } or ]', '多了一个 } 或 ]'],
];

/** Rewrite a diagnostic of the YAML parser in plain words (others pass through). */
export function plainYaml(d: Diagnostic): Diagnostic {
  if (d.ruleId !== 'syntax') return d;
  const found = YAML_MESSAGES.find(([re]) => re.test(d.reason));
  if (!found) return d;
  return new Diagnostic({ file: String(d.file), line: d.line ?? undefined, column: d.column ?? undefined, rule: 'syntax', field: d.field, message: `YAML syntax error: ${found[1]}`, zh: `YAML 格式错误：${found[2]}` });
}

// ---------------------------------------------------------------------------------------------
// Did you mean

/** Levenshtein distance, one row at a time (every index read is inside the rows: the `?? 0` never applies). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate within a third of the word's length (at least 2 edits), or nothing. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.trim().toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD > 0 && bestD <= Math.max(2, Math.floor(w.length / 3)) ? best : undefined;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas that can sit at `path` (through optional, default, arrays, unions, pipes). */
function objectsAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  const unwrap = (s: z.ZodType): z.ZodType[] => {
    const def = defOf(s);
    if (def.innerType) return unwrap(def.innerType);
    if (def.type === 'pipe' && def.in) return unwrap(def.in);
    if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
    return [s];
  };
  let current = unwrap(schema);
  for (const key of path) {
    current = current.flatMap((s) => {
      const def = defOf(s);
      if (typeof key === 'number' && def.type === 'array' && def.element) return unwrap(def.element);
      if (typeof key === 'string' && def.type === 'object' && def.shape?.[key]) return unwrap(def.shape[key]);
      return [];
    });
  }
  return current.filter((s) => defOf(s).type === 'object');
}

/** Every field name anywhere in `schema` (for telling a field from prose that happens to precede a colon). */
export function allFieldNames(schema: z.ZodType): Set<string> {
  const names = new Set<string>(['$schema']);
  const seen = new Set<unknown>();
  const walk = (s: z.ZodType): void => {
    if (seen.has(s)) return;
    seen.add(s);
    const def = defOf(s);
    for (const [k, v] of Object.entries(def.shape ?? {})) {
      names.add(k);
      walk(v);
    }
    for (const inner of [def.innerType, def.element, def.in, ...(def.options ?? [])]) if (inner) walk(inner);
  };
  walk(schema);
  return names;
}

/** Field names known at `path` of `schema`. */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  return [...new Set(objectsAt(schema, path).flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
}

/**
 * Add "did you mean" to schema diagnostics (one per zod issue, in the same order as
 * `zodDiagnostics` made them): enum typos and unknown field names close to a known one.
 */
export function withSuggestions(diags: Diagnostic[], issues: readonly z.core.$ZodIssue[], schema: z.ZodType, data: unknown): Diagnostic[] {
  if (diags.length !== issues.length) return diags;
  return diags.map((d, i) => {
    const issue = issues[i];
    if (!issue) return d; // as many issues as diagnostics (checked above)
    let suggestion: string | undefined;
    if (issue.code === 'invalid_value') {
      // zod drops the input from final issues; take it from the data.
      const input = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
      if (typeof input === 'string') suggestion = closest(input, issue.values.filter((v): v is string => typeof v === 'string'));
    } else if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) {
      suggestion = closest(issue.keys[0] ?? '', fieldsAt(schema, issue.path));
    }
    if (!suggestion) return d;
    return new Diagnostic({
      file: String(d.file),
      line: d.line ?? undefined,
      column: d.column ?? undefined,
      field: d.field,
      rule: d.ruleId ?? 'schema',
      severity: d.severity,
      message: `${d.reason} — did you mean "${suggestion}"?`,
      zh: `${translateZh(d.reason) ?? d.reason}——是不是想写 "${suggestion}"？`,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Chinese for the common messages

const ZH: [RegExp, string][] = [
  [/^required field is missing$/, '缺少必填字段'],
  [/^unknown fields? (.+)$/, '未知字段 $1'],
  [/^expected one of (.+), got (.+)$/, '应为以下之一：$1；实际是 $2'],
  [/^"([^]*)" is not a number$/, '"$1" 不是数字（可写 12000、12,000、¥12,000）'],
  [/^"([^]*)" is not a whole number$/, '"$1" 不是整数'],
  [/^"([^]*)" is not a valid date \(YYYY-MM-DD\)$/, '"$1" 不是有效日期（可写 2026-12-01、2026/12/1、2026年12月1日）'],
  [/^"([^]*)" is not true or false$/, '"$1" 应为 true 或 false'],
  [/^must not be empty$/, '不能为空'],
  [/^must be greater than (.+), got (.+)$/, '必须大于 $1，实际是 $2'],
  [/^must be at least (.+), got (.+)$/, '不能小于 $1，实际是 $2'],
  [/^must be at most (.+), got (.+)$/, '不能大于 $1，实际是 $2'],
  [/^must be between (.+) and (.+), got (.+)$/, '必须在 $1 到 $2 之间，实际是 $3'],
  [/^expected text$/, '应为文字'],
  [/^expected a number$/, '应为数字'],
  [/^expected a whole number$/, '应为整数'],
  [/^expected a date \(YYYY-MM-DD\)$/, '应为日期（如 2026-12-01）'],
  [/^expected true or false$/, '应为 true 或 false'],
  [/^expected a mapping of deal fields$/, '应为"字段: 值"的映射'],
  [/^at least one (.+)$/, '至少需要一个（$1）'],
  [/^at most (\d+) entries$/, '最多 $1 项'],
  [/^too long \(20,000 characters at most\)$/, '太长（最多 20,000 个字符）'],
  [/^expected a 3-letter currency code such as CNY$/, '应为三位字母的币种代码，如 CNY'],
  [/^expected zh-CN or en$/, '应为 zh-CN 或 en'],
  [/^character (.+) cannot be printed: the document font has no glyph for it$/, '字符 $1 无法打印：文档字体里没有这个字形'],
  [/^character (.+) cannot be printed: no font of the chain has a glyph for it \(add a font that has it under fonts: in the config\)$/, '字符 $1 无法打印：字体链中没有任何字体含有这个字形（可在配置的 fonts: 中加入含有它的字体）'],
  // The method's checks (validate and build).
  [/^purchase criterion "(.+)" has no response and no catalogue specification: the proposal prints it alone — write how we meet it \(response:\) or give it a catalogue key \(key:\)$/, '采购指标"$1"既没有应对（response）也没有对应的目录规格：建议书中只会列出指标本身——请写明我们如何满足（response:），或给出目录规格键（key:）'],
  [/^(.+): (.+) off the list price is below the floor \(at most (.+) without approval\): needs approval$/, '$1：比目录价低 $2，超出无需审批的最大折扣（$3）：需要审批'],
  [/^the customer has overdue receivables, but the payment terms ask only (.+) prepayment \(at least (.+) for a credit-risk customer\)$/, '客户有逾期应收账款，但付款条件只要求 $1 预付（对有信用风险的客户至少 $2）'],
  [/^SKU "(.+)" is not in the catalogue: give name and unit_price in the deal, or add the SKU to data\/catalog\.yaml$/, '型号"$1"不在产品目录中：请在交易文件中写明 name 和 unit_price，或把它加入 data/catalog.yaml'],
  [/^a quote line needs a catalogue sku, or a name and a unit_price$/, '报价行需要目录中的 sku，或者 name 加 unit_price'],
  [/^unfilled placeholder "(.+)" in a customer-facing document$/, '客户文件中仍有未填写的占位文字"$1"'],
  [/^unit price 0\.00 for "(.+)" in a customer-facing quote: give the price \(or leave the line out\)$/, '客户报价中"$1"的单价为 0.00：请填写价格（或删去这一行）'],
  [/^YAML syntax error: (.+)$/, 'YAML 格式错误：$1'],
  [/^deal files must be UTF-8 text$/, '商机文件必须是 UTF-8 编码的文本'],
  [/^a deal file must start with YAML front matter: a first line of exactly "---"$/, '商机文件必须以 YAML front matter 开头：第一行只能是 "---"'],
  [/^front matter is not closed: add a line "---" after it$/, 'front matter 没有结束：请在后面加一行 "---"'],
];

export function translateZh(message: string): string | undefined {
  const hit = ZH.find(([re]) => re.test(message));
  return hit ? message.replace(hit[0], hit[1]) : undefined;
}
translators.zh = translateZh;

/**
 * Language for diagnostics: `--lang`, else the environment's (LC_ALL, LC_MESSAGES, LANG) when it
 * names one, else the config's locale, else English.
 */
export function resolveLang(flag: string | undefined, configLocale: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) {
    if (/^zh/i.test(flag)) return 'zh';
    if (/^en/i.test(flag)) return 'en';
    throw new RangeError(`--lang must be zh or en, got "${flag}"`);
  }
  const envLang = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v && !/^(C|POSIX)([.@]|$)/i.test(v));
  if (envLang) return /^zh/i.test(envLang) ? 'zh' : 'en';
  return configLocale === 'zh-CN' ? 'zh' : 'en';
}
