import type { NetworkDiff } from '../analysis/snapshotDiff';
import { describePosition, isPosition } from '../domain/knowledge';
import { ORGANISATION_FIELD_LABELS, RELATION_FIELD_LABELS } from '../domain/edits';
import { KIND_LABELS } from '../domain/organisation';
import { RELATION_TYPE_LABELS, type Relation } from '../domain/relation';
import { cellNumber, guardFormula } from './cellValues';
import { writeCsvTable, type CsvSeparator } from './csvTable';

// A comparison of two snapshots as one table for Excel: one row per added or
// removed record, and one per changed field, in Dutch.

export const DIFF_CSV_HEADER = [
  'wat',
  'soort',
  'id',
  'naam',
  'van',
  'naar',
  'veld',
  'oud',
  'nieuw',
] as const;

const WHAT = { added: 'toegevoegd', removed: 'verwijderd', changed: 'gewijzigd' } as const;

function value(v: unknown, separator: CsvSeparator): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return cellNumber(v, separator);
  if (Array.isArray(v))
    return guardFormula(
      v.map((x) => (isPosition(x) ? describePosition(x) : String(x))).join(' | '),
    );
  if (typeof v === 'object') return guardFormula(JSON.stringify(v));
  return guardFormula(String(v));
}

const fieldLabel = (labels: Record<string, string>, field: string) => labels[field] ?? field;

/**
 * The differences as CSV text with a byte-order mark: columns wat, soort, id,
 * naam, van, naar, veld, oud, nieuw. `nameOf` names an organisation by id
 * (from either network), so a relation row says whom it links.
 */
export function diffCsv(
  diff: NetworkDiff,
  nameOf: (id: string) => string,
  separator: CsvSeparator = ';',
): string {
  const rows: string[][] = [];
  const text = (s: string) => guardFormula(s);
  const orgRow = (what: keyof typeof WHAT, id: string, name: string, kind: string) => [
    WHAT[what],
    text(`organisatie (${kind})`),
    text(id),
    text(name),
    '',
    '',
  ];
  const relRow = (what: keyof typeof WHAT, r: Relation) => [
    WHAT[what],
    text(`relatie (${RELATION_TYPE_LABELS[r.type].nl.toLowerCase()})`),
    '',
    text(`${nameOf(r.source)} ${RELATION_TYPE_LABELS[r.type].verb} ${nameOf(r.target)}`),
    text(r.source),
    text(r.target),
  ];
  const o = diff.organisations;
  for (const x of o.added)
    rows.push([...orgRow('added', x.id, x.name, KIND_LABELS[x.kind].nl), '', '', '']);
  for (const x of o.removed)
    rows.push([...orgRow('removed', x.id, x.name, KIND_LABELS[x.kind].nl), '', '', '']);
  for (const c of o.changed)
    for (const f of c.fields)
      rows.push([
        ...orgRow('changed', c.key, c.after.name, KIND_LABELS[c.after.kind].nl),
        text(fieldLabel(ORGANISATION_FIELD_LABELS, f.field)),
        value(f.before, separator),
        value(f.after, separator),
      ]);
  const r = diff.relations;
  for (const x of r.added) rows.push([...relRow('added', x), '', '', '']);
  for (const x of r.removed) rows.push([...relRow('removed', x), '', '', '']);
  for (const c of r.changed)
    for (const f of c.fields)
      rows.push([
        ...relRow('changed', c.after),
        text(fieldLabel(RELATION_FIELD_LABELS, f.field)),
        value(f.before, separator),
        value(f.after, separator),
      ]);
  return writeCsvTable(DIFF_CSV_HEADER, rows, separator);
}
