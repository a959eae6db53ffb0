import { ORGANISATION_KINDS, type OrganisationKind } from '../domain/organisation';
import { RELATION_TYPES, type RelationType } from '../domain/relation';
import type { UnmappedValue } from './importResult';
import { readPosition, type Point } from './positions';

// The plain d3 shape `{ nodes, links }` that many people already have. It is
// converted into an exchange document and then validated like any other, so
// it gets the same checks and messages.

export interface D3Conversion {
  document: Record<string, unknown>;
  /** How many nodes carried no usable kind, and links no usable type. */
  missingKinds: number;
  missingTypes: number;
  /** The x and y a d3 simulation left on the nodes. */
  positions: Map<string, Point>;
  /** Kinds and types given but not known, for the preview to name. */
  unmapped: UnmappedValue[];
}

const isKind = (v: unknown): v is OrganisationKind =>
  typeof v === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(v);
const isType = (v: unknown): v is RelationType =>
  typeof v === 'string' && (RELATION_TYPES as readonly string[]).includes(v);

export function looksLikeD3(value: unknown): value is { nodes: unknown[]; links: unknown[] } {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return Array.isArray(v.nodes) && (Array.isArray(v.links) || v.links === undefined);
}

function endpointId(end: unknown, nodeIds: readonly unknown[], idSet: Set<string>): unknown {
  if (end && typeof end === 'object' && 'id' in end) end = (end as { id: unknown }).id;
  if (typeof end === 'number') {
    // d3 accepts a node index where no node has that id.
    if (idSet.has(String(end))) return String(end);
    const byIndex = nodeIds[end];
    return byIndex === undefined ? String(end) : byIndex;
  }
  return end;
}

export function convertD3(
  value: { nodes: unknown[]; links?: unknown[] },
  defaults: { kind: OrganisationKind; type: RelationType },
): D3Conversion {
  let missingKinds = 0;
  let missingTypes = 0;
  const unmapped = new Map<string, UnmappedValue>();
  const noteUnknown = (field: 'kind' | 'type', value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') return;
    const entry = unmapped.get(`${field}|${value}`);
    if (entry) entry.count++;
    else unmapped.set(`${field}|${value}`, { field, value: value.trim().slice(0, 80), count: 1 });
  };
  const nodeIds: unknown[] = [];
  const positions = new Map<string, Point>();
  const organisations = value.nodes.map((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      nodeIds.push(undefined);
      return raw;
    }
    const node = raw as Record<string, unknown>;
    const id = typeof node.id === 'number' ? String(node.id) : node.id;
    nodeIds.push(id);
    const {
      label,
      title,
      group,
      value: _value,
      x: _x,
      y: _y,
      vx: _vx,
      vy: _vy,
      fx: _fx,
      fy: _fy,
      index: _i,
      ...rest
    } = node;
    let kind = node.kind;
    if (!isKind(kind)) {
      if (!isKind(group)) {
        missingKinds++;
        noteUnknown('kind', kind);
      }
      kind = isKind(group) ? group : defaults.kind;
    }
    const name = node.name ?? label ?? title ?? id;
    const position = readPosition(node.x, node.y);
    if (position && typeof id === 'string') positions.set(id, position);
    return { ...rest, id, kind, name };
  });
  const idSet = new Set(nodeIds.filter((v): v is string => typeof v === 'string'));
  const relations = (value.links ?? []).map((raw) => {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
    const link = raw as Record<string, unknown>;
    const { value: linkValue, index: _i, ...rest } = link;
    let type = link.type;
    if (!isType(type)) {
      noteUnknown('type', type);
      type = defaults.type;
      missingTypes++;
    }
    const out: Record<string, unknown> = {
      ...rest,
      source: endpointId(link.source, nodeIds, idSet),
      target: endpointId(link.target, nodeIds, idSet),
      type,
    };
    if (out.weight === undefined && typeof linkValue === 'number') out.weight = linkValue;
    return out;
  });
  return {
    document: {
      format: 'netwerkkaart',
      version: 1,
      title:
        typeof (value as Record<string, unknown>).title === 'string'
          ? (value as Record<string, unknown>).title
          : undefined,
      organisations,
      relations,
    },
    missingKinds,
    missingTypes,
    positions,
    unmapped: [...unmapped.values()],
  };
}
