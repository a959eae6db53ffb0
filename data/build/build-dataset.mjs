#!/usr/bin/env node
// Builds data/netwerkkaart-nl.json (exchange format v1) from the CSV tables in
// data/tables/. Plain Node 20 ESM, no dependencies. Deterministic: the same
// tables always give the same bytes (no timestamps taken from the clock).
//
//   node data/build/build-dataset.mjs
//
// Reads   data/tables/municipalities.csv
//         data/tables/organisations-*.csv  (id,kind,name,shortName,category,domain,expectedMembers,
//                                           website,description,sourceId)
//         data/tables/relations-*.csv      (source,target,type,role,since,note,themes,reason,sourceId)
//         data/tables/sources-*.csv        (id,title,publisher,year,url)
//         data/tables/divisions.csv        (category,label,domain,sourceId): the partitions
//         data/tables/partner-rules.csv
// Columns are read by header name; optional columns may be missing from a file.
//         data/tables/themes.csv, knowledge-*.csv (optional; see the knowledge block)
// Fails (exit 1) on duplicate ids, relations to unknown ids, missing or
// unknown sourceIds, malformed rows, an organisation without a known domain,
// two bodies of the same kind with the same name, and a municipality that is
// not in exactly one region of each partition in divisions.csv.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.mjs';

const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const TABLES = join(DATA_DIR, 'tables');
const OUT = join(DATA_DIR, 'netwerkkaart-nl.json');

// The date the data describe: the municipalities and regional divisions of
// 1 January 2025 (see data/README.md, "Year"). exportedAt is the same moment,
// not "now", so the same tables always give the same bytes.
const REFERENCE_DATE = '2025-01-01';
const EXPORTED_AT = `${REFERENCE_DATE}T00:00:00Z`;
const TITLE = 'Gemeentelijke samenwerking in Nederland';

const errors = [];
const fail = (msg) => errors.push(msg);

