import { describe, expect, it } from 'vitest';
import { exportCsv, exportCsvZip } from '../../../src/io/csvExport';
import { importCsvZip } from '../../../src/io/csvImport';
import { runImport } from '../../../src/io/importJob';
import { decodeText } from '../../../src/io/textDecoding';
import { crc32, readZip } from '../../../src/io/zipRead';
import { sampleNetwork } from '../fixtures';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 for the letters these tests use (Latin-1 plus the euro sign). */
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));
function utf16(text: string, littleEndian: boolean) {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + 2 * i + (littleEndian ? 0 : 1)] = code & 0xff;
    out[2 + 2 * i + (littleEndian ? 1 : 0)] = code >> 8;
  }
  return out;
}

const text = 'id;naam\nGM1900;Súdwest-Fryslân\n';

describe('decoding a file', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 with BOM', () => {
    for (const bytes of [
      utf8(text),
      Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]),
      utf16(text, true),
      utf16(text, false),
    ]) {
      const result = decodeText(bytes);
      expect(result.ok && result.text).toBe(text);
      expect(result.ok && result.warning).toBeUndefined();
    }
  });

  it('refuses UTF-16 with half a character, at its place', () => {
    const bytes = utf16('id;naam\nGM1900;Sx\n', true);
    bytes[bytes.length - 4] = 0x00; // the x becomes U+D800
    bytes[bytes.length - 3] = 0xd8;
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.position).toEqual({ line: 2, column: 9 });
  });

  it('reads Windows-1252 when the file is not UTF-8, and says so with a word to check', () => {
    const result = decodeText(cp1252(`${text}x;Prijs in €\n`));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.encoding).toBe('windows-1252');
    expect(result.text).toContain('Súdwest-Fryslân');
    expect(result.text).toContain('€');
    expect(result.warning).toMatch(/^Gelezen als Windows-1252 .*"Súdwest-Fryslân"/);
  });

  it('refuses UTF-8 damaged in one place, at that place', () => {
    const bytes = utf8('id;naam\nGM1900;Súdwest\nGM0003;Appinge\u00ffdam\n');
    const at = bytes.indexOf(0xc3, 20); // the ÿ on line 3
    bytes[at] = 0xff;
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.position).toEqual({ line: 3, column: 15 });
      expect(result.issue.message).toContain('geen UTF-8');
    }
  });

  it('imports a Windows-1252 CSV chosen as a file, with the warning in the preview', async () => {
    const csv = exportCsv(sampleNetwork(), { separator: ';' }).organisations.replace(
      'Gouda',
      'Goudé',
    );
    const bytes = cp1252(csv.replace(/^\uFEFF/, ''));
    const result = await runImport({ kind: 'file', fileName: 'organisaties.csv', bytes }, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings[0]).toMatch(/^Gelezen als Windows-1252/);
    expect(result.network.organisations.map((o) => o.name)).toContain('Goudé');
  });
});

describe('a zip that disagrees with its own directory', () => {
  const zip = exportCsvZip(sampleNetwork(), { separator: ';' });
  const centralEntries = (data: Uint8Array) => {
    const at: number[] = [];
    for (let i = 0; i + 4 <= data.length; i++)
      if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 1 && data[i + 3] === 2)
        at.push(i);
    return at;
  };

  it('is read when it is sound', () => {
    expect(importCsvZip(zip).ok).toBe(true);
    const read = readZip(zip, () => true, 1e9);
    // organisaties.csv, relaties.csv and netwerk.csv
    expect(read.ok && read.entries.length).toBe(3);
  });

  it('is refused when a header understates the size, instead of cut short', () => {
    const damaged = zip.slice();
    const entry = centralEntries(damaged)[0]!;
    const view = new DataView(damaged.buffer);
    view.setUint32(entry + 24, view.getUint32(entry + 24, true) - 40, true);
    const result = importCsvZip(damaged);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('pakt anders uit dan de zip');
  });

  it('is refused when packed bytes are damaged', () => {
    const damaged = zip.slice();
    damaged[60] = damaged[60]! ^ 0x55;
    expect(importCsvZip(damaged).ok).toBe(false);
  });

  it('computes the CRC-32 zip uses', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
  });
});
