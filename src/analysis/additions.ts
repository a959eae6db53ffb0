import { positionKey, recorderOfSource, type Position, type Theme } from '../domain/knowledge';
import { sameRecord } from '../domain/merge';
import type { Network, Source } from '../domain/network';
import type { Organisation } from '../domain/organisation';
import { relationKey, type Relation } from '../domain/relation';
import { diffNetworks } from './snapshotDiff';

// "Mijn aanvullingen": what this browser added to the national (embedded)
// data, as a network that stands on its own, for another municipality to
// merge. Merging deletes nothing, so removals are not carried; a changed
// record carries the fields that identify it plus the fields that changed,
// so merging it never reverts what the receiver changed in other fields.

export interface AdditionsOptions {
  /**
   * The recording municipality's id. Facts whose source says another
   * municipality recorded them (a file merged earlier) are left out: each
   * municipality shares its own, and the others share theirs.
   */
  recorder?: string;
  title?: string;
}

export interface AdditionsSummary {
  newOrganisations: number;
  changedOrganisations: number;
  newRelations: number;
  changedRelations: number;
  /** Positions (koploper/volger) and knowledge relations among the above. */
  knowledgeFacts: number;
}

export interface Additions {
  network: Network;
  summary: AdditionsSummary;
}

// What a receiver needs to recognise an organisation and show it by name.
const IDENTIFYING = ['id', 'kind', 'name', 'shortName', 'cbsCode', 'province'] as const;

function identifying(org: Organisation): Organisation {
  const out: Record<string, unknown> = {};
  for (const field of IDENTIFYING) if (org[field] !== undefined) out[field] = org[field];
  return out as unknown as Organisation;
}

export function myAdditions(
  current: Network,
  national: Network,
  { recorder, title }: AdditionsOptions = {},
): Additions {
  const own = (sourceId: string | undefined) => {
    const by = recorderOfSource(sourceId);
    return by === undefined || recorder === undefined || by === recorder.toLowerCase();
  };
  const diff = diffNetworks(national, current);
  const nationalOrgs = new Map(national.organisations.map((o) => [o.id, o]));
  const currentOrgs = new Map(current.organisations.map((o) => [o.id, o]));
  const summary: AdditionsSummary = {
    newOrganisations: 0,
    changedOrganisations: 0,
    newRelations: 0,
    changedRelations: 0,
    knowledgeFacts: 0,
  };

  const newPositions = (org: Organisation) => {
    const before = new Map(
      (nationalOrgs.get(org.id)?.positions ?? []).map((p) => [positionKey(p), p]),
    );
    return (org.positions ?? []).filter(
      (p) => own(p.sourceId) && !sameRecord(before.get(positionKey(p)), p),
    );
  };

  const organisations = new Map<string, Organisation>();
  for (const org of diff.organisations.added) {
    if (!own(org.sourceId)) continue;
    const positions = newPositions(org);
    const { positions: _all, ...rest } = org;
    organisations.set(org.id, { ...rest, ...(positions.length ? { positions } : {}) });
    summary.newOrganisations++;
    summary.knowledgeFacts += positions.length;
  }
  for (const change of diff.organisations.changed) {
    const record: Record<string, unknown> = { ...identifying(change.after) };
    let changed = 0;
    for (const { field, after } of change.fields) {
      if (after === undefined) continue;
      if (field === 'positions') {
        const positions = newPositions(change.after);
        if (!positions.length) continue;
        record.positions = positions;
        summary.knowledgeFacts += positions.length;
      } else if (field === 'sourceId' && !own(after as string)) continue;
      else record[field] = after;
      changed++;
    }
    if (!changed) continue;
    organisations.set(change.after.id, record as unknown as Organisation);
    summary.changedOrganisations++;
  }

  const relations: Relation[] = [];
  for (const rel of diff.relations.added) {
    if (!own(rel.sourceId)) continue;
    relations.push(rel);
    summary.newRelations++;
    if (rel.type === 'knowledge') summary.knowledgeFacts++;
  }
  for (const change of diff.relations.changed) {
    if (!own(change.after.sourceId)) continue;
    const { source, target, type } = change.after;
    const record: Record<string, unknown> = { source, target, type };
    for (const { field, after } of change.fields) if (after !== undefined) record[field] = after;
    relations.push(record as unknown as Relation);
    summary.changedRelations++;
    if (type === 'knowledge') summary.knowledgeFacts++;
  }

  // The file stands on its own: every organisation it refers to is in it.
  const include = (id: string) => {
    if (organisations.has(id)) return;
    const org = currentOrgs.get(id);
    if (org) organisations.set(id, identifying(org));
  };
  for (const rel of relations) {
    include(rel.source);
    include(rel.target);
  }
  for (const org of [...organisations.values()])
    for (const p of org.positions ?? []) if (p.network) include(p.network);

  const sourceIds = new Set<string>();
  const themeIds = new Set<string>();
  const collect = (record: { sourceId?: string; themes?: string[] }) => {
    if (record.sourceId) sourceIds.add(record.sourceId);
    for (const t of record.themes ?? []) themeIds.add(t);
  };
  for (const org of organisations.values()) {
    collect(org);
    for (const p of org.positions ?? []) {
      collect(p);
      themeIds.add(p.theme);
    }
  }
  relations.forEach(collect);
  const nationalThemes = new Map((national.themes ?? []).map((t) => [t.id, t]));
  const themes: Theme[] = (current.themes ?? []).filter(
    (t) => themeIds.has(t.id) || !sameRecord(nationalThemes.get(t.id), t),
  );
  const sources: Source[] = current.sources.filter((s) => sourceIds.has(s.id));

  return {
    network: {
      title: title ?? 'Aanvullingen',
      sources,
      organisations: [...organisations.values()],
      relations,
      ...(themes.length ? { themes } : {}),
    },
    summary,
  };
}

/** A knowledge fact an incoming file would add, for the merge preview. */
export type IncomingFact =
  | { kind: 'position'; organisation: string; position: Position }
  | { kind: 'learned'; learner: string; from: string; relation: Relation };

/**
 * The positions and knowledge relations that merging `incoming` into
 * `current` would add or change, with names resolved from either network.
 */
export function incomingKnowledge(current: Network, incoming: Network): IncomingFact[] {
  const facts: IncomingFact[] = [];
  const existingOrgs = new Map(current.organisations.map((o) => [o.id, o]));
  for (const org of incoming.organisations) {
    const had = new Map(
      (existingOrgs.get(org.id)?.positions ?? []).map((p) => [positionKey(p), p]),
    );
    for (const position of org.positions ?? [])
      if (!sameRecord(had.get(positionKey(position)), position))
        facts.push({ kind: 'position', organisation: org.id, position });
  }
  const existingRels = new Map(current.relations.map((r) => [relationKey(r), r]));
  for (const rel of incoming.relations) {
    if (rel.type !== 'knowledge') continue;
    const had = existingRels.get(relationKey(rel));
    if (had && sameRecord({ ...had, ...rel }, had)) continue;
    const learnerIsSource = rel.role !== 'frontrunner';
    facts.push({
      kind: 'learned',
      learner: learnerIsSource ? rel.source : rel.target,
      from: learnerIsSource ? rel.target : rel.source,
      relation: rel,
    });
  }
  return facts;
}
