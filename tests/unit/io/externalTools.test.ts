import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGexf, importGexf } from '../../../src/io/gexfFormat';
import { exportGraphml, importGraphml } from '../../../src/io/graphmlFormat';
import type { ImportResult } from '../../../src/io/importResult';
import { importJsonText } from '../../../src/io/importNetwork';
import { interopNetwork } from '../../fixtures/interopNetwork';

// Files that tools nobody on this project wrote have read or written. The
// exports below are what tests/fixtures/external/make-fixtures.py feeds to
// networkx and igraph; what those wrote back is committed beside them and
// read here, so CI checks the tools' files without having the tools.
// `UPDATE_FIXTURES=1` rewrites the exports; `EXTERNAL_EXPORT_DIR=dir` also
// writes the national network's exports there for tests/scripts/check-external-tools.sh.

const DIR = 'tests/fixtures/external';
const now = new Date('2026-11-30T12:00:00Z');

/** Every organisation somewhere: a circle, in the map's coordinates (y downwards). */
function circleView(ids: readonly string[]) {
  return {
    positions: new Map(
      ids.map((id, i) => {
        const angle = (2 * Math.PI * i) / ids.length;
        return [
          id,
          {
            x: Math.round(Math.cos(angle) * 10000) / 100,
            y: Math.round(Math.sin(angle) * 10000) / 100,
          },
        ];
      }),
    ),
  };
}

function exports() {
  const network = interopNetwork();
  const view = circleView(network.organisations.map((o) => o.id).sort());
  return {
    network,
    view,
    gexf: exportGexf(network, view, now),
    graphml: exportGraphml(network, view),
  };
}

function success(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result;
}

const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

const hasXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the exports the tools were given', () => {
  const current = exports();
  if (process.env.UPDATE_FIXTURES === '1') {
    writeFileSync(join(DIR, 'netwerkkaart.gexf'), current.gexf);
    writeFileSync(join(DIR, 'netwerkkaart.graphml'), current.graphml);
  }
  const target = process.env.EXTERNAL_EXPORT_DIR;
  if (target) {
    const nl = importJsonText(readFileSync('data/netwerkkaart-nl.json', 'utf8'));
    if (!nl.ok) throw new Error('the national data must import');
    const view = circleView(nl.network.organisations.map((o) => o.id));
    writeFileSync(join(target, 'netwerkkaart-nl.gexf'), exportGexf(nl.network, view, now));
    writeFileSync(join(target, 'netwerkkaart-nl.graphml'), exportGraphml(nl.network, view));
    writeFileSync(join(target, 'netwerkkaart.gexf'), current.gexf);
    writeFileSync(join(target, 'netwerkkaart.graphml'), current.graphml);
  }

  it('are what the writers write now (UPDATE_FIXTURES=1 and make-fixtures.py when not)', () => {
    expect(read('netwerkkaart.gexf')).toBe(current.gexf);
    expect(read('netwerkkaart.graphml')).toBe(current.graphml);
  });

  it.skipIf(!hasXmllint)('GEXF is valid against the official GEXF 1.3 RELAX NG schema', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gexf-')), 'netwerkkaart.gexf');
    writeFileSync(file, current.gexf);
    // Throws with xmllint's message when the file does not validate.
    const out = execFileSync(
      'xmllint',
      ['--noout', '--relaxng', join(DIR, 'gexf-1.3', 'gexf.rng'), file],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(out).toBe('');
  });

  it.skipIf(!hasXmllint)('an empty network is valid GEXF 1.3 too', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gexf-')), 'leeg.gexf');
    writeFileSync(
      file,
      exportGexf({ title: 'Leeg', sources: [], organisations: [], relations: [] }),
    );
    execFileSync('xmllint', ['--noout', '--relaxng', join(DIR, 'gexf-1.3', 'gexf.rng'), file], {
      stdio: 'ignore',
    });
  });

  it('the official schema files are the ones the README names', () => {
    for (const name of ['gexf.rng', 'dynamics.rng', 'viz.rng'])
      expect(existsSync(join(DIR, 'gexf-1.3', name))).toBe(true);
  });
});

