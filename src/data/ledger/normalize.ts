/** Full-width forms (Ａ-Ｚ, ０-９, ，．－ etc., U+FF01–FF5E) → ASCII; ideographic and no-break spaces → space. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00A0\u2002-\u200A\u202F]/g, ' ');
}
