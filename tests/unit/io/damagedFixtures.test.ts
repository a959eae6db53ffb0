import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { runImport, type ImportInput } from '../../../src/io/importJob';
import {
  lostRecords,
  type ImportFailure,
  type ImportResult,
  type ImportSuccess,
} from '../../../src/io/importResult';
import { damagedFixtures, writeDamagedFixtures } from '../../fixtures/damaged/generate';
import { timedAsync } from '../cpuTime';
import { unnamedLosses } from './csvAccounting';

// The damaged files of issue #19, as committed in tests/fixtures/damaged, and
// what each must give when it is read as the browser reads a chosen file (as
// bytes, through the worker's import path). `npm run fixtures:damaged` makes
// them again from the national data.

const FOLDER = 'tests/fixtures/damaged';
const national = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as Network;
if (process.env.UPDATE_DAMAGED === '1') writeDamagedFixtures(national, FOLDER);

const bytes = (name: string) => new Uint8Array(readFileSync(join(FOLDER, name)));
const text = (name: string) => readFileSync(join(FOLDER, name), 'utf8');
const read = (name: string) =>
  runImport({ kind: 'file', fileName: name, bytes: bytes(name) }, { defaultKind: 'association' });
const pair = (a: string, b: string) => {
  const input: ImportInput = {
    kind: 'csvFiles',
    files: [a, b].map((fileName) => ({ fileName, bytes: bytes(fileName) })),
  };
  return runImport(input, {});
};

function refused(result: ImportResult): ImportFailure {
  if (result.ok) throw new Error('expected a refusal');
  return result;
}
function accepted(result: ImportResult): ImportSuccess {
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result;
}
const lineOf = (content: string, needle: string, from = '') =>
  content.slice(0, content.indexOf(needle, content.indexOf(from))).split('\n').length;

describe('the committed damaged files', () => {
  it('are all there, one for each the generator makes', () => {
    const made = damagedFixtures(national).map((f) => f.name);
    expect(
      readdirSync(FOLDER)
        .filter((f) => f !== 'generate.ts' && f !== 'README.md')
        .sort(),
    ).toEqual([...made].sort());
  });
});

describe('1. malformed XML is refused where it breaks', () => {
  it('a GraphML with one </data> missing in Almere', async () => {
    const name = 'graphml-almere-data-not-closed.graphml';
    const [error] = refused(await read(name)).errors;
    const content = text(name);
    expect(error!.message).toContain('de sluittag </node> past niet bij <data>');
    expect(error!.position!.line).toBe(lineOf(content, '</node>', '<node id="GM0034">'));
  });

  it('a raw < inside an attribute', async () => {
    const [error] = refused(await read('graphml-lt-in-attribute.graphml')).errors;
    expect(error!.message).toMatch(/regel \d+, kolom 17: hier mag '<' \(schrijf &lt;\) niet staan/);
  });

  it('&#0;', async () => {
    const [error] = refused(await read('graphml-nul-reference.graphml')).errors;
    expect(error!.message).toContain('de verwijzing &#0; staat voor het stuurteken U+0000');
  });
});

describe('2. a stray quote: every lost line is named', () => {
  it('in organisaties.csv, line 8, alone and with its relations', async () => {
    const csv = { organisations: text('organisaties.csv'), relations: text('relaties.csv') };
    const damaged = text('organisaties-quote-line-8.csv');
    const alone = accepted(await read('organisaties-quote-line-8.csv'));
    const span = alone.rejectedRows![0]!;
    expect(span).toMatchObject({ file: 'organisaties', row: 8 });
    expect(alone.network.organisations.length + lostRecords(alone.rejectedRows!)).toBe(
      national.organisations.length,
    );
    const both = accepted(await pair('organisaties-quote-line-8.csv', 'relaties.csv'));
    expect(
      unnamedLosses(national, csv, { organisations: damaged, relations: csv.relations }, both),
    ).toEqual([]);
  });

  it('in relaties.csv, line 8', async () => {
    const csv = { organisations: text('organisaties.csv'), relations: text('relaties.csv') };
    const result = accepted(await pair('organisaties.csv', 'relaties-quote-line-8.csv'));
    expect(result.network.relations.length + lostRecords(result.rejectedRows!)).toBe(
      national.relations.length,
    );
    expect(
      unnamedLosses(
        national,
        csv,
        { organisations: csv.organisations, relations: text('relaties-quote-line-8.csv') },
        result,
      ),
    ).toEqual([]);
  });
});

describe('3. a file cut off is refused where it ends, in well under a second', () => {
  const names = readdirSync(FOLDER).filter((f) => /-cut-/.test(f));
  it.each(names)('%s', async (name) => {
    const { value, cpuMs: ms } = await timedAsync(() => read(name));
    const result = refused(value);
    const [error] = result.errors;
    expect(error!.position!.line).toBe(text(name).split('\n').length);
    expect(error!.message).toContain('Is het bestand volledig?');
    expect(ms).toBeLessThan(1000);
  });
});

describe('4. text no file can hold is refused on import, naming the record', () => {
  it('U+0008 in a name', async () => {
    const errors = refused(await read('json-control-character-in-name.json')).errors;
    expect(errors[0]).toMatchObject({
      where: 'organisatie 1 (id "GM0014"), veld "name"',
      message: expect.stringContaining('het stuurteken U+0008 op positie 7'),
    });
  });

  it('U+FFFE in an id', async () => {
    const errors = refused(await read('json-fffe-in-id.json')).errors;
    expect(errors[0]!.where).toMatch(/^organisatie 2 .*veld "id"$/);
    expect(errors[0]!.message).toContain('het niet-teken U+FFFE');
  });
});

describe('6. a Windows-1252 file is read as such, and the preview says so', () => {
  it('organisaties in Windows-1252', async () => {
    const result = accepted(await read('organisaties-windows-1252.csv'));
    expect(result.warnings[0]).toMatch(/^Gelezen als Windows-1252 .*"Gróningen"/);
    expect(result.network.organisations.map((o) => o.name)).toContain('Gróningen');
  });
});

describe('7. messages: located, in Dutch', () => {
  it.each([
    ['json-nan.json', /NaN en Infinity/],
    ['json-plus-one.json', /begint niet met \+/],
    ['json-point-five.json', /0\.5, niet \.5/],
  ])('%s', async (name, reason) => {
    const [error] = refused(await read(name)).errors;
    expect(error!.message).toMatch(reason);
    expect(error!.where).toMatch(/^regel \d+, kolom \d+$/);
  });

  it('10 000 levels of valid nesting are read, and refused for what they are', async () => {
    const [error] = refused(await read('json-nested-10000.json')).errors;
    expect(error!.message).toContain('verwacht een JSON-object');
  });

  it('a forbidden key names its record', async () => {
    const [error] = refused(await read('json-forbidden-key.json')).errors;
    expect(error!.where).toBe('organisatie 2 (id "GM0034"), veld "__proto__"');
  });

  it('a record that is not an object', async () => {
    const [error] = refused(await read('json-record-not-object.json')).errors;
    expect(`${error!.where}: ${error!.message}`).toBe(
      'organisatie 1: verwacht een organisatie: een object met "id", "kind" en "name", kreeg "GM0014"',
    );
  });

  it('a zip whose header understates a size', async () => {
    const [error] = refused(await read('zip-size-understated.zip')).errors;
    expect(error!.message).toContain('pakt anders uit dan de zip zelf zegt');
  });
});
