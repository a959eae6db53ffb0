import { it } from 'vitest';
import { importJsonText } from '../../../src/io/importNetwork';
import { importCsv } from '../../../src/io/csvImport';
it('cc', () => {
  const r = importJsonText(
    JSON.stringify({
      format: 'netwerkkaart',
      version: 1,
      organisations: [{ id: 'a', kind: 'association', name: 'A\u0008b' }],
      relations: [],
    }),
  );
  console.log(r.ok ? 'ok' : r.errors[0]);
  const c = importCsv({ organisations: 'id;name\na;A\u0008b\nb;B\n' });
  console.log(c.ok ? c.rejectedRows : c.errors);
});
