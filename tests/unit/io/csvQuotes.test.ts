import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { exportCsv } from '../../../src/io/csvExport';
import { importCsv, importCsvTexts } from '../../../src/io/csvImport';
import { lostRecords, type ImportResult, type ImportSuccess } from '../../../src/io/importResult';
import { unnamedLosses } from './csvAccounting';

// A stray quote (issue #19): one " at the start of a line made papaparse read
// hundreds of lines as one field, and the preview named one row.

const national = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as Network;
const csv = exportCsv(national, { separator: ';' });

function success(result: ImportResult): ImportSuccess {
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result;
}

const withQuote = (text: string, line: number, at = 0) => {
  const lines = text.split('\r\n');
  lines[line - 1] = lines[line - 1]!.slice(0, at) + '"' + lines[line - 1]!.slice(at);
  return lines.join('\r\n');
};

describe('two CSV files', () => {
  it('are refused when one has no header Netwerkkaart knows, instead of dropping it', () => {
    const relations = csv.relations.split('\r\n').slice(1).join('\r\n'); // the header deleted
    const result = importCsvTexts([csv.organisations, relations]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors[0]!.where).toBe('bestand 2 van 2');
      expect(result.errors[0]!.message).toContain('zonder herkenbare kopregel');
    }
    const twice = importCsvTexts([csv.organisations, csv.organisations]);
    expect(twice.ok).toBe(false);
  });
});

describe('a quote that swallows the lines after it', () => {
  it('in organisaties.csv, line 8: every swallowed line is named and counted', () => {
    const organisations = withQuote(csv.organisations, 8);
    const result = success(importCsv({ organisations, relations: csv.relations }));
    const span = result.rejectedRows!.find((r) => r.file === 'organisaties' && r.row === 8)!;
    // It runs on until a later field closes it (a quoted description or a JSON cell).
    expect(span.lastRow).toBeGreaterThan(20);
    expect(span.records).toBe(span.lastRow! - 8 + 1);
    expect(span.reason).toContain(
      `op regel 8 opent een veld dat pas op regel ${span.lastRow} sluit`,
    );
    // Every organisation is stored or named; the count says how many are lost.
    const orgRows = result.rejectedRows!.filter((r) => r.file === 'organisaties');
    expect(result.network.organisations.length + lostRecords(orgRows)).toBe(
      national.organisations.length,
    );
    expect(
      unnamedLosses(national, csv, { organisations, relations: csv.relations }, result),
    ).toEqual([]);
    // Relations to a swallowed organisation say it was rejected, not unknown.
    const relation = result.rejectedRows!.find((r) => r.file === 'relaties')!;
    expect(relation.reason).toContain('waarvan de rij is afgewezen');
  });

  it('in relaties.csv: the preview names all swallowed relations, not one row', () => {
    for (const line of [8, 2000, 5000]) {
      const relations = withQuote(csv.relations, line);
      const result = success(importCsv({ organisations: csv.organisations, relations }));
      expect(result.network.relations.length + lostRecords(result.rejectedRows!)).toBe(
        national.relations.length,
      );
      expect(
        unnamedLosses(national, csv, { organisations: csv.organisations, relations }, result),
      ).toEqual([]);
    }
  });

  it('that never closes: the rest of the file is named', () => {
    const text = 'id;name\na;Alfa\n"b;Beta\nc;Gamma\nd;Delta\n';
    const result = success(importCsv({ organisations: text }));
    expect(result.rejectedRows).toEqual([
      expect.objectContaining({ row: 3, lastRow: 5, records: 3 }),
    ]);
    expect(result.rejectedRows![0]!.reason).toContain('wordt nooit gesloten');
  });

  it('a quoted description over two lines is still one record', () => {
    const text = 'id;name;description\na;Alfa;"eerste regel\ntweede regel"\nb;Beta;\n';
    const result = success(importCsv({ organisations: text }));
    expect(result.rejectedRows).toEqual([]);
    expect(result.network.organisations.find((o) => o.id === 'a')!.description).toBe(
      'eerste regel\ntweede regel',
    );
  });

  it('a line break in an id is a swallowing quote, even when the field count fits', () => {
    const text = 'id;name\n"a\nb";Alfa\nc;Gamma\n';
    const result = success(importCsv({ organisations: text }));
    expect(result.rejectedRows).toEqual([
      expect.objectContaining({ row: 2, lastRow: 3, records: 2 }),
    ]);
  });
});
