import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportCsvZip } from '../../../src/io/csvExport';
import { detectCsvTable, detectSeparator, readHeader } from '../../../src/io/csvHeader';
import { readCsvTable } from '../../../src/io/csvTable';
import { importCsv, importCsvZip, type CsvImportResult } from '../../../src/io/csvImport';
import { sortNetwork } from '../../../src/domain/network';
import {
  comparable,
  fullNetwork,
  interopNetwork,
  withoutEmptyTags,
} from '../../fixtures/interopNetwork';
import { sampleNetwork } from '../fixtures';

const fixture = (name: string) => readFileSync(`tests/fixtures/${name}`, 'utf8');

function success(result: CsvImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

describe('CSV export', () => {
  it('writes a BOM and the exchange-format header in each file', () => {
    const { organisations, relations } = exportCsv(sampleNetwork(), { separator: ',' });
    expect(organisations.startsWith('\uFEFF')).toBe(true);
    expect(relations.startsWith('\uFEFF')).toBe(true);
    expect(organisations.slice(1).split('\r\n')[0]).toBe(
      'id,kind,name,shortName,category,domain,expectedMembers,cbsCode,province,population,populationYear,website,description,tags,lat,lon,sourceId,themes,positions',
    );
    expect(relations.slice(1).split('\r\n')[0]).toBe(
      'source,target,type,role,since,note,reason,weight,sourceId,themes',
    );
  });

  it('uses semicolons and decimal commas for Dutch Excel, and joins tags with |', () => {
    const { organisations } = exportCsv(interopNetwork(), { separator: ';' });
    const gouda = organisations.split('\r\n').find((line) => line.startsWith('GM0513;'));
    expect(gouda).toContain(';G40|Midden-Holland;52,0116;4,7105;');
    expect(gouda).toContain(';70000;2025;');
  });

  it('puts an apostrophe before cells that a spreadsheet would run as a formula', () => {
    const { organisations, relations } = exportCsv(interopNetwork(), { separator: ',' });
    const rows = Papa.parse<string[]>(organisations.slice(1), { skipEmptyLines: true }).data;
    const cells = rows.flat();
    expect(cells).toContain(`'=HYPERLINK("http://example.org","klik")`);
    expect(cells).toContain("'+IBD");
    expect(cells).toContain("'@koepel");
    expect(cells).toContain("'-5 punten\tmet een tab");
    expect(cells).toContain("'=SUM(A1)|met spatie");
    // Already starting with an apostrophe before "=": one more, so import can take one off.
    expect(cells).toContain("''=al beschermd; &amp; letterlijk; <b>vet</b>");
    // A negative number is a number, not a formula.
    expect(cells).toContain('-1.25');
    // Nothing left that a spreadsheet would evaluate.
    for (const cell of [...cells, ...Papa.parse<string[]>(relations.slice(1)).data.flat()])
      expect(cell).not.toMatch(/^[=+@\t\r]/);
  });

  it('zips the three files', () => {
    const zip = unzipSync(exportCsvZip(sampleNetwork(), { separator: ';' }));
    expect(Object.keys(zip).sort()).toEqual(['netwerk.csv', 'organisaties.csv', 'relaties.csv']);
    const bytes = zip['organisaties.csv']!;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(bytes).startsWith('id;kind;name')).toBe(true);
  });
});

