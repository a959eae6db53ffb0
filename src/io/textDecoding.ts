import type { ImportIssue } from './importResult';
import { positionAt } from './textPosition';

// A file's bytes as text. Files are read as bytes, not with File.text(),
// which takes every file for UTF-8 and puts U+FFFD in place of what it cannot
// read, without a word. A byte-order mark says UTF-8 or UTF-16; without one a
// file is UTF-8 when it is valid UTF-8, and otherwise Windows-1252, what
// older Excel versions save, said in the preview. A file that is UTF-8 in
// most places but not in one is damaged, not Windows-1252: it is refused at
// the place where it breaks.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; warning?: string }
  | { ok: false; issue: ImportIssue };

const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((b, i) => bytes[i] === b);

/** Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not UTF-8. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const b1 = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const b1 = bytes[i + 1] ?? 0;
    if ((b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The first byte that is not UTF-8, and how many multi-byte characters were valid. */
function scanUtf8(bytes: Uint8Array, from: number): { invalidAt?: number; multiByte: number } {
  let multiByte = 0;
  let invalidAt: number | undefined;
  for (let i = from; i < bytes.length;) {
    // ASCII runs are most of any file: skip them without a call.
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length === 0) {
      invalidAt ??= i;
      i++;
    } else {
      multiByte++;
      i += length;
    }
  }
  return { invalidAt, multiByte };
}

function brokenAt(bytes: Uint8Array, start: number, at: number, message: string): DecodeResult {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, at));
  const position = positionAt(before, before.length);
  return {
    ok: false,
    issue: {
      where: 'het bestand',
      message: `regel ${position.line}, kolom ${position.column}: ${message}`,
      path: [],
      position,
    },
  };
}

/** Words with a letter outside ASCII, to show how Windows-1252 was read. */
function accentedSample(text: string): string {
  const words = new Set<string>();
  for (const match of text.matchAll(/[\p{L}\p{N}'-]*[^\p{ASCII}][\p{L}\p{N}'-]*/gu)) {
    words.add(match[0]);
    if (words.size === 3) break;
  }
  return [...words].map((w) => `"${w}"`).join(', ');
}

// Windows-1252 is Latin-1 with letters and signs at 0x80–0x9F; five of those
// bytes are unused and stay control characters, which the schema refuses.
// By hand, since Node's TextDecoder reads the label as plain Latin-1.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...chunk);
  }
  return text.replace(/[\u0080-\u009F]/g, (ch) => WINDOWS_1252_HIGH[ch.charCodeAt(0) - 0x80]!);
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if ((bytes.length - 2) % 2 !== 0)
      return brokenAt(
        bytes,
        0,
        0,
        `het bestand zegt UTF-16 te zijn, maar heeft een oneven aantal bytes. Is het volledig?`,
      );
    // By code unit, so a lone surrogate stays one and its place can be named.
    let raw = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      raw += String.fromCharCode(
        encoding === 'utf-16le'
          ? bytes[i]! | (bytes[i + 1]! << 8)
          : (bytes[i]! << 8) | bytes[i + 1]!,
      );
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(raw);
    if (lone) {
      const position = positionAt(raw, lone.index);
      return {
        ok: false,
        issue: {
          where: 'het bestand',
          message: `regel ${position.line}, kolom ${position.column}: het bestand zegt UTF-16 te zijn, maar hier staat een half teken dat in UTF-16 niet bestaat. Is het bestand beschadigd?`,
          path: [],
          position,
        },
      };
    }
    return { ok: true, text: raw, encoding };
  }
  const bom = startsWith(bytes, 0xef, 0xbb, 0xbf);
  const start = bom ? 3 : 0;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      bytes.subarray(start),
    );
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    // Not UTF-8: damaged UTF-8 or another encoding. Decided below.
  }
  const { invalidAt, multiByte } = scanUtf8(bytes, start);
  const at = invalidAt ?? start;
  if (bom || multiByte > 0)
    return brokenAt(
      bytes,
      start,
      at,
      `hier staan bytes die geen UTF-8 zijn, terwijl de rest van het bestand UTF-8 is. Het bestand is waarschijnlijk beschadigd; sla het opnieuw op als UTF-8.`,
    );
  const text = decodeWindows1252(bytes.subarray(start));
  const sample = accentedSample(text);
  return {
    ok: true,
    text,
    encoding: 'windows-1252',
    warning: `Gelezen als Windows-1252 (de tekenset van oudere Excel-versies), omdat het bestand geen UTF-8 is.${sample ? ` Controleer of letters met accenten goed staan, zoals ${sample}.` : ''}`,
  };
}

/** The start of a file as text, for telling its format before it is read (never refuses). */
export function peekText(bytes: Uint8Array, length = 65_536): string {
  const utf16 = startsWith(bytes, 0xff, 0xfe)
    ? 'utf-16le'
    : startsWith(bytes, 0xfe, 0xff)
      ? 'utf-16be'
      : null;
  const head = bytes.subarray(utf16 ? 2 : 0, length);
  return new TextDecoder(utf16 ?? 'utf-8').decode(head);
}
