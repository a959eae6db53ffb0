import type { Filters } from '../../analysis/filters';
import { DOMAIN_LABELS, KIND_LABELS, ORGANISATION_KINDS } from '../../domain/organisation';
import { RELATION_TYPE_LABELS, RELATION_TYPES } from '../../domain/relation';
import { CBS_SIZE_CLASSES } from '../../domain/sizeClass';
import { toggleIn } from '../../state/mapView';
import { KIND_COLORS } from '../../render/palette';
import { formatNumber } from '../format';

interface Props {
  filters: Filters;
  provinces: string[];
  /** The domains the network's organisations have, in the order of ORGANISATION_DOMAINS. */
  domains: readonly Filters['domains'][number][];
  /** What is shown, after the filters and "Alleen omgeving". */
  result: { nodeCount: number; edgeCount: number };
  totals: { nodes: number; edges: number };
  onChange(filters: Filters): void;
  /** The kind colours next to the kinds: only while the map is coloured by kind. */
  kindSwatches: boolean;
}

export function FilterPanel({
  filters,
  provinces,
  domains,
  result,
  totals,
  onChange,
  kindSwatches,
}: Props) {
  return (
    <section className="filters" aria-label="Filters">
      <p className="counts-line" data-testid="shown-counts" aria-live="polite">
        Getoond: <strong data-testid="shown-nodes">{formatNumber(result.nodeCount)}</strong> van{' '}
        {formatNumber(totals.nodes)} organisaties,{' '}
        <strong data-testid="shown-edges">{formatNumber(result.edgeCount)}</strong> van{' '}
        {formatNumber(totals.edges)} relaties
      </p>
      <fieldset>
        <legend>Soort organisatie</legend>
        {ORGANISATION_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={filters.kinds.includes(kind)}
              onChange={() => onChange({ ...filters, kinds: toggleIn(filters.kinds, kind) })}
            />
            {kindSwatches && (
              <span
                className="swatch"
                style={{ background: KIND_COLORS[kind] }}
                aria-hidden="true"
              />
            )}
            {KIND_LABELS[kind].nlPlural}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Soort relatie</legend>
        {RELATION_TYPES.map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={filters.relationTypes.includes(type)}
              onChange={() =>
                onChange({ ...filters, relationTypes: toggleIn(filters.relationTypes, type) })
              }
            />
            <span className={`edge-swatch edge-${type}`} aria-hidden="true" />
            {RELATION_TYPE_LABELS[type].nl}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Provincie (gemeenten)</legend>
        {/* Checkboxes, not a multiple select: no Ctrl-click, and all twelve in view. */}
        <div className="check-columns">
          {provinces.map((p) => (
            <label key={p} className="check">
              <input
                type="checkbox"
                checked={filters.provinces.includes(p)}
                onChange={() => onChange({ ...filters, provinces: toggleIn(filters.provinces, p) })}
              />
              {p}
            </label>
          ))}
        </div>
        {filters.provinces.length > 0 && (
          <button
            type="button"
            className="link"
            onClick={() => onChange({ ...filters, provinces: [] })}
          >
            Alle provincies tonen
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>Grootteklasse (CBS)</legend>
        {CBS_SIZE_CLASSES.classes.map((c) => (
          <label key={c.code} className="check">
            <input
              type="checkbox"
              checked={filters.sizeClasses.includes(c.code)}
              onChange={() =>
                onChange({ ...filters, sizeClasses: toggleIn(filters.sizeClasses, c.code) })
              }
            />
            {c.code}: {c.label}
          </label>
        ))}
      </fieldset>
      {domains.length > 0 && (
        <fieldset>
          <legend>Domein (netwerken en diensten)</legend>
          {domains.map((d) => (
            <label key={d} className="check">
              <input
                type="checkbox"
                checked={filters.domains.includes(d)}
                onChange={() => onChange({ ...filters, domains: toggleIn(filters.domains, d) })}
                data-testid={`filter-domain-${d}`}
              />
              {DOMAIN_LABELS[d]}
            </label>
          ))}
          {filters.domains.length > 0 && (
            <button
              type="button"
              className="link"
              onClick={() => onChange({ ...filters, domains: [] })}
            >
              Alle domeinen tonen
            </button>
          )}
        </fieldset>
      )}
      <p className="hint">
        Domein kiest netwerken, diensten en ketenpartners. Provincie en grootteklasse kiezen
        gemeenten; andere organisaties blijven zichtbaar als ze met een getoonde gemeente verbonden
        zijn.
      </p>
    </section>
  );
}
