#!/usr/bin/env node
// Assigns every municipality to one region of each nationwide cooperation
// division (jeugdregio, RES-regio, RMC-regio, Veilig Thuis-regio, politie-eenheid) by overlaying
// the point inside the municipality (lat/lon in tables/municipalities.csv) on
// the CBS/PDOK 2025 region boundaries stored in data/sources/cbs-pdok-2025/.
// A point that falls outside every polygon (coast, water, generalised
// boundaries) gets the nearest region, and the relation note says so.
//
//   node data/build/assign-divisions.mjs          writes the tables
//   node data/build/assign-divisions.mjs --check  fails if the tables differ
//
// The provincial departments of the VNG need no overlay: the province decides.
//
// Writes tables/organisations-<division>.csv and tables/relations-<division>.csv.
// The partition categories themselves are declared in tables/divisions.csv.
// Deterministic: same sources, same bytes.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import { parseCsv as parseRows } from './csv.mjs';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const TABLES = join(DATA_DIR, 'tables');
const SOURCES = join(DATA_DIR, 'sources', 'cbs-pdok-2025');

/**
 * One entry per division. `file` is the CBS/PDOK topojson (object name = file
 * name without extension); `name` turns the CBS region name into ours.
 */
const DIVISIONS = [
  {
    key: 'jeugdregio',
    file: 'jeugdregio_2025',
    category: 'jeugdregio',
    idPrefix: 'jr',
    kind: 'sharedService',
    domain: 'zorg',
    sourceId: 'cbs-pdok-jeugdregio-2025',
    name: (n) => `Jeugdregio ${n}`,
    description: (code) =>
      `Jeugdregio: gemeenten die samen jeugdhulp inkopen en organiseren (Jeugdwet); CBS regiocode ${code} (Gebiedsindelingen 2025)`,
  },
  {
    key: 'res-regio',
    file: 'regionale_energiestrategie_2025',
    category: 'res-regio',
    idPrefix: 'res',
    kind: 'association',
    domain: 'fysiek',
    sourceId: 'cbs-pdok-res-regio-2025',
    name: (n) => `RES-regio ${n}`,
    description: (code) =>
      `Regio van de Regionale Energiestrategie (RES): gemeenten, provincie en waterschappen maken samen een energiestrategie; CBS regiocode ${code} (Gebiedsindelingen 2025)`,
  },
  {
    key: 'rmc-regio',
    file: 'regionaalmeld_coordinatiepunt_2025',
    category: 'rmc-regio',
    idPrefix: 'rmc',
    kind: 'sharedService',
    domain: 'onderwijs',
    sourceId: 'cbs-pdok-rmc-regio-2025',
    name: (n) => `RMC-regio ${n}`,
    description: (code) =>
      `Regionaal Meld- en Coördinatiepunt (RMC) voor voortijdig schoolverlaten: de gemeenten van de regio werken samen onder een contactgemeente; CBS regiocode ${code} (Gebiedsindelingen 2025)`,
  },
  {
    key: 'veiligthuisregio',
    file: 'veiligthuisregio_2025',
    category: 'veiligthuisregio',
    idPrefix: 'vt',
    kind: 'sharedService',
    domain: 'zorg',
    sourceId: 'cbs-pdok-veiligthuisregio-2025',
    name: (n) => `Veilig Thuis ${n}`,
    description: (code) =>
      `Veilig Thuis-regio: advies- en meldpunt huiselijk geweld en kindermishandeling dat de gemeenten van de regio samen in stand houden (Wmo 2015); CBS regiocode ${code} (Gebiedsindelingen 2025)`,
  },
  {
    key: 'politie-eenheid',
    file: 'regionale_eenheid_2025',
    category: 'politie-eenheid',
    idPrefix: 'pol',
    kind: 'association',
    domain: 'veiligheid',
    sourceId: 'cbs-pdok-regionale-eenheid-2025',
    name: (n) => `Burgemeesters politie-eenheid ${n}`,
    description: (code) =>
      `Gezamenlijke burgemeesters van de gemeenten in een regionale eenheid van de politie: zij stellen met de hoofdofficier van justitie het regionale beleidsplan vast, dragen de regioburgemeester voor en krijgen van hem verantwoording (Politiewet 2012); CBS regiocode ${code} (Gebiedsindelingen 2025)`,
  },
];

/**
 * The twelve provincial departments of the VNG (provinciale afdelingen): every
 * municipality is a member of the department of its province (vng.nl, "Provinciale
 * afdelingen"; statutes of the Utrecht department: "Leden van de vereniging zijn de
 * gemeenten in de provincie Utrecht, die lid zijn van de VNG"). No overlay: the province
 * column of tables/municipalities.csv decides. Names as the VNG page gives them.
 */
