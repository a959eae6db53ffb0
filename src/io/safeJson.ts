import type { ImportIssue } from './importIssue';

// Keys that could reach an object's prototype if any code merged imported
// records with spread or Object.assign. Imported JSON is data only; a document
// that carries them is refused whole rather than cleaned silently.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; issue: ImportIssue };

export function parseJsonSafely(text: string): JsonParseResult {
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, function (key: string, v: unknown) {
      if (forbidden === undefined && FORBIDDEN_KEYS.has(key)) forbidden = key;
      return v;
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    let where = 'het bestand';
    if (position?.[1]) {
      const offset = Number(position[1]);
      const before = text.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = `regel ${line}, kolom ${column}`;
    }
    return {
      ok: false,
      issue: {
        where,
        message: `dit is geen geldige JSON (${detail}). Controleer haakjes, komma's en aanhalingstekens.`,
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
