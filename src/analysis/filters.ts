import {
  ORGANISATION_KINDS,
  type OrganisationDomain,
  type OrganisationKind,
} from '../domain/organisation';
import { RELATION_TYPES, type RelationType } from '../domain/relation';
import { sizeClassOf } from '../domain/sizeClass';
import type { GraphIndex } from './graphIndex';

export interface Filters {
  kinds: OrganisationKind[];
  relationTypes: RelationType[];
  /** Empty: every province. Applies to municipalities. */
  provinces: string[];
  /** Empty: every size class. Applies to municipalities. */
  sizeClasses: number[];
  /**
   * Empty: every domain. Applies to the other organisations (networks,
   * services, chain partners): 300+ bodies, chosen by what they work on.
   */
  domains: OrganisationDomain[];
}

export const initialFilters = (): Filters => ({
  kinds: [...ORGANISATION_KINDS],
  relationTypes: [...RELATION_TYPES],
  provinces: [],
  sizeClasses: [],
  domains: [],
});

export interface FilterResult {
  /** 1 where the organisation is shown. */
  visibleNodes: Uint8Array;
  /** 1 where the relation is shown. */
  visibleEdges: Uint8Array;
  nodeCount: number;
  edgeCount: number;
}

/**
 * Kinds and relation types filter directly. Province and size class select
 * municipalities; other organisations then stay only when a shown relation
 * links them to a shown municipality, so the map shows "their" networks.
 */
export function applyFilters(index: GraphIndex, filters: Filters): FilterResult {
  const n = index.organisations.length;
  const m = index.relations.length;
  const kinds = new Set(filters.kinds);
  const types = new Set(filters.relationTypes);
  const provinces = new Set(filters.provinces);
  const classes = new Set(filters.sizeClasses);
  const domains = new Set<string>(filters.domains);
  const municipalFilter = provinces.size > 0 || classes.size > 0;
  const visibleNodes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const org = index.organisations[i]!;
    if (!kinds.has(org.kind)) continue;
    if (org.kind === 'municipality' && municipalFilter) {
      if (provinces.size && !provinces.has(org.province ?? '')) continue;
      if (classes.size && !classes.has(sizeClassOf(org.population)?.code ?? -1)) continue;
    }
    if (org.kind !== 'municipality' && domains.size && !domains.has(org.domain ?? '')) continue;
    visibleNodes[i] = 1;
  }
  const typeOk = (k: number) => types.has(index.relations[k]!.type);
  if (municipalFilter) {
    const linked = new Uint8Array(n);
    for (let k = 0; k < m; k++) {
      if (!typeOk(k)) continue;
      const s = index.sources[k]!;
      const t = index.targets[k]!;
      const sm = index.organisations[s]!.kind === 'municipality';
      const tm = index.organisations[t]!.kind === 'municipality';
      if (sm && visibleNodes[s]) linked[t] = 1;
      if (tm && visibleNodes[t]) linked[s] = 1;
    }
    for (let i = 0; i < n; i++) {
      if (index.organisations[i]!.kind !== 'municipality' && !linked[i]) visibleNodes[i] = 0;
    }
  }
  const visibleEdges = new Uint8Array(m);
  let edgeCount = 0;
  for (let k = 0; k < m; k++) {
    if (typeOk(k) && visibleNodes[index.sources[k]!] && visibleNodes[index.targets[k]!]) {
      visibleEdges[k] = 1;
      edgeCount++;
    }
  }
  let nodeCount = 0;
  for (let i = 0; i < n; i++) nodeCount += visibleNodes[i]!;
  return { visibleNodes, visibleEdges, nodeCount, edgeCount };
}
