import { useMemo } from 'react';
import { Link } from 'react-router';
import { useUrlParams } from '../useUrlParams';
import { networkCoverage } from '../../analysis/coverage';
import { normalise, searchOrganisations } from '../../analysis/search';
import type { Network } from '../../domain/network';
import {
  categoryLabel,
  DOMAIN_LABELS,
  KIND_LABELS,
  ORGANISATION_DOMAINS,
  ORGANISATION_KINDS,
  type OrganisationDomain,
  type OrganisationKind,
} from '../../domain/organisation';
import { mapLink } from '../../state/mapView';
import { formatNumber } from '../format';
import { memberCountText, partialListNote } from '../memberCount';
import { useAnalysis } from '../useIndex';
import { NetworkPage } from '../NetworkPage';
import { SizeClassChart } from './SizeClassChart';

const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 });
// Sortable columns: the URL keeps the column (sorteer) and the direction (richting).
const SORT_COLUMNS = {
  naam: { label: 'Naam', numeric: false, alignRight: false },
  soort: { label: 'Soort', numeric: false, alignRight: false },
  leden: { label: 'Gemeenten', numeric: true, alignRight: true },
  // Sorted by how many provinces; the cell lists them, so it reads from the left.
  provincies: { label: 'Provincies', numeric: true, alignRight: false },
} as const;
type SortColumn = keyof typeof SORT_COLUMNS;
const isSortColumn = (v: string | null): v is SortColumn => !!v && v in SORT_COLUMNS;

export function NetworksPage() {
  return <NetworkPage title="Netwerken" screen={NetworksScreen} />;
}

