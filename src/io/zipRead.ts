import { inflateSync } from 'fflate';
import { formatBytes } from './limits';

// The files of a zip, checked against what the zip says about them. fflate
// inflates each file into a buffer of the size the zip's directory declares
// (which keeps a zip bomb from filling memory) but cuts a file short,
// silently, when that size is understated; so every file is checked against
// the directory's CRC-32 and size, and a zip whose contents disagree with its
// directory is refused instead of imported in part.

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export type ZipReadResult = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const u16 = (d: Uint8Array, i: number) => d[i]! | (d[i + 1]! << 8);
const u32 = (d: Uint8Array, i: number) =>
  (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;

const broken = (detail: string): ZipReadResult => ({
  ok: false,
  message: `is geen leesbaar zip-bestand (${detail}).`,
});

/**
 * The files `wanted` picks by name, inflated and checked. Refused when the
 * zip is damaged, when a file unpacks to something other than what the zip
 * declares, or when the declared sizes add up to more than `maxBytes`.
 */
export function readZip(
  data: Uint8Array,
  wanted: (name: string) => boolean,
  maxBytes: number,
): ZipReadResult {
  // The end-of-directory record sits in the last 22 bytes plus a comment of at most 64 kB.
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--)
    if (u32(data, i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return broken('het einde van de inhoudsopgave ontbreekt');
  const count = u16(data, end + 10);
  let at = u32(data, end + 16);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || u32(data, at) !== 0x02014b50)
      return broken('de inhoudsopgave is beschadigd');
    const method = u16(data, at + 10);
    const crc = u32(data, at + 16);
    const compressedSize = u32(data, at + 20);
    const size = u32(data, at + 24);
    const nameLength = u16(data, at + 28);
    const skip = nameLength + u16(data, at + 30) + u16(data, at + 32);
    const local = u32(data, at + 42);
    const name = names.decode(data.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (!wanted(name)) continue;
    if (size === 0xffffffff || compressedSize === 0xffffffff)
      return broken(`"${name}" is groter dan 4 GB`);
    declaredTotal += size;
    if (declaredTotal > maxBytes)
      return {
        ok: false,
        message: `pakt uit tot meer dan ${formatBytes(maxBytes)}; zo groot leest Netwerkkaart niet.`,
      };
    if (local + 30 > data.length || u32(data, local) !== 0x04034b50)
      return broken(`"${name}" staat niet waar de inhoudsopgave zegt`);
    const start = local + 30 + u16(data, local + 26) + u16(data, local + 28);
    if (start + compressedSize > data.length) return broken(`"${name}" is afgebroken`);
    const packed = data.subarray(start, start + compressedSize);
    let bytes: Uint8Array;
    try {
      if (method === 0) bytes = packed.slice();
      else if (method === 8) bytes = inflateSync(packed, { out: new Uint8Array(size) });
      else return broken(`"${name}" is ingepakt op een manier die Netwerkkaart niet kent`);
    } catch {
      // fflate's reason (an invalid block, an early end) says nothing more to a person.
      return broken(`"${name}" is beschadigd: de ingepakte gegevens zijn niet te lezen`);
    }
    if (bytes.length !== size || crc32(bytes) !== crc)
      return {
        ok: false,
        message: `is beschadigd: "${name}" pakt anders uit dan de zip zelf zegt (grootte of controlegetal klopt niet). Er is niets uit gelezen; maak de zip opnieuw.`,
      };
    entries.push({ name, bytes });
  }
  return { ok: true, entries };
}