describe('CSV round trip of everything', () => {
  const network = fullNetwork();
  const positions = new Map(
    network.organisations.map((o, i) => [o.id, { x: i * 12.5 - 30, y: 40 - i * 7.25 }]),
  );

  for (const dutch of [false, true])
    it(`keeps title, date, every source and theme, every field and the positions (${dutch ? 'Dutch' : 'English'} headers)`, () => {
      const files = exportCsv(network, { separator: ';', dutch, positions });
      // Into a profile that holds another network: nothing comes from there.
      const other = { title: 'Ander', sources: [], organisations: [], relations: [] };
      const result = success(importCsv(files, { existing: other }));
      expect(result.rejectedRows).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(sortNetwork(result.network)).toEqual(withoutEmptyTags(network));
      expect(result.positions).toEqual(positions);
    });

  it('writes the network table readably, in Dutch for Excel', () => {
    const { network: about } = exportCsv(network, { separator: ';', dutch: true });
    const lines = about.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('wat;id;titel;peildatum;uitgever;jaar;webadres;licentie;omschrijving');
    expect(lines[1]).toBe('netwerk;;Testnetwerk;2025-01-01;;;;;');
    expect(lines).toContain(
      'bron;cbs-2025;CBS, bevolking op 1 januari 2025;;CBS;2025;https://www.cbs.nl/nl-nl/cijfers;CC BY 4.0;',
    );
    expect(lines).toContain('thema;open-data;Open data;;;;;;');
  });

  it('reports a bad row of the network table and keeps the rest', () => {
    const files = exportCsv(network, { separator: ';', dutch: true });
    files.network = files.network.replace('bron;cbs-2025;', 'bron;cbs-2025;;');
    files.network += 'stad;x;Gouda;;;;;;\r\n';
    const result = success(importCsv(files, {}));
    expect(result.rejectedRows.map((r) => [r.file, r.row])).toEqual([
      ['netwerk', 3],
      ['netwerk', 7],
    ]);
    expect(result.rejectedRows[1]!.reason).toContain('verwacht netwerk, bron of thema');
  });
});

describe('CSV round trip', () => {
  for (const separator of [',', ';'] as const) {
    it(`gives back the same organisations and relations (separator "${separator}")`, () => {
      const network = interopNetwork();
      const files = exportCsv(network, { separator });
      const result = success(importCsv(files, { existing: network }));
      expect(result.format).toBe('csv');
      expect(result.rejectedRows).toEqual([]);
      expect(result.assumed).toEqual({ kinds: 0, types: 0 });
      expect(comparable(result.network)).toEqual(comparable(network));
      expect(result.network.sources).toEqual(network.sources);
    });
  }

  it('keeps hostile text exactly: markup, quotes, newlines, formula starts', () => {
    const network = interopNetwork();
    const result = success(importCsv(exportCsv(network, { separator: ',' }), {}));
    const byId = new Map(result.network.organisations.map((o) => [o.id, o]));
    expect(byId.get('min-bzk')!.name).toBe('<script>alert("x")</script> & Co');
    expect(byId.get('min-bzk')!.description).toBe("'=al beschermd; &amp; letterlijk; <b>vet</b>");
    expect(byId.get('ibd')!.description).toBe('=HYPERLINK("http://example.org","klik")');
    expect(byId.get('GM0513')!.description).toBe(
      'Regel 1\nRegel 2, met "aanhalingstekens"; en een puntkomma',
    );
    const notes = result.network.relations.map((r) => r.note);
    expect(notes).toContain('Regel één\r\nRegel twee, "geciteerd"');
    expect(notes).toContain('\t=cmd|/c calc');
    // netwerk.csv carries the sources, so none is a stand-in.
    expect(result.network.sources).toEqual(network.sources);
    expect(result.warnings).toEqual([]);
  });

  it('writes Dutch headers and words for Excel, and reads them back unchanged', () => {
    const network = interopNetwork();
    const files = exportCsv(network, { separator: ';', dutch: true });
    const [orgHeader] = files.organisations.replace(/^\uFEFF/, '').split('\r\n');
    const [relHeader] = files.relations.replace(/^\uFEFF/, '').split('\r\n');
    expect(orgHeader).toBe(
      "id;soort;naam;afkorting;categorie;domein;aantal leden;CBS-code;provincie;inwoners;peiljaar;website;omschrijving;labels;breedtegraad;lengtegraad;bron;thema's;rol per thema",
    );
    expect(relHeader).toBe("van;naar;soort;rol;sinds;toelichting;reden;gewicht;bron-id;thema's");
    expect(files.organisations).toContain(';Gemeente;');
    expect(files.organisations).not.toContain('municipality');
    expect(files.relations).toMatch(/;Lidmaatschap;/);
    const result = success(importCsv(files, { existing: network }));
    expect(result.rejectedRows).toEqual([]);
    expect(result.assumed).toEqual({ kinds: 0, types: 0 });
    expect(comparable(result.network)).toEqual(comparable(network));
  });

  it('reads its own zip back', () => {
    const network = interopNetwork();
    const result = success(
      importCsvZip(exportCsvZip(network, { separator: ';' }), { existing: network }),
    );
    expect(comparable(result.network)).toEqual(comparable(network));
  });
});

