import { useMemo } from 'react';
import { Link } from 'react-router';
import { useUrlParams } from '../useUrlParams';
import { networkCoverage } from '../../analysis/coverage';
import { normalise } from '../../analysis/search';
import type { Network } from '../../domain/network';
import { KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '../../domain/organisation';
import { formatNumber } from '../format';
import { useAnalysis } from '../useIndex';
import { NetworkPage } from '../NetworkPage';
import { SizeClassChart } from './SizeClassChart';

const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
const SORTS = { leden: 'Meeste gemeenten', naam: 'Naam' } as const;
type Sort = keyof typeof SORTS;

export function NetworksPage() {
  return <NetworkPage title="Netwerken" screen={NetworksScreen} />;
}

function NetworksScreen({ network }: { network: Network }) {
  const { index, memberships } = useAnalysis(network);
  const [params, setParams] = useUrlParams();
  const kind = (ORGANISATION_KINDS as readonly string[]).includes(params.get('soort') ?? '')
    ? (params.get('soort') as OrganisationKind)
    : null;
  const sort: Sort = params.get('sorteer') === 'naam' ? 'naam' : 'leden';
  const query = params.get('zoek') ?? '';
  const coverage = useMemo(() => networkCoverage(index, memberships), [index, memberships]);
  const municipalityCount = useMemo(
    () => index.organisations.filter((o) => o.kind === 'municipality').length,
    [index],
  );

  const rows = useMemo(() => {
    const q = normalise(query);
    const list = coverage.filter((c) => {
      const o = index.organisations[c.network]!;
      if (kind && o.kind !== kind) return false;
      return !q || normalise(`${o.name} ${o.shortName ?? ''} ${o.category ?? ''}`).includes(q);
    });
    list.sort((a, b) =>
      sort === 'naam'
        ? index.organisations[a.network]!.name.localeCompare(
            index.organisations[b.network]!.name,
            'nl',
          )
        : b.members - a.members ||
          index.organisations[a.network]!.name.localeCompare(
            index.organisations[b.network]!.name,
            'nl',
          ),
    );
    return list;
  }, [coverage, index, kind, sort, query]);

  const set = (key: string, value: string | null) => setParams({ [key]: value || null });

  return (
    <div className="page networks-page">
      <h1>Netwerken</h1>
      <p className="lead">
        Alle verenigingen, ketenpartners en gedeelde diensten, met de gemeenten die eraan deelnemen
        ({formatNumber(municipalityCount)} gemeenten in totaal).
      </p>
      <div className="inline-form">
        <label htmlFor="net-kind">Soort</label>
        <select
          id="net-kind"
          value={kind ?? ''}
          onChange={(e) => set('soort', e.target.value || null)}
        >
          <option value="">Alle soorten</option>
          {ORGANISATION_KINDS.filter((k) => k !== 'municipality').map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k].nlPlural}
            </option>
          ))}
        </select>
        <label htmlFor="net-sort">Sorteren op</label>
        <select
          id="net-sort"
          value={sort}
          onChange={(e) => set('sorteer', e.target.value === 'naam' ? 'naam' : null)}
        >
          {Object.entries(SORTS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="net-query">Zoeken</label>
        <input
          id="net-query"
          type="search"
          value={query}
          onChange={(e) => set('zoek', e.target.value || null)}
        />
        <span role="status" data-testid="network-count">
          {formatNumber(rows.length)} organisaties
        </span>
      </div>
      <table className="data-table networks-table" data-testid="networks-table">
        <caption className="visually-hidden">Netwerken en hun deelnemende gemeenten</caption>
        <thead>
          <tr>
            <th scope="col">Naam</th>
            <th scope="col">Soort</th>
            <th scope="col" className="num">
              Gemeenten
            </th>
            <th scope="col" className="num">
              Aandeel
            </th>
            <th scope="col">Per grootteklasse (1–8)</th>
            <th scope="col">Provincies</th>
            <th scope="col">Koplopers</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const o = index.organisations[c.network]!;
            return (
              <tr key={o.id} data-id={o.id}>
                <td>
                  <Link to={`/kaart?org=${encodeURIComponent(o.id)}`}>{o.name}</Link>
                  {o.shortName && o.shortName !== o.name && (
                    <span className="muted"> ({o.shortName})</span>
                  )}
                  {o.category && <div className="muted small">{o.category}</div>}
                </td>
                <td>{KIND_LABELS[o.kind].nl}</td>
                <td className="num" data-testid="members">
                  {formatNumber(c.members)}
                </td>
                <td className="num">{pct.format(c.share)}</td>
                <td>{c.members > 0 && <SizeClassChart bySizeClass={c.bySizeClass} />}</td>
                <td className="small">
                  {c.byProvince.length === 12
                    ? 'alle 12'
                    : c.byProvince
                        .slice(0, 3)
                        .map((p) => `${p.province} (${p.members})`)
                        .join(', ') +
                      (c.byProvince.length > 3 ? ` en ${c.byProvince.length - 3} meer` : '')}
                </td>
                <td className="small">
                  {c.frontrunners.map((m) => index.organisations[m]!.name).join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