/** What a file from a tool should still say about the network we gave it. */
function expectSameNetwork(result: ReturnType<typeof success>, options: { title: boolean }) {
  const original = interopNetwork();
  const byId = new Map(result.network.organisations.map((o) => [o.id, o]));
  expect([...byId.keys()].sort()).toEqual(original.organisations.map((o) => o.id).sort());
  for (const org of original.organisations) {
    const back = byId.get(org.id)!;
    expect(back.kind).toBe(org.kind);
    expect(back.name).toBe(org.name);
    if (org.population !== undefined) expect(back.population).toBe(org.population);
  }
  const keys = (rels: { source: string; target: string; type: string }[]) =>
    rels.map((r) => `${r.source}|${r.type}|${r.target}`).sort();
  expect(keys(result.network.relations)).toEqual(keys(original.relations));
  expect(result.network.sources).toEqual(original.sources);
  if (options.title) expect(result.network.title).toBe(original.title);
  expect(result.unmapped).toBeUndefined();
  expect(result.assumed).toEqual({ kinds: 0, types: 0 });
}

const positionsOf = (result: ReturnType<typeof success>) =>
  Object.fromEntries([...(result.positions ?? new Map())].map(([id, p]) => [id, [p.x, p.y]]));

describe('files written by networkx (made-with.json says which version)', () => {
  it('reads a GEXF networkx read and wrote back: ids, kinds, relation types, sources, positions', () => {
    const result = success(importGexf(read('networkx-read-write.gexf')));
    // networkx keeps no <description>, so the title is the only thing it loses.
    expectSameNetwork(result, { title: false });
    expect(positionsOf(result)).toEqual(
      positionsOf(success(importGexf(read('netwerkkaart.gexf')))),
    );
    expect(result.warnings).toEqual([]);
  });

  it('reads the positions of a layout made in networkx, y turned downwards for the map', () => {
    const result = success(importGexf(read('networkx-layout.gexf')));
    const layout = JSON.parse(read('networkx-layout-positions.json')) as Record<string, number[]>;
    expect(positionsOf(result)).toEqual(
      Object.fromEntries(
        Object.entries(layout).map(([id, [x, y]]) => [id, [x, y === 0 ? 0 : -y!]]),
      ),
    );
  });

  it('reads a GEXF where networkx wrote the relation type as the edge type, in Dutch if at all', () => {
    const result = success(importGexf(read('networkx-edge-type.gexf')));
    expectSameNetwork(result, { title: false });
  });

  it('reads GraphML networkx wrote, and the GEXF it made from our GraphML', () => {
    expectSameNetwork(success(importGraphml(read('networkx-read-write.graphml'))), { title: true });
    expectSameNetwork(success(importGexf(read('networkx-from-graphml.gexf'))), { title: false });
  });
});

describe('files written by igraph', () => {
  it('keeps the organisation ids igraph carries in its "id" attribute instead of n0, n1, …', () => {
    const result = success(importGraphml(read('igraph-read-write.graphml')));
    expectSameNetwork(result, { title: true });
    expect(result.warnings).toEqual([]);
    expect(positionsOf(result)).toEqual(
      positionsOf(success(importGraphml(read('netwerkkaart.graphml')))),
    );
  });

  it('names a kind it does not know and the kind it chose instead', () => {
    const result = success(
      importGraphml(read('igraph-unknown-kind.graphml'), { defaultKind: 'association' }),
    );
    expect(result.unmapped).toEqual([{ field: 'kind', value: 'Provincie', count: 1 }]);
    expect(result.network.organisations.find((o) => o.id === 'GM0513')!.kind).toBe('association');
    expect(result.assumed.kinds).toBe(1);
  });
});
