import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { exportCsv } from '../../../src/io/csvExport';
const doc = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8'));
it('h', () => {
  const c = exportCsv(doc, { separator: ';' });
  console.log(c.organisations.split('\r\n').slice(0, 3).join('\n'));
  console.log(c.relations.split('\r\n').slice(0, 3).join('\n'));
  console.log(c.organisations.split('\r\n').length, c.relations.split('\r\n').length);
});
