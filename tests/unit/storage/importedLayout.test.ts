import { describe, expect, it } from 'vitest';
import { exportGexf, importGexf } from '../../../src/io/gexfFormat';
import { toLayoutScale } from '../../../src/io/positions';
import { NetwerkkaartDB } from '../../../src/storage/db';
import { importedLayout } from '../../../src/storage/importedLayout';
import { fingerprintOf, readLayout } from '../../../src/storage/layoutStore';
import { readNetwork, replaceNetwork } from '../../../src/storage/repository';
import { sampleNetwork } from '../fixtures';

// A file's positions become the saved layout of the network it brought, for
// exactly that network, so the map starts from them without laying out.

const database = () => new NetwerkkaartDB(`imported-layout-${Math.random()}`);

describe('positions of an import', () => {
  it('are saved with the replaced network, for exactly its fingerprint', async () => {
    const db = database();
    const network = sampleNetwork();
    const positions = new Map(
      network.organisations.map((o, i) => [o.id, { x: i * 20 - 50, y: 10 - i * 5 }]),
    );
    const result = importGexf(exportGexf(network, { positions }));
    if (!result.ok) throw new Error('the export must import');
    await replaceNetwork(db, result.network, {
      origin: 'import',
      layout: importedLayout(result.network, result.positions!),
    });
    const stored = await readNetwork(db);
    const saved = await readLayout(db, fingerprintOf(stored));
    expect(saved?.exact).toBe(true);
    for (const [id, p] of positions) expect(saved!.positions.get(id)).toEqual([p.x, p.y]);
    db.close();
  });

  it('for only some organisations are saved for the map to settle in, not as final', async () => {
    const db = database();
    const network = sampleNetwork();
    await replaceNetwork(db, network, {
      origin: 'import',
      layout: importedLayout(
        network,
        new Map([
          ['GM0513', { x: 0, y: 0 }],
          ['vng', { x: 200, y: 100 }],
        ]),
      ),
    });
    const saved = await readLayout(db, fingerprintOf(await readNetwork(db)));
    expect(saved?.exact).toBe(false);
    expect(saved?.positions.size).toBe(2);
    db.close();
  });

  it('replace the layout of the network before; an import without positions clears it', async () => {
    const db = database();
    const network = sampleNetwork();
    await replaceNetwork(db, network, {
      origin: 'import',
      layout: importedLayout(
        network,
        new Map(network.organisations.map((o, i) => [o.id, { x: i * 40, y: i * 40 }])),
      ),
    });
    await replaceNetwork(db, network, { origin: 'import' });
    expect(await readLayout(db, fingerprintOf(network))).toBeUndefined();
    db.close();
  });
});

describe('toLayoutScale', () => {
  it('keeps positions near the map scale exactly, so a round trip changes nothing', () => {
    const positions = new Map([
      ['a', { x: -30, y: 10 }],
      ['b', { x: 40, y: -20 }],
    ]);
    expect(toLayoutScale(positions, 6)).toBe(positions);
  });

  it('scales a unit-square layout (igraph, networkx) up, keeping its shape', () => {
    const scaled = toLayoutScale(
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 1, y: 0.5 }],
      ]),
      100,
    );
    const a = scaled.get('a')!;
    const b = scaled.get('b')!;
    expect(b.x - a.x).toBeCloseTo(300);
    expect(b.y - a.y).toBeCloseTo(150);
  });
});
