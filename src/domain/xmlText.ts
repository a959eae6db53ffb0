// The one rule for which characters a network's texts may hold: those that
// every file Netwerkkaart writes can carry. XML 1.0 (GEXF, GraphML, SVG) is
// the narrowest of them: it cannot hold C0 control characters other than tab,
// newline and carriage return, not even as &#...; references, nor U+FFFE,
// U+FFFF or a lone surrogate. Netwerkkaart also refuses the C1 controls and
// the other non-characters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF on every plane):
// XML allows them only grudgingly, they are never meant as text, and a name
// holding one cannot be typed, searched for or shown. The schema refuses such
// text on import and edit; the writers pass what is already stored through
// xmlSafe, so a file written from an older store is valid XML as well.

/** The first character the rule refuses, by UTF-16 index and code point. */
export interface NonXmlChar {
  index: number;
  /** A lone surrogate is reported as its own code unit. */
  codePoint: number;
}

// Controls (Cc) other than tab, LF and CR; U+FFFE and U+FFFF; the non-character
// block U+FDD0–U+FDEF; a high surrogate not followed by a low one, a low one
// not preceded by a high one; and U+xFFFE/U+xFFFF above the first plane.
const NOT_XML_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/** The first character that no file of Netwerkkaart may hold; undefined when there is none. */
export function firstNonXmlChar(text: string): NonXmlChar | undefined {
  const match = NOT_XML_TEXT.exec(text);
  if (!match) return undefined;
  return { index: match.index, codePoint: match[0].codePointAt(0)! };
}

export const isXmlText = (text: string): boolean => !NOT_XML_TEXT.test(text);

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** The character in words: "stuurteken U+0008", "het niet-teken U+FFFE", "een los surrogaat (U+D800)". */
export function describeNonXmlChar(codePoint: number): string {
  if (codePoint <= 0x9f) return `het stuurteken ${hex(codePoint)}`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff)
    return `een half teken (los surrogaat ${hex(codePoint)})`;
  return `het niet-teken ${hex(codePoint)}`;
}

/** Why `text` is refused, in Dutch, or undefined when it is fine. */
export function nonXmlTextReason(text: string): string | undefined {
  const found = firstNonXmlChar(text);
  if (!found) return undefined;
  return `bevat ${describeNonXmlChar(found.codePoint)} op positie ${found.index + 1}, dat in geen bestand kan staan; haal het teken weg`;
}

const NOT_XML_TEXT_ALL = new RegExp(NOT_XML_TEXT.source, 'g');

/**
 * Text every XML file can carry: each refused character becomes U+FFFD, so
 * what was there stays visible and two ids that differ only in such a
 * character stay different.
 */
export function xmlSafe(text: string): string {
  // A plane non-character is a surrogate pair, one match: one U+FFFD as well.
  return text.replace(NOT_XML_TEXT_ALL, '\uFFFD');
}

/** The text with each refused character made visible as ⟨U+0008⟩, for messages. */
export function showNonXmlChars(text: string): string {
  return text.replace(NOT_XML_TEXT_ALL, (found) => `⟨${hex(found.codePointAt(0)!)}⟩`);
}

/** For element content; \r as a reference, since parsers turn a bare one into \n. */
export function escapeXmlText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** For an attribute value in double quotes; whitespace as references, since parsers normalise it to spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