describe('CSV import from a Dutch spreadsheet', () => {
  it('reads semicolons, Dutch headers, Dutch words and thousands separators', () => {
    const result = success(
      importCsv({
        organisations: fixture('gemeenten-nl.csv'),
        relations: fixture('relaties-nl.csv'),
      }),
    );
    expect(result.rejectedRows).toEqual([]);
    const byId = new Map(result.network.organisations.map((o) => [o.id, o]));
    expect(byId.get('GM0513')).toMatchObject({
      kind: 'municipality',
      name: 'Gouda',
      cbsCode: 'GM0513',
      population: 75_758,
      populationYear: 2024,
      sourceId: 'cbs',
    });
    expect(byId.get('GM0268')!.population).toBe(183_678);
    expect(byId.get('vng')).toMatchObject({ kind: 'association', shortName: 'VNG' });
    expect(byId.get('ibd')!.kind).toBe('sharedService');
    expect(byId.get('bzk')!.kind).toBe('chainPartner');
    const rels = result.network.relations;
    expect(rels).toHaveLength(6);
    expect(rels).toContainEqual({
      source: 'GM0268',
      target: 'ibd',
      type: 'uses',
      role: 'frontrunner',
      since: '2013-01',
      note: 'Eerste; met puntkomma',
    });
    expect(rels).toContainEqual({ source: 'vng', target: 'bzk', type: 'partner', weight: 1.5 });
    expect(rels).toContainEqual({
      source: 'GM0513',
      target: 'GM0268',
      type: 'knowledge',
      note: 'Gesprek GGU',
      weight: 2,
    });
    expect(result.assumed).toEqual({ kinds: 0, types: 0 });
  });

  it('reads a file without BOM and with commas just the same', () => {
    const text = fixture('gemeenten-nl.csv')
      .replace(/^\uFEFF/, '')
      .replace(/;/g, ',');
    const result = success(importCsv({ organisations: text.replace('"183 678"', '183678') }));
    expect(result.network.organisations.map((o) => o.id)).toEqual([
      'GM0513',
      'GM0268',
      'vng',
      'ibd',
      'bzk',
    ]);
  });

  it('gives rows without a kind the chosen default and counts them', () => {
    const text = 'id,naam\r\na,Alfa\r\nb,Beta\r\n';
    const result = success(importCsv({ organisations: text }, { defaultKind: 'sharedService' }));
    expect(result.network.organisations.map((o) => o.kind)).toEqual([
      'sharedService',
      'sharedService',
    ]);
    expect(result.assumed.kinds).toBe(2);
    expect(result.warnings.join(' ')).toContain('geen kolom "kind"');
  });

  it('reads Gephi-style direction words in the type column as "no type given"', () => {
    const orgs = 'Id,Label,Soort\r\na,Alfa,gemeente\r\nb,Beta,gemeente\r\n';
    const rels = 'Source,Target,Type\r\na,b,Directed\r\n';
    const result = success(
      importCsv({ organisations: orgs, relations: rels }, { defaultType: 'member' }),
    );
    expect(result.network.relations).toEqual([{ source: 'a', target: 'b', type: 'member' }]);
    expect(result.assumed.types).toBe(1);
  });
});

