import { KIND_LABELS, ORGANISATION_KINDS } from '../../domain/organisation';
import { RELATION_TYPE_LABELS, RELATION_TYPES } from '../../domain/relation';
import { KIND_COLORS } from '../../render/palette';

export function Legend({
  colorMode,
  clusters,
}: {
  colorMode: 'soort' | 'cluster';
  clusters: number | null;
}) {
  return (
    <section className="legend" aria-label="Legenda">
      <h2 className="small-heading">Legenda</h2>
      {colorMode === 'soort' ? (
        <ul>
          {ORGANISATION_KINDS.map((k) => (
            <li key={k}>
              <span className="swatch" style={{ background: KIND_COLORS[k] }} aria-hidden="true" />
              {KIND_LABELS[k].nl}
            </li>
          ))}
        </ul>
      ) : (
        <p data-testid="cluster-legend">
          Kleur per groep: organisaties die onderling sterker verbonden zijn dan met de rest
          (gevonden met de Louvain-methode).{' '}
          {clusters === null ? 'Groepen worden berekend…' : `${clusters} groepen.`}
        </p>
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
