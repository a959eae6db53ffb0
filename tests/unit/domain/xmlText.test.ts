import { describe, expect, it } from 'vitest';
import {
  escapeXmlAttribute,
  firstNonXmlChar,
  isXmlText,
  nonXmlTextReason,
  showNonXmlChars,
  xmlSafe,
} from '../../../src/domain/xmlText';

describe('the XML text rule', () => {
  it('accepts what people write, tab and line breaks included', () => {
    for (const text of [
      'Gouda',
      'Súdwest-Fryslân',
      "'s-Hertogenbosch",
      'a\tb\nc\r\nd',
      '🏛️ G40',
      '\uFFFD',
    ])
      expect(isXmlText(text), text).toBe(true);
  });

  it('refuses controls, non-characters and lone surrogates, naming the first', () => {
    const cases: [string, number, number][] = [
      ['Alm\u0008ere', 3, 0x08],
      ['x\u0000', 1, 0],
      ['\u007F', 0, 0x7f],
      ['a\u0085', 1, 0x85],
      ['idx\uFFFE', 3, 0xfffe],
      ['\uFFFF', 0, 0xffff],
      ['\uFDD0', 0, 0xfdd0],
      ['a\uD800b', 1, 0xd800],
      ['a\uDC00', 1, 0xdc00],
      ['a\u{1FFFE}', 1, 0x1fffe],
      ['a\u{10FFFF}', 1, 0x10ffff],
    ];
    for (const [text, index, codePoint] of cases)
      expect(firstNonXmlChar(text), JSON.stringify(text)).toEqual({ index, codePoint });
    expect(nonXmlTextReason('Alm\u0008ere')).toBe(
      'bevat het stuurteken U+0008 op positie 4, dat in geen bestand kan staan; haal het teken weg',
    );
    expect(nonXmlTextReason('a\uD800')).toContain('los surrogaat U+D800');
    expect(nonXmlTextReason('idx\uFFFE')).toContain('het niet-teken U+FFFE');
  });

  it('makes stored text writable without merging two ids into one', () => {
    expect(xmlSafe('idx\uFFFE')).toBe('idx\uFFFD');
    expect(xmlSafe('idx')).not.toBe(xmlSafe('idx\uFFFE'));
    expect(xmlSafe('a\u{1FFFF}b\uD800')).toBe('a\uFFFDb\uFFFD');
    expect(showNonXmlChars('Alm\u0008ere\uFFFE')).toBe('Alm⟨U+0008⟩ere⟨U+FFFE⟩');
    expect(escapeXmlAttribute('<"a"\n&\u0008>')).toBe('&lt;&quot;a&quot;&#10;&amp;\uFFFD&gt;');
  });
});
