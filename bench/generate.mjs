// Seeded generator of networks shaped like the national one: about 60%
// municipalities with heavy-tailed memberships in associations, services and
// partners, about five relations per organisation. The same seed and size
// always give the same document, so every run measures the same graphs.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function lcg(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const PROVINCES = [
  'Groningen',
  'Fryslân',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
];

export function generateNetwork(size, seed = 42) {
  const random = lcg(seed + size);
  const municipalityCount = Math.round(size * 0.6);
  const others = size - municipalityCount;
  const organisations = [];
  for (let i = 0; i < municipalityCount; i++) {
    // Log-normal inhabitants, like Dutch municipalities (median ~30 000).
    const z = Math.sqrt(-2 * Math.log(random() || 1e-9)) * Math.cos(2 * Math.PI * random());
    const population = Math.max(500, Math.round(Math.exp(10.3 + 0.85 * z)));
    organisations.push({
      id: `gm-${i}`,
      kind: 'municipality',
      name: `Gemeente ${i + 1}`,
      province: PROVINCES[Math.floor(random() * PROVINCES.length)],
      population,
      populationYear: 2025,
      lat: 50.8 + random() * 2.6,
      lon: 3.4 + random() * 3.8,
    });
  }
  const kinds = ['association', 'sharedService', 'chainPartner'];
  for (let j = 0; j < others; j++) {
    const kind = kinds[j % 3];
    organisations.push({
      id: `org-${j}`,
      kind,
      name: `${kind === 'association' ? 'Netwerk' : kind === 'sharedService' ? 'Dienst' : 'Partner'} ${j + 1}`,
    });
  }
  const relations = [];
  const seen = new Set();
  const add = (source, target, type, role) => {
    const key = `${source}|${type}|${target}`;
    if (source === target || seen.has(key)) return false;
    seen.add(key);
    relations.push(role ? { source, target, type, role } : { source, target, type });
    return true;
  };
  // Heavy tail: network j is picked with weight 1/(j+1)^0.9 (Zipf-like).
  const weights = Array.from({ length: others }, (_, j) => 1 / Math.pow(j + 1, 0.9));
  const cumulative = [];
  let total = 0;
  for (const w of weights) cumulative.push((total += w));
  const pickOther = () => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return municipalityCount + lo;
  };
  const target = size * 5;
  // Municipalities: memberships and services, ~85% of relations.
  let guard = 0;
  while (relations.length < target * 0.85 && guard++ < target * 4) {
    const m = Math.floor(random() * municipalityCount);
    const o = pickOther();
    const org = organisations[o];
    const type =
      org.kind === 'sharedService' ? 'uses' : org.kind === 'association' ? 'member' : 'partner';
    const role = random() < 0.05 ? 'frontrunner' : undefined;
    add(organisations[m].id, org.id, type, role);
  }
  // Between organisations and peer-to-peer knowledge links.
  guard = 0;
  while (relations.length < target && guard++ < target * 4) {
    if (random() < 0.5 && others > 1) {
      add(organisations[pickOther()].id, organisations[pickOther()].id, 'partner');
    } else {
      const a = Math.floor(random() * municipalityCount);
      const b = Math.floor(random() * municipalityCount);
      add(organisations[a].id, organisations[b].id, 'knowledge');
    }
  }
  return {
    format: 'netwerkkaart',
    version: 1,
    title: `Benchmarknetwerk ${size}`,
    exportedAt: '2026-01-01T00:00:00Z',
    sources: [],
    organisations,
    relations,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const size = Number(process.argv[2] ?? 2000);
  const out = process.argv[3] ?? `bench-${size}.json`;
  const doc = generateNetwork(size);
  writeFileSync(out, JSON.stringify(doc));
  console.log(`${out}: ${doc.organisations.length} organisaties, ${doc.relations.length} relaties`);
}