function NetworksScreen({ network }: { network: Network }) {
  const { index, memberships } = useAnalysis(network);
  const [params, setParams] = useUrlParams();
  const kind = (ORGANISATION_KINDS as readonly string[]).includes(params.get('soort') ?? '')
    ? (params.get('soort') as OrganisationKind)
    : null;
  const sortParam = params.get('sorteer');
  const sortColumn: SortColumn = isSortColumn(sortParam) ? sortParam : 'leden';
  // Numbers sort most first, words from A; "richting" overrides.
  const ascending =
    params.get('richting') === 'op'
      ? true
      : params.get('richting') === 'af'
        ? false
        : !SORT_COLUMNS[sortColumn].numeric;
  const domain = (ORGANISATION_DOMAINS as readonly string[]).includes(params.get('domein') ?? '')
    ? (params.get('domein') as OrganisationDomain)
    : null;
  const query = params.get('zoek') ?? '';
  const coverage = useMemo(() => networkCoverage(index, memberships), [index, memberships]);
  const municipalityHit = useMemo(() => {
    if (!query) return null;
    const municipalities = index.organisations.filter((o) => o.kind === 'municipality');
    const hit = searchOrganisations(municipalities, query, 1)[0];
    return hit ? municipalities[hit.index]! : null;
  }, [index, query]);
  // Frontrunners are marked in the data only here and there: no empty column without them.
  const anyFrontrunners = coverage.some((c) => c.frontrunners.length > 0);
  const municipalityCount = useMemo(
    () => index.organisations.filter((o) => o.kind === 'municipality').length,
    [index],
  );

  // Kind and search first; the domain chips then count within that selection.
  const matching = useMemo(() => {
    const q = normalise(query);
    return coverage.filter((c) => {
      const o = index.organisations[c.network]!;
      if (kind && o.kind !== kind) return false;
      const category = o.category ? `${o.category} ${categoryLabel(o.category)}` : '';
      return !q || normalise(`${o.name} ${o.shortName ?? ''} ${category}`).includes(q);
    });
  }, [coverage, index, kind, query]);
  const domainCounts = useMemo(() => {
    const counts = new Map<OrganisationDomain | null, number>();
    for (const c of matching) {
      const d = index.organisations[c.network]!.domain ?? null;
      counts.set(d, (counts.get(d) ?? 0) + 1);
    }
    return counts;
  }, [matching, index]);

  const rows = useMemo(() => {
    const list = matching.filter(
      (c) => !domain || index.organisations[c.network]!.domain === domain,
    );
    const name = (c: (typeof list)[number]) => index.organisations[c.network]!.name;
    const key = (c: (typeof list)[number]): number | string => {
      switch (sortColumn) {
        case 'naam':
          return name(c);
        case 'soort':
          return KIND_LABELS[index.organisations[c.network]!.kind].nl;
        case 'leden':
          return c.members;
        case 'provincies':
          return c.byProvince.length;
      }
    };
    const dir = ascending ? 1 : -1;
    list.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      const order =
        typeof ka === 'number' && typeof kb === 'number'
          ? ka - kb
          : String(ka).localeCompare(String(kb), 'nl');
      // Ties by name, always A to Z.
      return dir * order || name(a).localeCompare(name(b), 'nl');
    });
    return list;
  }, [matching, index, domain, sortColumn, ascending]);

  const set = (key: string, value: string | null) => setParams({ [key]: value || null });

  // A header cell that sorts by its column; a second click turns the order round.
  function sortHeader(column: SortColumn) {
    const current = sortColumn === column;
    const { label, numeric, alignRight } = SORT_COLUMNS[column];
    const nextAscending = current ? !ascending : !numeric;
    return (
      <th
        key={column}
        scope="col"
        className={alignRight ? 'num' : undefined}
        aria-sort={current ? (ascending ? 'ascending' : 'descending') : 'none'}
      >
        <button
          type="button"
          className="sort"
          onClick={() =>
            setParams({
              sorteer: column === 'leden' ? null : column,
              richting: nextAscending === !numeric ? null : nextAscending ? 'op' : 'af',
            })
          }
        >
          {label}
          <span aria-hidden="true">{current ? (ascending ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  }

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
      <div className="chips" role="group" aria-label="Domein">
        <button type="button" aria-pressed={domain === null} onClick={() => set('domein', null)}>
          Alle domeinen ({formatNumber(matching.length)})
        </button>
        {ORGANISATION_DOMAINS.filter((d) => domainCounts.has(d)).map((d) => (
          <button
            key={d}
            type="button"
            aria-pressed={domain === d}
            data-testid={`domain-${d}`}
            onClick={() => set('domein', domain === d ? null : d)}
          >
            {DOMAIN_LABELS[d]} ({formatNumber(domainCounts.get(d)!)})
          </button>
        ))}
      </div>
      {rows.length === 0 && query && (
        <p data-testid="no-networks">
          Geen netwerk met &lsquo;{query}&rsquo; in de naam.
          {municipalityHit && (
            <>
              {' '}
              Zoekt u de netwerken van een gemeente? Bekijk{' '}
              <Link to={mapLink({ selected: municipalityHit.id })}>
                {municipalityHit.name} op de kaart
              </Link>{' '}
              of{' '}
              <Link to={`/gelijken?gemeente=${encodeURIComponent(municipalityHit.id)}`}>
                vergelijkbare gemeenten
              </Link>
              .
            </>
          )}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table networks-table" data-testid="networks-table">
          <caption className="visually-hidden">Netwerken en hun deelnemende gemeenten</caption>
          <thead>
            <tr>
              {sortHeader('naam')}
              {sortHeader('soort')}
              {sortHeader('leden')}
              <th scope="col" className="num">
                Aandeel
              </th>
              <th scope="col">Per grootteklasse (1–8)</th>
              {sortHeader('provincies')}
              {anyFrontrunners && <th scope="col">Koplopers</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => {
              const o = index.organisations[c.network]!;
              return (
                <tr key={o.id} data-id={o.id}>
                  <td>
                    <Link to={mapLink({ selected: o.id })}>{o.name}</Link>
                    {o.shortName && o.shortName !== o.name && (
                      <span className="muted"> ({o.shortName})</span>
                    )}
                    {(o.category || o.domain) && (
                      <div className="muted small">
                        {[
                          o.category && categoryLabel(o.category),
                          o.domain && DOMAIN_LABELS[o.domain],
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </div>
                    )}
                  </td>
                  <td>{KIND_LABELS[o.kind].nl}</td>
                  <td className="num" data-testid="members">
                    {c.members === 0 && o.kind === 'association' ? (
                      <span className="muted" title="Geen gemeenten als lid vastgelegd">
                        –
                      </span>
                    ) : (
                      memberCountText(c.members, c.expected)
                    )}
                    {c.partial && (
                      <div
                        className="badge partial"
                        title={partialListNote(c.members, c.expected!)}
                      >
                        onvolledig
                      </div>
                    )}
                  </td>
                  <td className="num" data-testid="share">
                    {c.partial ? (
                      <span title={partialListNote(c.members, c.expected!)}>
                        {pct.format(c.expected! / municipalityCount)}
                        <div className="muted small">
                          volgens bron; {pct.format(c.share)} bekend
                        </div>
                      </span>
                    ) : (
                      pct.format(c.share)
                    )}
                  </td>
                  <td>
                    {c.members > 0 && (
                      <SizeClassChart bySizeClass={c.bySizeClass} partial={c.partial} />
                    )}
                  </td>
                  <td className="small">
                    {c.byProvince.length === 12
                      ? 'alle 12'
                      : c.byProvince
                          .slice(0, 3)
                          .map((p) => `${p.province} (${p.members})`)
                          .join(', ') +
                        (c.byProvince.length > 3 ? ` en ${c.byProvince.length - 3} meer` : '')}
                  </td>
                  {anyFrontrunners && (
                    <td className="small">
                      {c.frontrunners.map((m) => index.organisations[m]!.name).join(', ')}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
