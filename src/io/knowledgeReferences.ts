import { positionKey } from '../domain/knowledge';
import { describePath, type ImportIssue } from './importResult';

// References of the knowledge fields (issue #15): theme ids must name a theme
// of the document, a position's network an organisation, its sourceId a
// source. Kept apart from the other reference checks so the document
// validation calls it with one line and it can move with them.

type Loose = Record<string, unknown>;

const records = (list: unknown): (Loose | null)[] =>
  Array.isArray(list)
    ? list.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? (r as Loose) : null))
    : [];

const idsOf = (list: (Loose | null)[]) =>
  new Set(list.map((r) => r?.id).filter((v): v is string => typeof v === 'string'));

/** What a theme reference that points nowhere is told, in import and in forms alike. */
export const unknownThemeMessage = (id: string) =>
  `verwijst naar thema "${id}", dat niet in de lijst met thema's ("themes") staat.`;

/** Problems with the knowledge references of a whole exchange document (unvalidated input). */
export function knowledgeReferenceErrors(doc: Loose): ImportIssue[] {
  const errors: ImportIssue[] = [];
  const issue = (path: (string | number)[], message: string) =>
    errors.push({ where: describePath(path, doc), message, path });

  const themes = records(doc.themes);
  const themeIds = new Set<string>();
  themes.forEach((theme, index) => {
    const id = theme?.id;
    if (typeof id !== 'string') return;
    if (themeIds.has(id))
      issue(['themes', index, 'id'], 'komt al eerder voor; elke thema-id moet uniek zijn.');
    themeIds.add(id);
  });
  const organisations = records(doc.organisations);
  const organisationIds = idsOf(organisations);
  const sourceIds = idsOf(records(doc.sources));

  const checkThemes = (collection: string, index: number, record: Loose) => {
    if (!Array.isArray(record.themes)) return;
    record.themes.forEach((theme, t) => {
      if (typeof theme === 'string' && !themeIds.has(theme))
        issue([collection, index, 'themes', t], unknownThemeMessage(theme));
    });
  };

  organisations.forEach((org, index) => {
    if (!org) return;
    checkThemes('organisations', index, org);
    const seen = new Map<string, number>();
    records(org.positions).forEach((position, p) => {
      if (!position) return;
      const at = (field: string) => ['organisations', index, 'positions', p, field];
      const { theme, network, sourceId } = position;
      if (typeof theme === 'string' && !themeIds.has(theme))
        issue(at('theme'), unknownThemeMessage(theme));
      if (typeof network === 'string') {
        if (!organisationIds.has(network))
          issue(
            at('network'),
            `verwijst naar organisatie "${network}", die niet in het bestand staat.`,
          );
        else if (network === org.id)
          issue(at('network'), 'een organisatie kan geen koploper of volger in zichzelf zijn.');
      }
      if (typeof sourceId === 'string' && !sourceIds.has(sourceId))
        issue(at('sourceId'), `verwijst naar bron "${sourceId}", die niet in "sources" staat.`);
      if (typeof theme === 'string') {
        const key = positionKey({
          theme,
          ...(typeof network === 'string' ? { network } : {}),
        });
        const first = seen.get(key);
        if (first !== undefined)
          issue(
            ['organisations', index, 'positions', p],
            `staat er dubbel in (zelfde thema en netwerk als positie ${first + 1}).`,
          );
        else seen.set(key, p);
      }
    });
  });
  records(doc.relations).forEach((rel, index) => {
    if (rel) checkThemes('relations', index, rel);
  });
  return errors;
}

export interface KnowledgeContext {
  organisations: readonly { id: string }[];
  sources: readonly { id: string }[];
  themes?: readonly { id: string }[];
}

/**
 * The same checks for one record from a form, against the current network:
 * field name ("themes", "positions") -> the first problem with it.
 */
export function recordKnowledgeProblems(
  kind: 'organisation' | 'relation',
  record: Loose,
  network: KnowledgeContext,
): Map<string, string> {
  const doc: Loose = {
    themes: network.themes ?? [],
    sources: network.sources,
    organisations:
      kind === 'organisation'
        ? [record, ...network.organisations.filter((o) => o.id !== record.id)]
        : network.organisations,
    relations: kind === 'relation' ? [record] : [],
  };
  const collection = kind === 'organisation' ? 'organisations' : 'relations';
  const problems = new Map<string, string>();
  for (const error of knowledgeReferenceErrors(doc)) {
    const [where, index, field] = error.path;
    if (where !== collection || index !== 0 || typeof field !== 'string') continue;
    if (!problems.has(field)) problems.set(field, error.message);
  }
  return problems;
}