const PROVINCE_DIVISION = {
  key: 'vng-afdeling',
  category: 'vng-afdeling',
  kind: 'association',
  domain: 'bestuurlijk',
  sourceId: 'vng-provinciale-afdelingen',
  parent: 'vng',
  departments: {
    Groningen: ['vng-afd-groningen', 'Vereniging van Groninger Gemeenten'],
    Fryslân: ['vng-afd-fryslan', 'Vereniging van Friese Gemeenten'],
    Drenthe: ['vng-afd-drenthe', 'Vereniging van Drentse Gemeenten'],
    Overijssel: ['vng-afd-overijssel', 'VNG afdeling Overijssel'],
    Flevoland: ['vng-afd-flevoland', 'VNG Flevoland'],
    Gelderland: ['vng-afd-gelderland', 'VNG afdeling Gelderland'],
    Utrecht: ['vng-afd-utrecht', 'VNG afdeling Utrecht'],
    'Noord-Holland': ['vng-afd-noord-holland', 'Vereniging van Noord-Hollandse Gemeenten'],
    'Zuid-Holland': ['vng-afd-zuid-holland', 'Vereniging van Zuid-Hollandse Gemeenten'],
    Zeeland: ['vng-afd-zeeland', 'Vereniging van Zeeuwse Gemeenten'],
    'Noord-Brabant': ['vng-afd-noord-brabant', 'Vereniging Brabantse Gemeenten'],
    Limburg: ['vng-afd-limburg', 'Vereniging van Limburgse Gemeenten'],
  },
  description: (province) =>
    `Provinciale afdeling van de VNG voor ${province}: de gemeenten van de provincie behartigen samen hun belangen bij het provinciebestuur, met een eigen bestuur en ledenvergadering, en dragen kandidaten voor het VNG-bestuur voor`,
};