function readTable(file, required) {
  const name = relative(process.cwd(), file);
  let rows;
  try {
    rows = parseCsv(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${name}: ${e.message}`);
    return [];
  }
  if (rows.length === 0) {
    fail(`${name}: empty file (no header)`);
    return [];
  }
  const header = rows[0].map((h) => h.trim());
  for (const col of required) {
    if (!header.includes(col)) fail(`${name}: missing column "${col}"`);
  }
  return rows.slice(1).map((cells, n) => {
    if (cells.length !== header.length) {
      fail(`${name} line ${n + 2}: ${cells.length} fields, header has ${header.length}`);
    }
    const rec = { _where: `${name} line ${n + 2}` };
    header.forEach((h, k) => {
      rec[h] = (cells[k] ?? '').trim();
    });
    return rec;
  });
}

const files = readdirSync(TABLES).sort();
const byPrefix = (p) =>
  files.filter((f) => f.startsWith(p) && f.endsWith('.csv')).map((f) => join(TABLES, f));

function toNumber(rec, key) {
  if (rec[key] === undefined || rec[key] === '') return undefined;
  const n = Number(rec[key]);
  if (!Number.isFinite(n)) fail(`${rec._where}: ${key} "${rec[key]}" is not a number`);
  return n;
}

/** Copy the listed fields, leaving out empty ones. */
function pick(rec, keys) {
  const out = {};
  for (const k of keys) {
    const v = rec[k];
    if (v !== undefined && v !== '' && v !== null) out[k] = v;
  }
  return out;
}

// --- sources
const sources = [];
const sourceIds = new Set();
for (const file of byPrefix('sources-')) {
  for (const r of readTable(file, ['id', 'title', 'publisher', 'year', 'url'])) {
    if (!r.id) fail(`${r._where}: source without id`);
    else if (sourceIds.has(r.id)) fail(`${r._where}: duplicate source id "${r.id}"`);
    sourceIds.add(r.id);
    const s = pick(r, ['id', 'title', 'publisher']);
    const year = toNumber(r, 'year');
    if (year !== undefined) s.year = year;
    if (r.url) s.url = r.url;
    sources.push(s);
  }
}
sources.sort((a, b) => cmp(a.id, b.id));

function checkSource(rec) {
  if (!rec.sourceId) fail(`${rec._where}: missing sourceId`);
  else if (!sourceIds.has(rec.sourceId))
    fail(`${rec._where}: sourceId "${rec.sourceId}" not in sources-*.csv`);
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// --- organisations
const ids = new Set();
const municipalities = [];
const others = [];
function claimId(rec) {
  if (!rec.id) fail(`${rec._where}: missing id`);
  else if (ids.has(rec.id)) fail(`${rec._where}: duplicate id "${rec.id}"`);
  ids.add(rec.id);
}

for (const r of readTable(join(TABLES, 'municipalities.csv'), [
  'code',
  'name',
  'province',
  'population',
  'populationYear',
  'lat',
  'lon',
  'sourceId',
])) {
  r.id = r.code;
  claimId(r);
  if (!/^GM\d{4}$/.test(r.code)) fail(`${r._where}: code "${r.code}" is not a CBS code GMxxxx`);
  if (!r.name) fail(`${r._where}: missing name`);
  checkSource(r);
  const m = { id: r.code, kind: 'municipality', name: r.name, cbsCode: r.code };
  if (r.province) m.province = r.province;
  for (const k of ['population', 'populationYear', 'lat', 'lon']) {
    const n = toNumber(r, k);
    if (n !== undefined) m[k] = n;
  }
  m.sourceId = r.sourceId;
  m.tags = [];
  municipalities.push(m);
}

const KINDS = new Set(['municipality', 'association', 'chainPartner', 'sharedService']);
// RegioAtlas's six domains, plus national networks and the joint municipal
// execution (GGU).
const DOMAINS = new Set([
  'bestuurlijk',
  'zorg',
  'onderwijs',
  'economie',
  'fysiek',
  'veiligheid',
  'landelijk',
  'ggu',
]);
/** Name as people would type it: lower case, no accents, one space. */
const normaliseName = (name) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const bodies = new Map();
for (const file of byPrefix('organisations-')) {
  for (const r of readTable(file, ['id', 'kind', 'name', 'sourceId'])) {
    claimId(r);
    if (!KINDS.has(r.kind)) fail(`${r._where}: unknown kind "${r.kind}"`);
    if (!r.name) fail(`${r._where}: missing name`);
    if (!DOMAINS.has(r.domain))
      fail(`${r._where}: domain "${r.domain ?? ''}" is not one of ${[...DOMAINS].join(', ')}`);
    const body = `${r.kind}|${normaliseName(r.name ?? '')}`;
    if (bodies.has(body)) fail(`${r._where}: same kind and name as ${bodies.get(body)}`);
    else bodies.set(body, r.id);
    checkSource(r);
    const o = pick(r, [
      'id',
      'kind',
      'name',
      'shortName',
      'category',
      'domain',
      'website',
      'description',
      'sourceId',
    ]);
    if (r.expectedMembers) {
      if (!/^\d+$/.test(r.expectedMembers))
        fail(`${r._where}: expectedMembers "${r.expectedMembers}" is not a whole number >= 0`);
      else o.expectedMembers = Number(r.expectedMembers);
    }
    others.push(o);
  }
}
municipalities.sort((a, b) => cmp(a.id, b.id));
others.sort((a, b) => cmp(a.id, b.id));

// --- relations
const TYPES = new Set(['member', 'uses', 'partner', 'knowledge']);
const ROLES = new Set(['frontrunner', 'follower']);
const relations = [];
const relKeys = new Set();
for (const file of byPrefix('relations-')) {
  for (const r of readTable(file, ['source', 'target', 'type', 'sourceId'])) {
    if (!ids.has(r.source)) fail(`${r._where}: unknown source id "${r.source}"`);
    if (!ids.has(r.target)) fail(`${r._where}: unknown target id "${r.target}"`);
    if (!TYPES.has(r.type)) fail(`${r._where}: unknown relation type "${r.type}"`);
    if (r.role && !ROLES.has(r.role)) fail(`${r._where}: unknown role "${r.role}"`);
    if (r.since && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.since))
      fail(`${r._where}: since "${r.since}" is not YYYY[-MM[-DD]]`);
    const key = `${r.source}|${r.type}|${r.target}`;
    if (relKeys.has(key)) fail(`${r._where}: duplicate relation ${key}`);
    relKeys.add(key);
    checkSource(r);
    const rel = pick(r, [
      'source',
      'target',
      'type',
      'role',
      'since',
      'note',
      'reason',
      'sourceId',
    ]);
    if (r.themes) {
      const themes = r.themes.split(';').map((t) => t.trim());
      for (const t of themes)
        if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t))
          fail(`${r._where}: theme "${t}" is not a lowercase-kebab id`);
      rel.themes = [...new Set(themes)].sort();
    }
    relations.push(rel);
  }
}
// --- partner rules: a chain partner linked to every region of a category
// (tables/partner-rules.csv; sources in NETWORKS-NOTES.md). Kept as data so a
// rule and its source are read, changed and cited in one place.
const byCategory = new Map();
for (const o of others) {
  if (!o.category) continue;
  if (!byCategory.has(o.category)) byCategory.set(o.category, []);
  byCategory.get(o.category).push(o.id);
}
for (const rule of readTable(join(TABLES, 'partner-rules.csv'), [
  'category',
  'partner',
  'type',
  'sourceId',
])) {
  if (!ids.has(rule.partner)) fail(`${rule._where}: unknown partner id "${rule.partner}"`);
  if (!TYPES.has(rule.type)) fail(`${rule._where}: unknown relation type "${rule.type}"`);
  const regions = byCategory.get(rule.category) ?? [];
  if (regions.length === 0) fail(`${rule._where}: no organisation has category "${rule.category}"`);
  checkSource(rule);
  for (const region of regions) {
    const key = `${rule.partner}|${rule.type}|${region}`;
    if (relKeys.has(key)) continue;
    relKeys.add(key);
    relations.push(
      pick({ ...rule, source: rule.partner, target: region }, [
        'source',
        'target',
        'type',
        'note',
        'sourceId',
      ]),
    );
  }
}
relations.sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.type, b.type));

// --- partitions: every municipality is a member of exactly one region of each
// category declared in tables/divisions.csv, and every region carries the
// declared domain.
const divisions = readTable(join(TABLES, 'divisions.csv'), [
  'category',
  'label',
  'domain',
  'sourceId',
]);
const categoryOf = new Map(others.map((o) => [o.id, o.category]));
const perPartition = new Map(); // `${municipality}|${category}` -> region ids
for (const r of relations) {
  if (r.type !== 'member' || !/^GM\d{4}$/.test(r.source)) continue;
  const key = `${r.source}|${categoryOf.get(r.target)}`;
  if (!perPartition.has(key)) perPartition.set(key, []);
  perPartition.get(key).push(r.target);
}
for (const d of divisions) {
  if (!DOMAINS.has(d.domain)) fail(`${d._where}: domain "${d.domain}" unknown`);
  checkSource(d);
  const regions = others.filter((o) => o.category === d.category);
  if (regions.length === 0) fail(`${d._where}: no organisation has category "${d.category}"`);
  for (const o of regions)
    if (o.domain !== d.domain)
      fail(`${d._where}: ${o.id} has domain "${o.domain}", the partition says "${d.domain}"`);
  for (const m of municipalities) {
    const hits = perPartition.get(`${m.id}|${d.category}`) ?? [];
    if (hits.length !== 1)
      fail(
        `${m.id} ${m.name}: member of ${hits.length} regions of "${d.category}" (${hits.join(', ')})`,
      );
  }
}

// --- knowledge exchange (issue #15), only when its tables are there:
// themes.csv (id,label,description), knowledge-organisation-themes.csv
// (organisation,themes), knowledge-positions.csv
// (organisation,theme,role,network,since,reason,sourceId), and `themes`
// (ids separated by ";") on relation rows, read with the relations above.
const themes = [];
if (files.includes('themes.csv')) {
  for (const r of readTable(join(TABLES, 'themes.csv'), ['id', 'label'])) {
    if (!r.id || !r.label) fail(`${r._where}: theme without id or label`);
    else if (themes.some((t) => t.id === r.id)) fail(`${r._where}: duplicate theme "${r.id}"`);
    themes.push(pick(r, ['id', 'label', 'description']));
  }
}
const themeList = (rec, text) => {
  const list = text
    .split(';')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const t of list)
    if (!themes.some((theme) => theme.id === t)) fail(`${rec._where}: unknown theme "${t}"`);
  return list;
};
// Theme ids on relations must name a theme of the list.
if (themes.length)
  for (const rel of relations)
    for (const t of rel.themes ?? [])
      if (!themes.some((theme) => theme.id === t))
        fail(`relation ${rel.source} -> ${rel.target}: unknown theme "${t}"`);
const orgById = new Map([...municipalities, ...others].map((o) => [o.id, o]));
const knowledgeTable = (name, required) =>
  files.includes(name) ? readTable(join(TABLES, name), required) : [];
for (const r of knowledgeTable('knowledge-organisation-themes.csv', ['organisation', 'themes'])) {
  const org = orgById.get(r.organisation);
  if (!org) fail(`${r._where}: unknown organisation "${r.organisation}"`);
  else org.themes = themeList(r, r.themes);
}
for (const r of knowledgeTable('knowledge-positions.csv', [
  'organisation',
  'theme',
  'role',
  'sourceId',
])) {
  const org = orgById.get(r.organisation);
  if (!org) fail(`${r._where}: unknown organisation "${r.organisation}"`);
  if (!ROLES.has(r.role)) fail(`${r._where}: unknown role "${r.role}"`);
  if (r.network && !ids.has(r.network)) fail(`${r._where}: unknown network "${r.network}"`);
  if (r.since && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(r.since))
    fail(`${r._where}: since "${r.since}" is not YYYY[-MM[-DD]]`);
  themeList(r, r.theme);
  checkSource(r);
  if (org)
    (org.positions ??= []).push(
      pick(r, ['theme', 'role', 'network', 'since', 'reason', 'sourceId']),
    );
}

if (errors.length > 0) {
  console.error(`build-dataset: ${errors.length} error(s):`);
  for (const e of errors.slice(0, 50)) console.error('  - ' + e);
  if (errors.length > 50) console.error(`  ... and ${errors.length - 50} more`);
  process.exit(1);
}

const doc = {
  format: 'netwerkkaart',
  version: 1,
  title: TITLE,
  referenceDate: REFERENCE_DATE,
  exportedAt: EXPORTED_AT,
  sources,
  ...(themes.length ? { themes } : {}),
  organisations: [...municipalities, ...others],
  relations,
};
const text = JSON.stringify(doc, null, 1) + '\n';
// --check: the committed file must be exactly what the tables build.
if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== text) {
    console.error(
      'build-dataset: data/netwerkkaart-nl.json is not the build of data/tables; run npm run data',
    );
    process.exit(1);
  }
  console.log('build-dataset: data/netwerkkaart-nl.json matches the tables');
  process.exit(0);
}
writeFileSync(OUT, text);

const count = (arr, f) => arr.reduce((m, x) => ((m[f(x)] = (m[f(x)] ?? 0) + 1), m), {});
const population = municipalities.reduce((s, m) => s + (m.population ?? 0), 0);
console.log(`wrote ${relative(process.cwd(), OUT)}`);
console.log(`sources: ${sources.length}`);
console.log(`municipalities: ${municipalities.length} (population sum ${population})`);
console.log(
  `other organisations: ${others.length}`,
  count(others, (o) => `${o.kind}/${o.category ?? '-'}`),
);
console.log(
  `relations: ${relations.length}`,
  count(relations, (r) => r.type),
);
