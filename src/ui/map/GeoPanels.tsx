import { useMemo } from 'react';
import type { DivisionChoice, NetworkOnMap } from '../../analysis/geography';
import type { GraphIndex } from '../../analysis/graphIndex';
import { displayName } from '../../domain/organisation';
import { CBS_SIZE_CLASSES, type SizeClass } from '../../domain/sizeClass';
import { GEO_COLOR_MODES, type GeoColorMode } from '../../state/mapView';
import { formatNumber } from '../format';
import { memberCountText, partialListNote } from '../memberCount';
import { formatCount } from '../../render/geo/choropleth';
import { SearchBox } from './SearchBox';

// The controls and the words beside the map of the Netherlands: which network
// is coloured, which division is outlined, what the colours say, and the
// figures and names a screen reader (or a hurried reader) needs instead of
// the picture.

const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

export const GEO_COLOR_LABELS: Record<GeoColorMode, string> = {
  deelname: 'deelname',
  grootteklasse: 'grootteklasse (CBS)',
  inwoners: 'inwoners',
};

interface ControlsProps {
  index: GraphIndex;
  /** Positions of the organisations that can be chosen. */
  networks: readonly number[];
  network: number | null;
  divisions: readonly DivisionChoice[];
  division: string | null;
  color: GeoColorMode;
  onNetwork(id: string | null): void;
  onDivision(category: string | null): void;
  onColor(mode: GeoColorMode): void;
}