function byProvince(division, municipalities) {
  const organisations = Object.entries(division.departments)
    .map(([province, [id, name]]) => ({
      id,
      kind: division.kind,
      name,
      shortName: '',
      category: division.category,
      domain: division.domain,
      expectedMembers: '',
      website: '',
      description: division.description(province),
      sourceId: division.sourceId,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const relations = municipalities.map((m) => {
    const department = division.departments[m.province];
    if (!department) throw new Error(`${division.key}: no department for province ${m.province}`);
    return {
      source: m.code,
      target: department[0],
      type: 'member',
      note: '',
      sourceId: division.sourceId,
    };
  });
  relations.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  // each department is part of the VNG ("onderdeel van" is encoded as member)
  for (const o of organisations)
    relations.push({
      source: o.id,
      target: division.parent,
      type: 'member',
      note: 'provinciale afdeling van de VNG',
      sourceId: division.sourceId,
    });
  return { organisations, relations, fallback: [], checked: [] };
}

// --- CSV in and out (the dialect of csv.mjs)
function parseCsv(text) {
  const rows = parseRows(text);
  const [header, ...body] = rows.filter((r) => r.some((c) => c !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}
const cell = (v) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const toCsv = (header, rows) =>
  [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\n') + '\n';

export function slug(s) {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// --- geometry: planar even-odd test on lon/lat (the country is small enough),
// distance to the boundary in metres on a local equirectangular projection.
function ringsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  throw new Error(`unexpected geometry ${geometry.type}`);
}
function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function contains(geometry, p) {
  return ringsOf(geometry).some((polygon) => polygon.filter((r) => inRing(p, r)).length % 2 === 1);
}
const M_PER_DEG_LAT = 111_320;
function distanceToBoundary(geometry, [lon, lat]) {
  const kx = M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  const ky = M_PER_DEG_LAT;
  let best = Infinity;
  for (const polygon of ringsOf(geometry))
    for (const ring of polygon)
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1][0] - lon) * kx;
        const ay = (ring[i - 1][1] - lat) * ky;
        const bx = (ring[i][0] - lon) * kx;
        const by = (ring[i][1] - lat) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
  return best;
}

/** A point this close (metres) to another region, or outside every polygon with a runner-up
 * less than twice as far, is not decided by the overlay: tables/division-checks.csv decides. */
const NEAR_BORDER_M = 300;

function assign(division, municipalities, checks) {
  const topo = JSON.parse(readFileSync(join(SOURCES, `${division.file}.topojson`), 'utf8'));
  const regions = feature(topo, topo.objects[division.file]).features.map((f) => ({
    code: f.properties.statcode,
    cbsName: f.properties.statnaam,
    id: `${division.idPrefix}-${slug(f.properties.statnaam)}`,
    geometry: f.geometry,
  }));
  const byId = new Map(regions.map((r) => [r.id, r]));
  if (byId.size !== regions.length) throw new Error(`${division.key}: two regions share an id`);

  const relations = [];
  const fallback = [];
  const checked = [];
  const usedChecks = new Set();
  for (const m of municipalities) {
    const p = [Number(m.lon), Number(m.lat)];
    const hits = regions.filter((r) => contains(r.geometry, p));
    if (hits.length > 1)
      throw new Error(`${division.key}: ${m.name} lies in ${hits.map((h) => h.code).join(', ')}`);
    const ranked = regions
      .filter((r) => r !== hits[0])
      .map((r) => ({ r, d: Math.round(distanceToBoundary(r.geometry, p)) }))
      .sort((a, b) => a.d - b.d || (a.r.code < b.r.code ? -1 : 1));
    let region;
    let note = '';
    let uncertain = false;
    if (hits[0]) {
      region = hits[0];
      if (ranked[0].d < NEAR_BORDER_M) {
        uncertain = true;
        note = `overlay point in ${region.cbsName}, ${ranked[0].d} m from ${ranked[0].r.cbsName}`;
      }
    } else {
      region = ranked[0].r;
      note = `overlay point outside the generalised region polygons (coast/water); assigned to the nearest region (${ranked[0].d} m)`;
      if (ranked[1].d < 2 * ranked[0].d) {
        uncertain = true;
        note = `overlay point outside the generalised region polygons; nearest ${ranked[0].r.cbsName} (${ranked[0].d} m), then ${ranked[1].r.cbsName} (${ranked[1].d} m)`;
      } else fallback.push(`${m.name} -> ${region.cbsName} (${ranked[0].d} m)`);
    }
    let sourceId = division.sourceId;
    const check = checks.find((c) => c.category === division.category && c.code === m.code);
    if (uncertain) {
      if (!check)
        throw new Error(`${division.key}: ${m.name} needs a row in division-checks.csv (${note})`);
      const candidates = hits[0] ? [hits[0], ranked[0].r] : [ranked[0].r, ranked[1].r];
      region = byId.get(check.region);
      if (!region || !candidates.includes(region))
        throw new Error(
          `${division.key}: check for ${m.name} names ${check.region}, not one of the two candidates`,
        );
      note += `; checked by hand: ${check.reason}`;
      if (check.sourceId) sourceId = check.sourceId;
      usedChecks.add(check);
      checked.push(`${m.name} -> ${region.cbsName}`);
    } else if (check)
      throw new Error(`${division.key}: ${m.name} has a check but the overlay is clear`);
    relations.push({ source: m.code, target: region.id, type: 'member', note, sourceId });
  }
  const used = new Set(relations.map((r) => r.target));
  const empty = regions.filter((r) => !used.has(r.id)).map((r) => r.cbsName);
  if (empty.length) throw new Error(`${division.key}: no municipality in ${empty.join(', ')}`);
  const unused = checks.filter((c) => c.category === division.category && !usedChecks.has(c));
  if (unused.length) throw new Error(`${division.key}: unused checks ${unused.map((c) => c.name)}`);

  const organisations = regions
    .map((r) => ({
      id: r.id,
      kind: division.kind,
      name: division.name(r.cbsName),
      shortName: '',
      category: division.category,
      domain: division.domain,
      expectedMembers: '',
      website: '',
      description: division.description(r.code),
      sourceId: division.sourceId,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  relations.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { organisations, relations, fallback, checked };
}

const ORG_HEADER = [
  'id',
  'kind',
  'name',
  'shortName',
  'category',
  'domain',
  'expectedMembers',
  'website',
  'description',
  'sourceId',
];
const REL_HEADER = ['source', 'target', 'type', 'role', 'since', 'note', 'sourceId'];

const check = process.argv.includes('--check');
const municipalities = parseCsv(readFileSync(join(TABLES, 'municipalities.csv'), 'utf8'));
const checks = parseCsv(readFileSync(join(TABLES, 'division-checks.csv'), 'utf8'));
for (const c of checks) {
  const m = municipalities.find((x) => x.code === c.code);
  if (!m || m.name !== c.name) throw new Error(`division-checks.csv: ${c.code} is not ${c.name}`);
  if (!DIVISIONS.some((d) => d.category === c.category))
    throw new Error(`division-checks.csv: unknown category ${c.category}`);
}
let stale = 0;
for (const division of [...DIVISIONS, PROVINCE_DIVISION]) {
  const { organisations, relations, fallback, checked } =
    division === PROVINCE_DIVISION
      ? byProvince(division, municipalities)
      : assign(division, municipalities, checks);
  const files = [
    [`organisations-${division.key}.csv`, toCsv(ORG_HEADER, organisations)],
    [`relations-${division.key}.csv`, toCsv(REL_HEADER, relations)],
  ];
  for (const [name, text] of files) {
    const path = join(TABLES, name);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing counts as different
      }
      if (current !== text) {
        console.error(`assign-divisions: tables/${name} is not the overlay of the sources`);
        stale++;
      }
    } else writeFileSync(path, text);
  }
  console.log(
    `${division.key}: ${organisations.length} regions, ${relations.length} memberships, ` +
      `${fallback.length} by nearest region${fallback.length ? ': ' + fallback.join('; ') : ''}; ` +
      `${checked.length} checked by hand${checked.length ? ': ' + checked.join('; ') : ''}`,
  );
}
if (stale) process.exit(1);
