import { readFileSync, writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { exportGraphml } from '../../../src/io/graphmlFormat';
import { exportGexf } from '../../../src/io/gexfFormat';
const doc = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8'));
it('dump', () => {
  writeFileSync('/tmp/xmlbench/nl.graphml', exportGraphml(doc));
  writeFileSync('/tmp/xmlbench/nl.gexf', exportGexf(doc));
});
