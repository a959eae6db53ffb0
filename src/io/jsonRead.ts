import { describePath, type ImportIssue } from './importResult';
import { positionAt } from './textPosition';

// Text -> value, nothing more: what is wrong is said in Dutch and located by
// line and column. What the value means is validateDocument.ts's business.
//
// JSON.parse reads the value (fast, and without recursion in V8, so deep but
// valid nesting is read). Its messages are English and for some mistakes
// carry no position (NaN, +1, .5 give only the character), so when it fails,
// a small scanner of our own reads the text again to say where and why.

// Keys that could reach an object's prototype if any code merged imported
// records with spread or Object.assign. Imported JSON is data only; a document
// that carries them is refused whole rather than cleaned silently.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonReadResult = { ok: true; value: unknown } | { ok: false; issue: ImportIssue };

export function readJson(text: string): JsonReadResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issue: syntaxIssue(text, error) };
  }
  const forbidden = forbiddenKeyPath(value);
  if (forbidden) {
    const key = String(forbidden[forbidden.length - 1]);
    return {
      ok: false,
      issue: {
        where: describePath(forbidden, value),
        message: `de sleutel "${key}" is niet toegestaan, omdat die de app kan misleiden. Verwijder die sleutel.`,
        path: forbidden,
      },
    };
  }
  return { ok: true, value };
}

interface Visit {
  value: unknown;
  key: string | number;
  parent: Visit | null;
}

/**
 * The path to the first forbidden key, walked without recursion (nesting may
 * be deep); each step keeps only its parent, so a deep path costs no copies.
 */
function forbiddenKeyPath(root: unknown): (string | number)[] | undefined {
  const pathOf = (visit: Visit | null, last: string) => {
    const reversed: (string | number)[] = [last];
    for (let v = visit; v && v.parent; v = v.parent) reversed.push(v.key);
    return reversed.reverse();
  };
  const stack: Visit[] = [{ value: root, key: '', parent: null }];
  while (stack.length) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], key: i, parent: visit });
      continue;
    }
    const keys = Object.keys(value);
    const bad = keys.find((k) => FORBIDDEN_KEYS.has(k));
    if (bad !== undefined) return pathOf(visit, bad);
    for (let i = keys.length - 1; i >= 0; i--)
      stack.push({
        value: (value as Record<string, unknown>)[keys[i]!],
        key: keys[i]!,
        parent: visit,
      });
  }
  return undefined;
}

function syntaxIssue(text: string, error: unknown): ImportIssue {
  if (text.trim() === '')
    return { where: 'het bestand', message: 'het bestand is leeg.', path: [] };
  const found = findJsonError(text) ?? fromV8(text, error);
  const stop = /[?.]$/.test(found.reason) ? '' : '.';
  const message = `dit is geen geldige JSON: ${found.reason}${stop} Controleer haakjes, komma's en aanhalingstekens.`;
  if (found.offset === undefined) return { where: 'het bestand', message, path: [] };
  const position = positionAt(text, found.offset);
  return { where: `regel ${position.line}, kolom ${position.column}`, message, path: [], position };
}

/** Should our scanner find nothing wrong where V8 did, V8's position is the best there is. */
function fromV8(text: string, error: unknown): JsonProblem {
  const detail = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(detail)?.[1];
  return {
    reason: 'de opbouw klopt niet',
    offset: position === undefined ? undefined : Math.min(Number(position), text.length),
  };
}

