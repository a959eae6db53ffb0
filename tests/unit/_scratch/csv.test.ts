import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { exportCsv } from '../../../src/io/csvExport';
import { importCsvTexts } from '../../../src/io/csvImport';
import { lostRecords } from '../../../src/io/importResult';
const doc = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8'));
it('csv', () => {
  const csv = exportCsv(doc, { separator: ';' });
  for (const [which, lineNo] of [
    ['organisations', 8],
    ['relations', 8],
    ['organisations', 500],
    ['relations', 5000],
  ] as const) {
    const lines = csv[which].split('\r\n');
    lines[lineNo - 1] = '"' + lines[lineNo - 1];
    const texts =
      which === 'organisations'
        ? [lines.join('\r\n'), csv.relations]
        : [csv.organisations, lines.join('\r\n')];
    const rc = importCsvTexts(texts);
    if (!rc.ok) {
      console.log(rc.errors.slice(0, 3));
      continue;
    }
    const lost = lostRecords(rc.rejectedRows);
    console.log(
      which,
      lineNo,
      'orgs',
      rc.network.organisations.length,
      'rels',
      rc.network.relations.length,
      'lost',
      lost,
      rc.rejectedRows.length,
      rc.rejectedRows.slice(0, 2),
    );
  }
});
