import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { parseTopology } from '../../../../src/render/geo/geoModel';
import type { RegionInput } from '../../../../src/render/geo/regions';

// The real committed files, read once per test file: the boundaries, the
// municipality table and the GGD memberships of the embedded dataset.

export interface MunicipalityRow {
  code: string;
  name: string;
  population: number;
  lat: number;
  lon: number;
}

let topology: Topology | undefined;
export function loadTopology(): Topology {
  topology ??= parseTopology(readFileSync('public/geo/gemeente-2025.topojson', 'utf8'));
  return topology;
}

export function loadMunicipalities(): MunicipalityRow[] {
  const [header, ...lines] = readFileSync('data/tables/municipalities.csv', 'utf8')
    .trim()
    .split('\n');
  const columns = header!.split(',');
  const at = (cells: string[], name: string) => cells[columns.indexOf(name)]!;
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    return {
      code: at(cells, 'code'),
      name: at(cells, 'name'),
      population: Number(at(cells, 'population')),
      lat: Number(at(cells, 'lat')),
      lon: Number(at(cells, 'lon')),
    };
  });
}

/** One region per ggd-* target, its members the municipalities with a member relation to it. */
export function loadGgdRegions(): RegionInput[] {
  const doc = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as {
    organisations: { id: string; name: string }[];
    relations: { source: string; target: string; type: string }[];
  };
  const names = new Map(doc.organisations.map((o) => [o.id, o.name]));
  const members = new Map<string, string[]>();
  for (const r of doc.relations) {
    if (!r.target.startsWith('ggd-') || r.type !== 'member' || !/^GM\d{4}$/.test(r.source))
      continue;
    const list = members.get(r.target);
    if (list) list.push(r.source);
    else members.set(r.target, [r.source]);
  }
  return [...members].map(([id, list]) => ({ id, name: names.get(id) ?? id, members: list }));
}

/** Commas inside double quotes belong to the cell ("Nuenen, Gerwen en Nederwetten"). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      if (quoted && line[i + 1] === '"') cell += line[++i];
      else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
