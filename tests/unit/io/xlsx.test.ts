import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sortNetwork } from '../../../src/domain/network';
import { detectBinaryFormat } from '../../../src/io/detectFormat';
import { exportCsvZip } from '../../../src/io/csvExport';
import type { ImportResult } from '../../../src/io/importResult';
import { exportXlsx, importXlsx } from '../../../src/io/xlsxFormat';
import { fullNetwork, withoutEmptyTags } from '../../fixtures/interopNetwork';

function success(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

const network = fullNetwork();
const positions = new Map(
  network.organisations.map((o, i) => [o.id, { x: i * 12.5 - 30, y: 40 - i * 7.25 }]),
);

async function workbookOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer as never);
  return workbook;
}

describe('Excel workbook', () => {
  it('has a sheet for organisations, relations and the network, numbers as numbers', async () => {
    const workbook = await workbookOf(await exportXlsx(network, { positions }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Organisaties', 'Relaties', 'Netwerk']);
    const orgs = workbook.getWorksheet('Organisaties')!;
    expect(orgs.getRow(1).getCell(1).value).toBe('id');
    expect(orgs.getRow(1).getCell(2).value).toBe('soort');
    const gouda = orgs.getRows(2, orgs.rowCount - 1)!.find((r) => r.getCell(1).value === 'GM0513')!;
    expect(gouda.getCell(2).value).toBe('Gemeente');
    expect(gouda.getCell(10).value).toBe(70_000);
    // A text that looks like a formula stays text: a workbook stores it as text.
    const ibd = orgs.getRows(2, orgs.rowCount - 1)!.find((r) => r.getCell(1).value === 'ibd')!;
    expect(ibd.getCell(13).value).toBe('=HYPERLINK("http://example.org","klik")');
    expect(ibd.getCell(13).type).toBe(ExcelJS.ValueType.String);
    const about = workbook.getWorksheet('Netwerk')!;
    expect([1, 3, 4].map((c) => about.getRow(2).getCell(c).value)).toEqual([
      'netwerk',
      'Testnetwerk',
      '2025-01-01',
    ]);
  });

  it('gives back everything: title, date, sources, themes, every field and the positions', async () => {
    const bytes = await exportXlsx(network, { positions });
    const other = { title: 'Ander', sources: [], organisations: [], relations: [] };
    const result = success(await importXlsx(bytes, { existing: other }));
    expect(result.format).toBe('xlsx');
    expect(result.warnings).toEqual([]);
    // XML turns a carriage return into a line feed: line breaks stay, as \n.
    const expected = withoutEmptyTags(network);
    expected.relations = expected.relations.map((r) =>
      r.note ? { ...r, note: r.note.replace(/\r\n/g, '\n') } : r,
    );
    expect(sortNetwork(result.network)).toEqual(expected);
    expect(result.positions).toEqual(positions);
  });

  it('reads a workbook someone edited: dates, a formula result, sheets in another order', async () => {
    const workbook = await workbookOf(await exportXlsx(network));
    const rels = workbook.getWorksheet('Relaties')!;
    rels.getRow(2).getCell(5).value = new Date(Date.UTC(2020, 2, 1));
    const orgs = workbook.getWorksheet('Organisaties')!;
    orgs.getRow(2).getCell(10).value = { formula: '1000*181', result: 181_000 };
    workbook.addWorksheet('Aantekeningen').addRow(['Alleen voor mij']);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = success(await importXlsx(bytes));
    const first = sortNetwork(network);
    expect(
      result.network.relations.find(
        (r) => r.source === first.relations[0]!.source && r.target === first.relations[0]!.target,
      )!.since,
    ).toBe('2020-03-01');
    expect(
      result.network.organisations.find((o) => o.id === first.organisations[0]!.id)!.population,
    ).toBe(181_000);
    expect(result.warnings).toContain('Niet gelezen uit de werkmap: blad "Aantekeningen".');
  });

  it('names a bad row by its sheet and row, and refuses what is no workbook in Dutch', async () => {
    const workbook = await workbookOf(await exportXlsx(network));
    workbook.getWorksheet('Organisaties')!.getRow(3).getCell(10).value = 'veel';
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = success(await importXlsx(bytes));
    expect(result.rejectedRows![0]).toMatchObject({ file: 'organisaties', row: 3 });
    expect(result.rejectedRows![0]!.reason).toContain('kolom "inwoners"');
    const broken = await importXlsx(new Uint8Array([80, 75, 3, 4, 1, 2, 3]));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors[0]!.message).toContain('geen leesbare Excel-werkmap');
  });

  it('is told from a zip of CSV files by its content', async () => {
    expect(detectBinaryFormat(await exportXlsx(network))).toBe('xlsx');
    expect(detectBinaryFormat(exportCsvZip(network, { separator: ';' }))).toBe('csvZip');
  });
});
