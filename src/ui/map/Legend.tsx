import { KIND_LABELS, ORGANISATION_KINDS } from '../../domain/organisation';
import { RELATION_TYPE_LABELS, RELATION_TYPES } from '../../domain/relation';
import { clusterColor, KIND_COLORS, THEME_ROLE_COLORS } from '../../render/palette';

export interface GroupKey {
  community: number;
  size: number;
  /** Names of its best-connected members. */
  leaders: string[];
}

export function Legend({
  colorMode,
  clusters,
  groups,
  theme = null,
  structureError = null,
}: {
  colorMode: 'soort' | 'cluster' | 'thema';
  clusters: number | null;
  /** The largest groups, for the colour key; null while they are computed. */
  groups: GroupKey[] | null;
  /** Why the groups could not be computed, if they could not. */
  structureError?: string | null;
  /** The theme coloured by role, with how many hold each role. */
  theme?: { label: string; frontrunners: number; followers: number } | null;
}) {
  return (
    <section className="legend" aria-label="Legenda">
      <h2 className="small-heading">Legenda</h2>
      {colorMode === 'thema' && theme ? (
        <ul data-testid="theme-legend">
          {(
            [
              [THEME_ROLE_COLORS.frontrunner, `Koploper op ${theme.label} (${theme.frontrunners})`],
              [THEME_ROLE_COLORS.follower, `Volger op ${theme.label} (${theme.followers})`],
              [THEME_ROLE_COLORS.none, 'Geen rol vastgelegd'],
            ] as const
          ).map(([color, label]) => (
            <li key={label}>
              <span className="swatch" style={{ background: color }} aria-hidden="true" />
              {label}
            </li>
          ))}
        </ul>
      ) : colorMode === 'soort' ? (
        <ul>
          {ORGANISATION_KINDS.map((k) => (
            <li key={k}>
              <span className="swatch" style={{ background: KIND_COLORS[k] }} aria-hidden="true" />
              {KIND_LABELS[k].nl}
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p data-testid="cluster-legend">
            Kleur per groep: organisaties die onderling sterker verbonden zijn dan met de rest
            (gevonden met de Louvain-methode).{' '}
            {structureError
              ? `De groepen konden niet worden berekend (${structureError}).`
              : clusters === null
                ? 'Groepen worden berekend…'
                : `${clusters} groepen.`}
          </p>
          {groups && groups.length > 0 && (
            <ul data-testid="group-key">
              {groups.map((g) => (
                <li key={g.community}>
                  <span
                    className="swatch"
                    style={{ background: clusterColor(g.community) }}
                    aria-hidden="true"
                  />
                  {g.leaders.join(', ')}
                  {g.size > g.leaders.length ? ` e.a. (${g.size})` : ''}
                </li>
              ))}
              {clusters !== null && clusters > groups.length && (
                <li className="muted">en {clusters - groups.length} kleinere groepen</li>
              )}
            </ul>
          )}
        </>
      )}
      <ul>
        {RELATION_TYPES.map((t) => (
          <li key={t}>
            <span className={`edge-swatch edge-${t}`} aria-hidden="true" />
            {RELATION_TYPE_LABELS[t].nl}
          </li>
        ))}
        <li>
          <span className="ring-swatch" aria-hidden="true" />
          Koploper
        </li>
      </ul>
      <p className="hint">Grootte: inwoners (gemeenten) of aantal leden en gebruikers (overige).</p>
    </section>
  );
}