export function GeoControls({
  index,
  networks,
  network,
  divisions,
  division,
  color,
  onNetwork,
  onDivision,
  onColor,
}: ControlsProps) {
  const choices = useMemo(() => networks.map((n) => index.organisations[n]!), [networks, index]);
  const chosen = network === null ? null : index.organisations[network]!;
  return (
    <div className="geo-controls">
      <div className="geo-network">
        {/* Keyed by the choice, so a choice from elsewhere (a link, Escape) shows in the field. */}
        <SearchBox
          key={chosen?.id ?? ''}
          organisations={choices}
          label="Netwerk of dienst"
          placeholder="naam of afkorting, bijv. K80"
          initialQuery={chosen ? displayName(chosen) : ''}
          onChoose={(k) => onNetwork(choices[k]!.id)}
        />
        {chosen && (
          <button
            type="button"
            className="geo-clear"
            onClick={() => onNetwork(null)}
            aria-label={`${displayName(chosen)} niet meer kleuren`}
          >
            ✕
          </button>
        )}
      </div>
      <label className="stacked">
        Regio's
        <select
          value={division ?? ''}
          onChange={(e) => onDivision(e.target.value || null)}
          data-testid="geo-division"
        >
          <option value="">geen</option>
          {divisions.map((d) => (
            <option key={d.category} value={d.category}>
              {d.plural} ({d.regions})
            </option>
          ))}
        </select>
      </label>
      <label className="stacked">
        Kleur
        <select
          value={color}
          onChange={(e) => onColor(e.target.value as GeoColorMode)}
          data-testid="geo-color"
        >
          {GEO_COLOR_MODES.map((m) => (
            <option key={m} value={m}>
              {GEO_COLOR_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** "5 000–10 000", "< 5 000", "≥ 250 000": a class by its bounds as CBS writes them, short enough for a narrow table. */
function classRange(c: SizeClass): string {
  if (c.max === null) return `≥ ${formatCount(c.min)}`;
  if (c.min === 0) return `< ${formatCount(c.max)}`;
  return `${formatCount(c.min)}–${formatCount(c.max)}`;
}

export interface RegionOnMap {
  item: number;
  name: string;
  members: number;
  /** False when none of its municipalities has a boundary: listed, not drawn. */
  drawn: boolean;
}

interface SummaryProps {
  index: GraphIndex;
  onMap: NetworkOnMap | null;
  /** True when the network is coloured because it is selected, not chosen. */
  fromSelection: boolean;
  /** The division's word, singular and plural ("GGD-regio", "GGD-regio's"). */
  division: { label: string; plural: string } | null;
  regions: readonly RegionOnMap[] | null;
  selected: number | null;
  onSelect(item: number): void;
}

/** What the map shows, in figures and names: the text alternative of the picture. */
export function GeoSummary({
  index,
  onMap,
  fromSelection,
  division,
  regions,
  selected,
  onSelect,
}: SummaryProps) {
  const org = onMap ? index.organisations[onMap.network]! : null;
  const memberNames = useMemo(
    () =>
      onMap
        ? [...onMap.members]
            .map((m) => ({ item: m, name: index.organisations[m]!.name }))
            .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
        : [],
    [onMap, index],
  );
  if (!onMap && !regions)
    return (
      <section className="geo-summary">
        <p className="hint">
          Kies een netwerk of dienst om te zien welke gemeenten deelnemen, of een indeling om
          regio&apos;s te zien.
        </p>
      </section>
    );
  return (
    <section className="geo-summary" data-testid="geo-summary">
      {onMap && org && (
        <>
          <h3 className="geo-network-name">
            {org.name}
            {fromSelection && <span className="muted small"> (geselecteerd)</span>}
          </h3>
          <p data-testid="geo-count">
            <strong className="geo-count">
              {displayName(org)}: {memberCountText(onMap.listed, onMap.expected)}
            </strong>
            <br />
            {onMap.expected === undefined
              ? `deelnemende gemeenten, ${pct.format(onMap.listed / Math.max(1, onMap.municipalities))} van alle ${formatNumber(onMap.municipalities)}`
              : `deelnemende gemeenten; volgens de bron ${pct.format(Math.min(1, onMap.expected / Math.max(1, onMap.municipalities)))} van alle ${formatNumber(onMap.municipalities)}`}
          </p>
          {onMap.expected !== undefined && (
            <p className="hint">{partialListNote(onMap.listed, onMap.expected)}</p>
          )}
          <table className="data-table geo-classes" data-testid="geo-classes">
            <caption>
              Per grootteklasse{onMap.expected !== undefined ? ' (bekende deelnemers)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Inwoners</th>
                <th scope="col" className="num">
                  Aantal
                </th>
                <th scope="col" className="num">
                  <abbr title="Aandeel van de gemeenten in die klasse">%</abbr>
                </th>
              </tr>
            </thead>
            <tbody>
              {onMap.bySizeClass.map((c) => (
                <tr key={c.code}>
                  <th scope="row">
                    {c.code}: {classRange(CBS_SIZE_CLASSES.classes[c.code - 1]!)}
                  </th>
                  <td className="num">
                    {c.members} van {c.total}
                  </td>
                  <td className="num">
                    <span className="share-bar" aria-hidden="true">
                      <span style={{ width: `${Math.round(c.share * 100)}%` }} />
                    </span>
                    {Math.round(c.share * 100)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary>
              De {formatNumber(memberNames.length)} {onMap.expected !== undefined ? 'bekende ' : ''}
              deelnemende gemeenten
            </summary>
            <ul className="name-list">
              {memberNames.map((m) => (
                <li key={m.item}>
                  <button type="button" className="link" onClick={() => onSelect(m.item)}>
                    {m.name}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
      {regions && division && (
        <details className="geo-regions" open={!onMap}>
          <summary>
            {formatNumber(regions.length)} {division.plural} op de kaart
          </summary>
          <ul className="name-list" data-testid="geo-regions">
            {regions.map((r) => (
              <li key={r.item}>
                <button
                  type="button"
                  className="link"
                  aria-current={r.item === selected ? 'true' : undefined}
                  onClick={() => onSelect(r.item)}
                >
                  {r.name}
                </button>{' '}
                <span className="muted small">
                  ({formatNumber(r.members)} gemeenten{r.drawn ? '' : '; geen grenzen bekend'})
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function GeoLegend({
  items,
  credit,
}: {
  /** `dash` marks a line (a region's outline) rather than a fill. */
  items: readonly { color: string; label: string; dash?: readonly number[] }[];
  credit: string;
}) {
  return (
    <section className="legend geo-legend" aria-label="Legenda" data-testid="geo-legend">
      <h3 className="small-heading">Legenda</h3>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            {item.dash ? (
              <span className="outline-swatch" aria-hidden="true" />
            ) : (
              <span
                className="swatch square"
                style={{ background: item.color }}
                aria-hidden="true"
              />
            )}
            {item.label}
          </li>
        ))}
      </ul>
      <p className="hint">{credit}</p>
    </section>
  );
}
