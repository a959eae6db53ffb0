import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { parseXmlDocument as oldParse } from './oldXml';
import { importGraphml } from '../../../src/io/graphmlFormat';
import { importGexf } from '../../../src/io/gexfFormat';
it('timing', () => {
  const rows: string[] = [];
  for (const f of [
    'graphml-cut-280000.graphml',
    'graphml-cut-470000.graphml',
    'graphml-cut-660000.graphml',
    'graphml-cut-840000.graphml',
    'graphml-cut-90pct.graphml',
    'gexf-cut-280000.gexf',
    'gexf-cut-470000.gexf',
    'gexf-cut-660000.gexf',
    'gexf-cut-840000.gexf',
    'gexf-cut-90pct.gexf',
  ]) {
    const text = readFileSync(`tests/fixtures/damaged/${f}`, 'utf8');
    const root = f.startsWith('gexf') ? 'gexf' : 'graphml';
    let t0 = performance.now();
    const o = oldParse(text, root, root, undefined);
    const before = performance.now() - t0;
    t0 = performance.now();
    const n = (root === 'gexf' ? importGexf : importGraphml)(text);
    const after = performance.now() - t0;
    rows.push(
      `${f.padEnd(30)} ${(text.length / 1e6).toFixed(2)} MB  before ${before.toFixed(0).padStart(6)} ms (${o.ok ? 'ok' : o.issue.message.slice(19, 50)})  after ${after.toFixed(0).padStart(4)} ms (${n.ok ? 'ok' : n.errors[0]!.message.slice(0, 60)})`,
    );
  }
  console.log(rows.join('\n'));
}, 600_000);