describe('CSV import of rows that cannot be read', () => {
  const organisations = [
    'id,kind,name,population', // line 1
    'GM0513,gemeente,Gouda,75.758', // 2
    'GM0268,gemeente,Nijmegen', // 3: a field short
    'x,kasteel,Kasteel,', // 4: unknown kind
    ',gemeente,Zonder id,', // 5: no id
    'GM0363,gemeente,"Amsterdam', // 6-7: a name over two lines, still fine
    'aan het IJ",900000',
    'GM0513,gemeente,Gouda nogmaals,', // 8: duplicate id
    'GM0344,gemeente,Utrecht,veel', // 9: population not a number
    'vng,vereniging,VNG,', // 10
    '',
  ].join('\n');
  const relations = [
    'source;target;type;role', // 1
    'GM0513;vng;lid;', // 2
    'GM0513;onbekend;lid;', // 3: dangling
    'GM0268;vng;lid;', // 4: Nijmegen's row was rejected
    'GM0363;vng;lid;baas', // 5: unknown role
    'GM0363;GM0363;kennis;', // 6: to itself
    'GM0513;vng;lid;', // 7: duplicate
    'GM0363;vng;lid;koploper', // 8
  ].join('\r\n');

  it('imports the good rows and reports each bad one with its line', () => {
    const result = success(importCsv({ organisations, relations }));
    expect(result.network.organisations.map((o) => o.id).sort()).toEqual([
      'GM0363',
      'GM0513',
      'vng',
    ]);
    expect(result.network.organisations.find((o) => o.id === 'GM0363')!.name).toBe(
      'Amsterdam\naan het IJ',
    );
    expect(result.network.relations).toEqual([
      { source: 'GM0513', target: 'vng', type: 'member' },
      { source: 'GM0363', target: 'vng', type: 'member', role: 'frontrunner' },
    ]);
    const rows = result.rejectedRows.map((r) => [r.file, r.row]);
    expect(rows).toEqual([
      ['organisaties', 3],
      ['organisaties', 4],
      ['organisaties', 5],
      ['organisaties', 8],
      ['organisaties', 9],
      ['relaties', 3],
      ['relaties', 4],
      ['relaties', 5],
      ['relaties', 6],
      ['relaties', 7],
    ]);
    const reason = (file: string, row: number) =>
      result.rejectedRows.find((r) => r.file === file && r.row === row)!.reason;
    expect(reason('organisaties', 3)).toContain('heeft 3 velden, maar de kopregel heeft er 4');
    expect(reason('organisaties', 4)).toContain('onbekende soort "kasteel"');
    expect(reason('organisaties', 5)).toContain('de id ontbreekt');
    expect(reason('organisaties', 8)).toContain('staat al op regel 2');
    expect(reason('organisaties', 9)).toContain('kolom "population": verwacht een aantal inwoners');
    expect(reason('relaties', 3)).toContain('"onbekend", die niet bij de organisaties staat');
    expect(reason('relaties', 4)).toContain('"GM0268", waarvan de rij is afgewezen');
    expect(reason('relaties', 5)).toContain('onbekende rol "baas"');
    expect(reason('relaties', 6)).toContain('met zichzelf');
    expect(reason('relaties', 7)).toContain('dubbel');
  });

  it('rejects an unknown kind even with a default: the default is only for an empty kind', () => {
    const result = success(importCsv({ organisations }, { defaultKind: 'chainPartner' }));
    expect(result.network.organisations.find((o) => o.id === 'x')).toBeUndefined();
    expect(result.rejectedRows!.length).toBeGreaterThan(0);
    const empty = success(
      importCsv({ organisations: 'id,kind,name\ny,,Leeg\n' }, { defaultKind: 'chainPartner' }),
    );
    expect(empty.network.organisations[0]!.kind).toBe('chainPartner');
    expect(empty.assumed.kinds).toBe(1);
  });

  it('reports an unclosed quote as a bad row', () => {
    const text = 'id,name\na,Alfa\nb,"Beta\nc,Gamma\n';
    const result = success(importCsv({ organisations: text }));
    expect(result.network.organisations.map((o) => o.id)).toEqual(['a']);
    expect(result.rejectedRows).toEqual([
      {
        file: 'organisaties',
        row: 3,
        lastRow: 4,
        records: 2,
        reason: expect.stringContaining('wordt nooit gesloten'),
      },
    ]);
  });

  it('fails as a whole when no row can be read', () => {
    const result = importCsv({ organisations: 'id,name\n,\n,Zonder id\n' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.message).toContain('geen enkele organisatie');
      expect(result.errors[1]).toMatchObject({ where: 'organisaties.csv, regel 3' });
    }
  });

  it('fails as a whole when the header lacks a required column', () => {
    const result = importCsv({ organisations: 'code;titel\nGM0513;Gouda\n' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('mist de kolom "id"');
  });

  it('fails on an empty file', () => {
    const result = importCsv({ organisations: '\uFEFF\r\n' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('leeg');
  });
});

describe('CSV import of relations only', () => {
  it('reads them against the current network and marks the result as a merge', () => {
    const existing = sampleNetwork();
    const relations = 'van;naar;soort\nGM0268;ibd;gebruikt\nGM0268;nergens;lid\n';
    const result = success(importCsv({ relations }, { existing }));
    expect(result.mergeOnly).toBe(true);
    expect(result.network.organisations).toHaveLength(existing.organisations.length);
    expect(result.network.relations).toEqual([{ source: 'GM0268', target: 'ibd', type: 'uses' }]);
    expect(result.rejectedRows).toEqual([
      { file: 'relaties', row: 3, reason: expect.stringContaining('"nergens"') },
    ]);
  });

  it('is refused without a current network', () => {
    const result = importCsv({ relations: 'van;naar\na;b\n' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('alleen relaties');
  });
});

describe('CSV import limits', () => {
  it('refuses a file over the size limit', () => {
    const huge = `id,name\na,${'x'.repeat(1_000)}\n`;
    const result = importCsv({ organisations: huge }, { limits: { maxFileBytes: 1_000 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('Netwerkkaart leest bestanden tot');
  });

  it('refuses a zip that would unpack beyond the limit, from its directory alone', () => {
    const zip = exportCsvZip(sampleNetwork(), { separator: ';' });
    const result = importCsvZip(zip, { limits: { maxFileBytes: zip.length } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.message).toContain('pakt uit tot meer dan');
    expect(importCsvZip(zip, { limits: { maxFileBytes: zip.length - 1 } }).ok).toBe(false);
  });
});

describe('the header line, read without papaparse', () => {
  // Format detection reads the header by hand, so the map need not load
  // papaparse; it must find the header the table reader finds.
  const byReader = (text: string) => {
    const table = readCsvTable(text, 'organisaties');
    return 'header' in table ? table.header : [];
  };
  const samples = [
    'id;naam\r\na;A\r\n',
    '\uFEFFid,name,kind\n',
    'van\tnaar\tsoort\nGM0513\tibd\tlid',
    '"id";"naam ""officieel""";"omschrijving, kort"\n',
    '"naam\nmet regel";id\nx;y\n',
    "'=id;naam\n",
    'id',
    '',
    'a"b;c\n',
    // Blank lines before the header: papaparse's `preview` counted them, so
    // detection used to miss a header the reader then found.
    '\n\nsource,target\na,b\n',
    ',,\n  \nid,name\n',
    '\r\rsource,target\ra,b\r',
  ];

  it('reads the first record that is not blank, as the table reader does', () => {
    for (const text of samples)
      expect(readHeader(text), JSON.stringify(text)).toEqual(byReader(text));
  });

  it('reads a header on the first line as papaparse does', () => {
    for (const text of samples.slice(0, 9)) {
      const body = text.replace(/^\uFEFF/, '');
      const [first = []] = Papa.parse<string[]>(body, {
        delimiter: detectSeparator(body),
        preview: 1,
        skipEmptyLines: 'greedy',
      }).data;
      expect(readHeader(text), JSON.stringify(text)).toEqual(first);
    }
  });

  it('names the table from the header', () => {
    expect(detectCsvTable('van;naar;soort\n')).toBe('relations');
    expect(detectCsvTable('"id";"naam"\n')).toBe('organisations');
    expect(detectCsvTable('\n\nsource,target\n')).toBe('relations');
    expect(detectCsvTable('kleur;maat\n')).toBeUndefined();
  });
});
