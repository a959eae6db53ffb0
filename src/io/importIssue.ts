/** One thing wrong with an import, located so a person can find and fix it. */
export interface ImportIssue {
  /** Where, in words: "organisatie 4 (id "GM0513"), veld "population"". */
  where: string;
  message: string;
  /** Machine-readable location, for tests and highlighting. */
  path: (string | number)[];
}

export type ImportWarning = string;

const COLLECTION_WORDS: Record<string, string> = {
  organisations: 'organisatie',
  relations: 'relatie',
  sources: 'bron',
  themes: 'thema',
  nodes: 'knoop',
  links: 'verbinding',
};

function recordLabel(record: unknown): string {
  if (record && typeof record === 'object') {
    const r = record as Record<string, unknown>;
    if (typeof r.id === 'string' || typeof r.id === 'number') return ` (id "${String(r.id)}")`;
    const src = r.source;
    const tgt = r.target;
    if (
      (typeof src === 'string' || typeof src === 'number') &&
      (typeof tgt === 'string' || typeof tgt === 'number')
    )
      return ` (${String(src)} → ${String(tgt)})`;
  }
  return '';
}

/** Describe a path into the document in Dutch, with 1-based record numbers and the record's id. */
export function describePath(path: readonly PropertyKey[], root: unknown): string {
  if (path.length === 0) return 'het bestand';
  const [collection, index, ...rest] = path;
  const word = typeof collection === 'string' ? COLLECTION_WORDS[collection] : undefined;
  if (word && typeof index === 'number') {
    const list = (root as Record<string, unknown> | null)?.[collection as string];
    const record = Array.isArray(list) ? list[index] : undefined;
    const field = rest.length ? `, veld "${rest.map(String).join('.')}"` : '';
    return `${word} ${index + 1}${recordLabel(record)}${field}`;
  }
  return `veld "${path.map(String).join('.')}"`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'niets';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `"${shown}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'een lijst';
  return 'een object';
}
