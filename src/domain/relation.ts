export const RELATION_TYPES = ['member', 'uses', 'partner', 'knowledge'] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

export const RELATION_ROLES = ['frontrunner', 'follower'] as const;
export type RelationRole = (typeof RELATION_ROLES)[number];

/** `verb` reads from the source ("lid van X"), `incoming` from the target ("lid: Y"). */
export const RELATION_TYPE_LABELS: Record<
  RelationType,
  { nl: string; verb: string; incoming: string }
> = {
  member: { nl: 'Lidmaatschap', verb: 'lid van', incoming: 'lid' },
  uses: { nl: 'Gebruik van dienst', verb: 'gebruikt', incoming: 'gebruiker' },
  partner: { nl: 'Ketenpartnerschap', verb: 'partner van', incoming: 'partner' },
  knowledge: { nl: 'Kennisuitwisseling', verb: 'deelt kennis met', incoming: 'deelt kennis met' },
};

export const ROLE_LABELS: Record<RelationRole, string> = {
  frontrunner: 'koploper',
  follower: 'volger',
};

export interface Relation {
  source: string;
  target: string;
  type: RelationType;
  role?: RelationRole;
  /** ISO date (YYYY, YYYY-MM or YYYY-MM-DD). */
  since?: string;
  note?: string;
  weight?: number;
  sourceId?: string;
  /** Ids of the document's themes the relation is about. */
  themes?: string[];
  /** The arguments for the choice (a knowledge relation: why learn from this one). */
  reason?: string;
}

/**
 * A relation is identified by its ends and type: the same pair can be linked
 * once per type. The exchange format carries no relation id, so this key is
 * how import, merge and diff recognise "the same" relation.
 */
export function relationKey(r: Pick<Relation, 'source' | 'target' | 'type'>): string {
  return `${r.source}|${r.type}|${r.target}`;
}

/** Relation types whose direction matters ("A is member of B"); the rest are symmetric. */
export function isDirected(type: RelationType): boolean {
  return type === 'member' || type === 'uses';
}
