import type { ImportIssue } from './importResult';

// Text -> value, nothing more: what is wrong is said in Dutch and located by
// line and column. What the value means is validateDocument.ts's business.

// Keys that could reach an object's prototype if any code merged imported
// records with spread or Object.assign. Imported JSON is data only; a document
// that carries them is refused whole rather than cleaned silently.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonReadResult = { ok: true; value: unknown } | { ok: false; issue: ImportIssue };

export function readJson(text: string): JsonReadResult {
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key: string, v: unknown) {
      if (forbidden === undefined && FORBIDDEN_KEYS.has(key)) forbidden = key;
      return v;
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const { reason, offset } = explainJsonError(detail, text);
    let where = 'het bestand';
    if (offset !== undefined) {
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = `regel ${line}, kolom ${column}`;
    }
    return {
      ok: false,
      issue: {
        where,
        message:
          text.trim() === ''
            ? 'het bestand is leeg.'
            : `dit is geen geldige JSON: ${reason}. Controleer haakjes, komma's en aanhalingstekens.`,
        path: [],
      },
    };
  }
  if (forbidden !== undefined) {
    return {
      ok: false,
      issue: {
        where: 'het bestand',
        message: `bevat de sleutel "${forbidden}", die niet is toegestaan omdat die de app kan misleiden. Verwijder die sleutel.`,
        path: [forbidden],
      },
    };
  }
  return { ok: true, value };
}

/**
 * The parser's message in words a user understands, and where it went wrong
 * when that can be told. The messages are V8's (Chromium and Node).
 */
export function explainJsonError(
  detail: string,
  text: string,
): { reason: string; offset?: number } {
  const position = /position (\d+)/.exec(detail);
  const offset = position?.[1] !== undefined ? Number(position[1]) : undefined;
  // The most common slip has no position in V8's message: a comma before ] or }.
  const trailingComma = /,\s*[\]}]/.exec(text);
  if (/Unexpected end of JSON input/i.test(detail))
    return { reason: 'het bestand houdt op voordat alles is gesloten; is het volledig?' };
  if (/property name/i.test(detail))
    return {
      reason:
        'hier hoort een naam tussen dubbele aanhalingstekens (of staat er een komma te veel?)',
      offset,
    };
  if (/after JSON/i.test(detail))
    return { reason: 'na het einde van de gegevens staat nog meer tekst', offset };
  if (/control character/i.test(detail))
    return { reason: 'een tekst bevat een regelovergang of tab zonder \\n of \\t', offset };
  const token = /Unexpected token '?(.)'?/.exec(detail)?.[1];
  if (token !== undefined) {
    if ((token === ']' || token === '}') && trailingComma)
      return { reason: `een komma te veel vóór '${token}'`, offset: trailingComma.index };
    return { reason: `onverwacht teken '${token}'`, offset };
  }
  if (/Unexpected (number|string)/i.test(detail))
    return {
      reason: `onverwacht ${/number/i.test(detail) ? 'getal' : 'stuk tekst'} (ontbreekt er een komma?)`,
      offset,
    };
  return { reason: 'de opbouw klopt niet', offset };
}