export interface JsonProblem {
  reason: string;
  offset?: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** A character in a message: visible, also when it is white space or a control. */
function shown(c: string): string {
  if (c === '\n' || c === '\r') return 'een regelovergang';
  if (c.charCodeAt(0) < 0x20)
    return `het stuurteken U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${c}'`;
}

/**
 * The first place where `text` is not JSON (RFC 8259), and why in Dutch, or
 * undefined when it is JSON. Iterative: nesting depth costs no stack.
 */
export function findJsonError(text: string): JsonProblem | undefined {
  let i = 0;
  const n = text.length;
  // What is open: '[' or '{'.
  const open: string[] = [];
  const skipSpace = () => {
    while (i < n && WHITESPACE.has(text[i]!)) i++;
  };
  const end = (): JsonProblem => ({
    reason:
      open.length > 0
        ? `het bestand houdt op terwijl er nog ${open.length === 1 ? 'een haakje' : `${open.length} haakjes`} open ${open.length === 1 ? 'staat' : 'staan'}; is het volledig?`
        : 'het bestand houdt op waar een waarde hoort; is het volledig?',
    offset: n,
  });

  /** A string starting at i (a quote). */
  const string = (): JsonProblem | undefined => {
    i++;
    while (i < n) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return undefined;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === undefined) return end();
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return { reason: 'na \\u horen vier hexadecimale cijfers', offset: i };
          i += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e))
          return {
            reason: `\\${e} is geen geldige escape; schrijf een backslash als \\\\`,
            offset: i,
          };
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20)
        return {
          reason:
            c === '\n' || c === '\r' || c === '\t'
              ? 'een tekst bevat een regelovergang of tab zonder \\n of \\t'
              : `een tekst bevat ${shown(c)}`,
          offset: i,
        };
      i++;
    }
    return { reason: 'een tekst wordt niet afgesloten met "', offset: n };
  };

  const number = (): JsonProblem | undefined => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') {
      i++;
      if (isDigit(text[i]))
        return { reason: 'een getal begint niet met een 0 gevolgd door cijfers', offset: start };
    } else if (isDigit(text[i])) while (isDigit(text[i])) i++;
    else return { reason: 'na een - hoort een cijfer', offset: i };
    if (text[i] === '.') {
      i++;
      if (!isDigit(text[i]))
        return { reason: 'na de decimale punt hoort een cijfer (0.5, niet 0.)', offset: i };
      while (isDigit(text[i])) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!isDigit(text[i]))
        return { reason: 'na de e van een exponent hoort een cijfer', offset: i };
      while (isDigit(text[i])) i++;
    }
    return undefined;
  };

  /** A value that cannot start with text[i]: why, in words. */
  const badValue = (): JsonProblem => {
    if (i >= n) return end();
    const c = text[i]!;
    const rest = text.slice(i, i + 9);
    if (/^-?(NaN|Infinity)/.test(rest))
      return {
        reason: 'NaN en Infinity bestaan niet in JSON; schrijf null of een getal',
        offset: i,
      };
    if (/^(undefined)/.test(rest))
      return {
        reason: 'undefined bestaat niet in JSON; laat het veld weg of schrijf null',
        offset: i,
      };
    if (c === '+') return { reason: 'een getal begint niet met +; laat het + weg', offset: i };
    if (c === '.') return { reason: 'een getal begint met een cijfer (0.5, niet .5)', offset: i };
    if (c === "'")
      return {
        reason: 'tekst staat tussen dubbele aanhalingstekens ("), niet tussen enkele',
        offset: i,
      };
    if (c === '/') return { reason: 'JSON kent geen commentaar', offset: i };
    if (c === ']' || c === '}') {
      const comma = text.lastIndexOf(',', i);
      const between = comma >= 0 ? text.slice(comma + 1, i) : 'x';
      if (between.trim() === '') return { reason: `een komma te veel vóór '${c}'`, offset: comma };
    }
    if (c === ',') return { reason: 'een waarde ontbreekt vóór de komma', offset: i };
    return { reason: `onverwacht teken ${shown(c)}; hier hoort een waarde`, offset: i };
  };

  const literal = (): boolean => {
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) {
        i += word.length;
        return true;
      }
    return false;
  };

  /** After a value: a comma, the closing bracket, or (at the top) the end. */
  const afterValue = (): JsonProblem | 'done' | undefined => {
    for (;;) {
      skipSpace();
      const top = open[open.length - 1];
      if (top === undefined) {
        if (i < n)
          return { reason: 'na het einde van de gegevens staat nog meer tekst', offset: i };
        return 'done';
      }
      const close = top === '[' ? ']' : '}';
      if (i >= n) return end();
      if (text[i] === ',') {
        i++;
        skipSpace();
        return top === '{' ? key() : undefined;
      }
      if (text[i] !== close)
        return {
          reason: `hier hoort een komma of '${close}' (ontbreekt er een komma?); gevonden: ${shown(text[i]!)}`,
          offset: i,
        };
      i++;
      open.pop();
    }
  };

  /** At a key in an object: "name" and a colon. */
  const key = (): JsonProblem | undefined => {
    skipSpace();
    if (text[i] !== '"') {
      if (i >= n) return end();
      if (text[i] === '}') {
        const comma = text.lastIndexOf(',', i);
        if (comma >= 0 && text.slice(comma + 1, i).trim() === '')
          return {
            reason:
              "hier hoort een naam tussen dubbele aanhalingstekens (of staat er een komma te veel vóór '}'?)",
            offset: i,
          };
      }
      return {
        reason: `hier hoort een naam tussen dubbele aanhalingstekens; gevonden: ${shown(text[i]!)}`,
        offset: i,
      };
    }
    const problem = string();
    if (problem) return problem;
    skipSpace();
    if (text[i] !== ':')
      return i >= n
        ? end()
        : {
            reason: `na een naam hoort een dubbele punt (:); gevonden: ${shown(text[i]!)}`,
            offset: i,
          };
    i++;
    return undefined;
  };

  // One value at a time; containers push and pop, so no recursion.
  for (;;) {
    skipSpace();
    const c = text[i];
    let problem: JsonProblem | undefined;
    if (c === '{') {
      i++;
      open.push('{');
      skipSpace();
      if (text[i] === '}') {
        i++;
        open.pop();
      } else {
        problem = key();
        if (problem) return problem;
        continue;
      }
    } else if (c === '[') {
      i++;
      open.push('[');
      skipSpace();
      if (text[i] === ']') {
        i++;
        open.pop();
      } else continue;
    } else if (c === '"') problem = string();
    else if (c === '-' || isDigit(c)) problem = number();
    else if (!literal()) return badValue();
    if (problem) return problem;
    const next = afterValue();
    if (next === 'done') return undefined;
    if (next) return next;
  }
}
