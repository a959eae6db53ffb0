import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { exportGraphml, importGraphml } from '../../../src/io/graphmlFormat';
import { exportGexf, importGexf } from '../../../src/io/gexfFormat';
import { exportCsv } from '../../../src/io/csvExport';
import { importCsvTexts } from '../../../src/io/csvImport';
import { importJsonText } from '../../../src/io/importNetwork';
import type { Network } from '../../../src/domain/network';

const doc = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8'));
const network: Network = {
  title: doc.title,
  sources: doc.sources,
  organisations: doc.organisations,
  relations: doc.relations,
};

it('repro', () => {
  const gm = exportGraphml(network);
  const gx = exportGexf(network);
  console.log('graphml bytes', gm.length, 'gexf', gx.length);
  const i = gm.indexOf('<node id="GM0034">');
  const seg = gm.slice(i, i + 600);
  console.log(seg);
  const j = gm.indexOf('</data>', i);
  const broken = gm.slice(0, j) + gm.slice(j + 7);
  const r = importGraphml(broken);
  console.log(
    'missing </data>:',
    r.ok,
    r.ok ? r.network.organisations.filter((o) => o.kind === 'municipality').length : r.errors,
  );
  if (r.ok) console.log(r.network.organisations.find((o) => o.id === 'GM0034'));
  for (const frac of [0.3, 0.5, 0.7, 0.9]) {
    for (const [name, text, imp] of [
      ['graphml', gm, importGraphml],
      ['gexf', gx, importGexf],
    ] as const) {
      const cut = text.slice(0, Math.floor(text.length * frac));
      const t0 = performance.now();
      const res = imp(cut);
      console.log(
        name,
        frac,
        (cut.length / 1e6).toFixed(2),
        'MB',
        (performance.now() - t0).toFixed(0),
        'ms',
        res.ok ? 'OK' : res.errors[0]?.message,
      );
    }
  }
  const csv = exportCsv(network, { separator: ';' });
  const lines = csv.organisations.split('\r\n');
  lines[7] = '"' + lines[7];
  const rc = importCsvTexts([lines.join('\r\n')]);
  console.log(
    'csv lines',
    lines.length,
    rc.ok ? [rc.network.organisations.length, rc.rejectedRows] : rc.errors.slice(0, 3),
  );
  for (const t of [
    '{"a": NaN}',
    '{"a": +1}',
    '{"a": .5}',
    '['.repeat(10000) + ']'.repeat(10000),
    '{"organisations":[1]}',
  ]) {
    const r2 = importJsonText(t);
    console.log(t.slice(0, 20), r2.ok ? 'ok' : r2.errors[0]);
  }
});
