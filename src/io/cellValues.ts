// Reading and writing single values as spreadsheets and other tools hold
// them: Dutch number notation, and the formula guard for Excel.

/**
 * Characters that make Excel or LibreOffice treat a cell as a formula
 * (OWASP "CSV injection"): = + - @, and tab / carriage return.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/**
 * A text cell that would start a formula gets a leading apostrophe, which
 * spreadsheets show as plain text. Text that already starts with apostrophes
 * before such a character gets one more, so `unguardFormula` can take exactly
 * one off again and the round trip is exact.
 */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}

const SPACES = /[\s\u00A0\u202F]/g;

/**
 * A whole number as people type it: "75758", "75.758", "75 758" (also with a
 * non-breaking space) or "75,758". Anything else is returned unchanged so the
 * validation can say what was wrong with it.
 */
export function parseWholeNumber(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (/^[+-]?\d+$/.test(text)) return Number(text);
  // Group separators only count when every group has three digits; "7.5" is not 75.
  if (/^\d{1,3}([.,]\d{3})+$/.test(text) || /^\d{1,3}([\s\u00A0\u202F]\d{3})+$/.test(text))
    return Number(text.replace(/[.,]/g, '').replace(SPACES, ''));
  return value;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A decimal number with a point or a Dutch decimal comma ("52,0116"), also
 * "1.234,5" with a point between thousands. Anything else is returned unchanged.
 */
export function parseDecimal(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return value;
  let text = value.trim().replace(SPACES, '');
  if (text.includes(',')) {
    if (/^[+-]?\d{1,3}(\.\d{3})*,\d+$/.test(text)) text = text.replace(/\./g, '');
    if ((text.match(/,/g) ?? []).length === 1 && !text.includes('.')) text = text.replace(',', '.');
  }
  return DECIMAL.test(text) ? Number(text) : value;
}

/** A number for a cell: with a decimal comma when the file uses semicolons, as Dutch Excel expects. */
export function cellNumber(value: number, separator: ',' | ';'): string {
  const text = String(value);
  return separator === ';' ? text.replace('.', ',') : text;
}
