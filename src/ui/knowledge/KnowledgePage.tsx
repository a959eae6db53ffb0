import { mapLink } from '../../state/mapView';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import type { GraphIndex } from '../../analysis/graphIndex';
import {
  adoptionByYear,
  learningPeers,
  municipalityKnowledge,
  positionNetwork,
  themeFromParam,
  themeOverview,
  themeSummaries,
  whoToLearnFrom,
  type LearningFlow,
  type RoleHolder,
  type ThemeOverview,
} from '../../analysis/knowledge';
import type { Memberships } from '../../analysis/memberships';
import { recorderOfSource, ROLE_TITLES, type Position, type Theme } from '../../domain/knowledge';
import type { Network } from '../../domain/network';
import { ROLE_LABELS } from '../../domain/relation';
import { sizeClassOf } from '../../domain/sizeClass';
import { useRecorder } from '../../storage/hooks';
import { formatNumber } from '../format';
import { SearchBox } from '../map/SearchBox';
import { NetworkPage } from '../NetworkPage';
import { useAnalysis } from '../useIndex';
import { useUrlParams } from '../useUrlParams';
import { AdoptionChart } from './AdoptionChart';
import { formatSince } from './dates';
import { RecordPanel } from './RecordPanel';
import './knowledge.css';

// #/kennis?thema=<theme id>  — one theme: koplopers, who learned from them, track record
// #/kennis?gemeente=<id>     — one municipality: where it leads, follows, is absent
export function KnowledgePage() {
  return <NetworkPage title="Kennis" screen={KnowledgeScreen} />;
}

const plural = (n: number, one: string, many: string) =>
  `${formatNumber(n)} ${n === 1 ? one : many}`;

function KnowledgeScreen({ network }: { network: Network }) {
  const { index, memberships } = useAnalysis(network);
  const [params, set] = useUrlParams();
  const recorder = useRecorder();
  const themes = useMemo(() => network.themes ?? [], [network]);
  const theme = themeFromParam(params.get('thema'), themes);
  const themeParam = params.get('thema');
  const municipalityId = params.get('gemeente');
  const municipality = municipalityId ? index.indexOf.get(municipalityId) : undefined;
  const summaries = useMemo(() => themeSummaries(index), [index]);
  const municipalities = useMemo(
    () => index.organisations.filter((o) => o.kind === 'municipality'),
    [index],
  );
  // Another theme or municipality starts at its top, not where the last one was scrolled to.
  const shown = `${themeParam ?? ''}|${municipalityId ?? ''}`;
  useEffect(() => {
    document.getElementById('main')?.scrollTo({ top: 0 });
  }, [shown]);

  return (
    <div className="page knowledge-page">
      <h1>Kennis: koplopers en slimme volgers</h1>
      <p className="lead">
        Soms bent u koploper, soms slimme volger. Per thema: wie loopt voorop, wie leerde van wie,
        en wat het opleverde.
      </p>
      <div className="knowledge-layout">
        <nav className="theme-nav panel" aria-label="Thema's en gemeenten">
          <SearchBox
            key={municipalityId ?? ''}
            organisations={municipalities}
            label="Gemeente"
            initialQuery={municipality !== undefined ? index.organisations[municipality]!.name : ''}
            onChoose={(i) => set({ gemeente: municipalities[i]!.id, thema: null }, true)}
          />
          <h2 className="small-heading">Thema's</h2>
          <ul>
            {summaries.map((s) => (
              <li key={s.theme.id}>
                <Link
                  to={`/kennis?thema=${encodeURIComponent(s.theme.id)}`}
                  aria-current={theme?.id === s.theme.id ? 'page' : undefined}
                >
                  {s.theme.label}
                </Link>
                <span className="hint">
                  {s.frontrunners + s.followers === 0
                    ? ' nog niets vastgelegd'
                    : ` ${plural(s.frontrunners, 'koploper', 'koplopers')}, ${plural(s.followers, 'volger', 'volgers')}`}
                </span>
              </li>
            ))}
          </ul>
        </nav>
        <div className="knowledge-main">
          {themeParam && !theme && (
            <p className="error-box" role="alert">
              Thema "{themeParam}" bestaat niet in dit netwerk. Kies een thema uit de lijst.
            </p>
          )}
          {municipalityId && municipality === undefined && (
            <p className="error-box" role="alert">
              Gemeente "{municipalityId}" staat niet in het netwerk.
            </p>
          )}
          {municipality !== undefined && (
            <MunicipalitySection index={index} memberships={memberships} of={municipality} />
          )}
          {theme && <ThemeSection index={index} theme={theme} recorder={recorder ?? null} />}
          {!theme && municipality === undefined && !themeParam && !municipalityId && (
            <Overview index={index} />
          )}
        </div>
      </div>
    </div>
  );
}

function Overview({ index }: { index: GraphIndex }) {
  const summaries = themeSummaries(index);
  return (
    <section className="panel" aria-labelledby="overview-title">
      <h2 id="overview-title">Alle thema's</h2>
      <p>
        Kies een thema voor de koplopers, wie van hen leerde en hoe de producten en diensten zich
        verspreidden; of zoek een gemeente voor waar zij voorop loopt, volgt of nog afwezig is.
      </p>
      <table className="data-table" data-testid="theme-table">
        <caption className="visually-hidden">Koplopers, volgers en diensten per thema</caption>
        <thead>
          <tr>
            <th scope="col">Thema</th>
            <th scope="col" className="num">
              Koplopers
            </th>
            <th scope="col" className="num">
              Volgers
            </th>
            <th scope="col" className="num">
              Leerrelaties
            </th>
            <th scope="col" className="num">
              Diensten en producten
            </th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.theme.id}>
              <th scope="row">
                <Link to={`/kennis?thema=${encodeURIComponent(s.theme.id)}`}>{s.theme.label}</Link>
              </th>
              <td className="num">{formatNumber(s.frontrunners)}</td>
              <td className="num">{formatNumber(s.followers)}</td>
              <td className="num">{formatNumber(s.flows)}</td>
              <td className="num">{formatNumber(s.services)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Openbare bronnen noemen zelden een koploper; de meeste kennis zit bij mensen. Leg vast wat u
        weet vanuit een gemeente op de kaart of hier, en deel het via Gegevens › Mijn aanvullingen.
      </p>
    </section>
  );
}

/**
 * Where a fact comes from. A public source shows its publisher and year, with
 * the full title on the link; a recorded fact shows who recorded it and when,
 * because that is the point of it.
 */
function SourceNote({ index, sourceId }: { index: GraphIndex; sourceId: string | undefined }) {
  const source = sourceId ? index.network.sources.find((s) => s.id === sourceId) : undefined;
  if (!source) return null;
  const short = recorderOfSource(source.id)
    ? source.title
    : [source.publisher ?? source.title, source.year].filter(Boolean).join(', ');
  return (
    <span className="source-note" data-testid="source-note">
      (bron:{' '}
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
          {short}
          <span className="visually-hidden">: {source.title}</span>
        </a>
      ) : (
        short
      )}
      )
    </span>
  );
}

function PositionLine({ index, position }: { index: GraphIndex; position: Position }) {
  const within = positionNetwork(index, position);
  const text = [
    within ? `in ${within.name}` : '',
    position.since ? `sinds ${formatSince(position.since)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      {text && <span>{`${text.charAt(0).toUpperCase()}${text.slice(1)}. `}</span>}
      {position.reason && <span className="reason">Argumenten: {position.reason} </span>}
      <SourceNote index={index} sourceId={position.sourceId} />
    </>
  );
}

function FlowLine({
  index,
  flow,
  side,
}: {
  index: GraphIndex;
  flow: LearningFlow;
  side: 'learner' | 'from';
}) {
  const other = index.organisations[side === 'learner' ? flow.learner : flow.from]!;
  return (
    <li>
      <OrgLink index={index} id={other.id} />
      {flow.since && ` (sinds ${formatSince(flow.since)})`}
      {flow.reason && <span className="reason"> Argumenten: {flow.reason}</span>}{' '}
      <SourceNote index={index} sourceId={flow.sourceId} />
    </li>
  );
}

function OrgLink({ index, id }: { index: GraphIndex; id: string }) {
  const i = index.indexOf.get(id);
  const org = i === undefined ? undefined : index.organisations[i];
  if (!org) return <>{id}</>;
  return org.kind === 'municipality' ? (
    <Link to={`/kennis?gemeente=${encodeURIComponent(id)}`}>{org.name}</Link>
  ) : (
    <Link to={mapLink({ selected: id })}>{org.name}</Link>
  );
}

function HolderList({
  index,
  holders,
  flows,
}: {
  index: GraphIndex;
  holders: RoleHolder[];
  flows: LearningFlow[];
}) {
  return (
    <ul className="holder-list">
      {holders.map((h) => {
        const org = index.organisations[h.organisation]!;
        const taught = flows.filter((f) => f.from === h.organisation);
        const learned = flows.filter((f) => f.learner === h.organisation);
        return (
          <li key={org.id}>
            <strong>
              <OrgLink index={index} id={org.id} />
            </strong>
            {h.positions.map((p) => (
              <div key={`${p.theme}|${p.network ?? ''}`} className="position-line">
                <PositionLine index={index} position={p} />
              </div>
            ))}
            {learned.length > 0 && (
              <div className="flow-block">
                Leerde van:
                <ul>
                  {learned.map((f) => (
                    <FlowLine key={f.relation} index={index} flow={f} side="from" />
                  ))}
                </ul>
              </div>
            )}
            {taught.length > 0 && (
              <div className="flow-block">
                {taught.length === 1 ? 'Leerde ervan: ' : 'Leerden ervan: '}
                {taught.map((f, i) => (
                  <span key={f.relation}>
                    {i > 0 && ', '}
                    <OrgLink index={index} id={index.organisations[f.learner]!.id} />
                    {f.since && ` (${formatSince(f.since)})`}
                  </span>
                ))}
                .
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The map coloured by role on the theme, with its role holders lit. */
function themeMapLink(index: GraphIndex, theme: Theme, overview: ThemeOverview): string {
  const ids = [...overview.frontrunners, ...overview.followers]
    .map((h) => index.organisations[h.organisation]!.id)
    .slice(0, 500);
  return mapLink({ theme: theme.id, lit: ids });
}

function ThemeSection({
  index,
  theme,
  recorder,
}: {
  index: GraphIndex;
  theme: Theme;
  recorder: string | null;
}) {
  const overview = useMemo(() => themeOverview(index, theme), [index, theme]);
  // The service most municipalities take part in first: the track record that counts most.
  const adoptions = useMemo(
    () =>
      overview.services
        .map((s) => adoptionByYear(index, s))
        .sort((a, b) => b.adopters - a.adopters),
    [index, overview],
  );
  const recorderOrg =
    recorder !== null && index.indexOf.has(recorder)
      ? index.organisations[index.indexOf.get(recorder)!]!
      : undefined;
  return (
    <section
      className="panel theme-section"
      aria-labelledby="theme-title"
      data-testid="theme-section"
    >
      <h2 id="theme-title">{theme.label}</h2>
      {theme.description && <p>{theme.description}</p>}
      {overview.empty ? (
        <div className="empty-state" data-testid="theme-empty">
          <h3>Nog geen koplopers of volgers vastgelegd</h3>
          <p>
            Voor het thema {theme.label} heeft nog niemand vastgelegd wie voorop loopt en wie volgt.
            Openbare bronnen noemen zelden een koploper: deze kennis zit vooral bij mensen. Weet u
            hoe uw gemeente hierin staat, of van wie u leerde? Leg het vast: het staat direct hier,
            en u deelt het met andere gemeenten via Gegevens › Mijn aanvullingen.
          </p>
          <RecordPanel
            network={index.network}
            organisationId={recorderOrg?.id ?? null}
            initialTheme={theme.id}
          />
        </div>
      ) : (
        <>
          <p data-testid="theme-counts">
            {plural(overview.frontrunners.length, 'koploper', 'koplopers')},{' '}
            {plural(overview.followers.length, 'volger', 'volgers')},{' '}
            {plural(
              overview.flows.length,
              'keer geleerd van een ander',
              'keer geleerd van een ander',
            )}
            . <Link to={themeMapLink(index, theme, overview)}>Toon hen op de kaart</Link>
          </p>
          <div className="role-columns">
            <div>
              <h3>Koplopers</h3>
              {overview.frontrunners.length === 0 ? (
                <p className="hint">Nog geen koploper vastgelegd.</p>
              ) : (
                <HolderList index={index} holders={overview.frontrunners} flows={overview.flows} />
              )}
            </div>
            <div>
              <h3>Volgers</h3>
              {overview.followers.length === 0 ? (
                <p className="hint">Nog geen volger vastgelegd.</p>
              ) : (
                <HolderList index={index} holders={overview.followers} flows={overview.flows} />
              )}
            </div>
          </div>
          <h3>Vastleggen</h3>
          <RecordPanel
            network={index.network}
            organisationId={recorderOrg?.id ?? null}
            initialTheme={theme.id}
          />
        </>
      )}
      <h3>Wat eruit kwam: netwerken, diensten en producten</h3>
      {overview.services.length === 0 ? (
        <p data-testid="no-services">
          Bij dit thema staat nog geen netwerk, dienst of product. Een koploper of volger kan er een
          noemen als "in netwerk of dienst".
        </p>
      ) : (
        <div className="service-grid">
          {adoptions.map((adoption) => {
            const org = index.organisations[adoption.service]!;
            return (
              <article key={org.id} className="service-card" data-testid="service-card">
                <h4>
                  <OrgLink index={index} id={org.id} />
                </h4>
                {org.description && <p className="hint">{org.description}</p>}
                <AdoptionChart adoption={adoption} name={org.name} />
              </article>
            );
          })}
        </div>
      )}
    </section>
  );
}

function ThemeLinks({ themes }: { themes: Theme[] }) {
  return (
    <>
      {themes.map((t, i) => (
        <span key={t.id}>
          {i > 0 && ', '}
          <Link to={`/kennis?thema=${encodeURIComponent(t.id)}`}>{t.label}</Link>
        </span>
      ))}
    </>
  );
}

function MunicipalitySection({
  index,
  memberships,
  of,
}: {
  index: GraphIndex;
  memberships: Memberships;
  of: number;
}) {
  const org = index.organisations[of]!;
  const standings = useMemo(() => municipalityKnowledge(index, of), [index, of]);
  const suggestions = useMemo(
    () => whoToLearnFrom(index, of, standings, learningPeers(index, memberships, of)),
    [index, memberships, of, standings],
  );
  const sizeClass = sizeClassOf(org.population);
  const absent = standings.filter((s) => !s.role);
  const active = standings.filter((s) => s.role);
  return (
    <section
      className="panel"
      aria-labelledby="municipality-title"
      data-testid="municipality-section"
    >
      <h2 id="municipality-title">{org.name}</h2>
      <p>
        {org.population !== undefined && `${formatNumber(org.population)} inwoners`}
        {sizeClass && `, grootteklasse ${sizeClass.code} (${sizeClass.label})`}
        {org.province && `, ${org.province}`}.{' '}
        <Link to={mapLink({ selected: org.id })}>Op de kaart</Link>
      </p>
      <RecordPanel network={index.network} organisationId={org.id} />
      <dl className="standing-summary" data-testid="standing-summary">
        {(['frontrunner', 'follower'] as const).map((role) => {
          const list = standings.filter((s) => s.role === role);
          return (
            <div key={role}>
              <dt>{role === 'frontrunner' ? 'Koploper op' : 'Volger op'}</dt>
              <dd>
                {list.length ? <ThemeLinks themes={list.map((s) => s.theme)} /> : 'geen thema'}
              </dd>
            </div>
          );
        })}
        <div>
          <dt>Nog geen rol op</dt>
          <dd>
            {absent.length ? <ThemeLinks themes={absent.map((s) => s.theme)} /> : 'geen thema'}
          </dd>
        </div>
      </dl>
      {active.length > 0 && (
        <>
          <h3>Wat en waarom</h3>
          <div className="table-scroll">
            <table className="data-table" data-testid="standings">
              <caption className="visually-hidden">
                Waar {org.name} voorop loopt of volgt, en waarom
              </caption>
              <thead>
                <tr>
                  <th scope="col">Thema</th>
                  <th scope="col">Rol</th>
                  <th scope="col">Wat en waarom</th>
                </tr>
              </thead>
              <tbody>
                {active.map((s) => (
                  <tr key={s.theme.id}>
                    <th scope="row">
                      <Link to={`/kennis?thema=${encodeURIComponent(s.theme.id)}`}>
                        {s.theme.label}
                      </Link>
                    </th>
                    <td>
                      <span className={`badge role-${s.role}`}>{ROLE_LABELS[s.role!]}</span>
                    </td>
                    <td>
                      {s.positions.map((p) => (
                        <div key={`${p.theme}|${p.network ?? ''}`} className="position-line">
                          {p.role !== s.role && `${ROLE_TITLES[p.role]}: `}
                          <PositionLine index={index} position={p} />
                        </div>
                      ))}
                      {s.learnedFrom.map((f) => (
                        <div key={f.relation} className="position-line">
                          Leerde van <OrgLink index={index} id={index.organisations[f.from]!.id} />
                          {f.since && ` (sinds ${formatSince(f.since)})`}.{' '}
                          {f.reason && <span className="reason">Argumenten: {f.reason} </span>}
                          <SourceNote index={index} sourceId={f.sourceId} />
                        </div>
                      ))}
                      {s.taught.length > 0 && (
                        <div className="position-line">
                          Leerden ervan:{' '}
                          {s.taught.map((f, i) => (
                            <span key={f.relation}>
                              {i > 0 && ', '}
                              <OrgLink index={index} id={index.organisations[f.learner]!.id} />
                            </span>
                          ))}
                          .
                        </div>
                      )}
                      {s.services.length > 0 && (
                        <div className="hint">
                          Neemt deel aan:{' '}
                          {s.services.map((n) => index.organisations[n]!.name).join(', ')}.
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <h3>Van wie kunt u leren?</h3>
      <p>
        Gemeenten van vergelijkbare omvang (tot de helft meer of minder inwoners) die koploper zijn
        op een thema waarop {org.name} nog geen rol heeft; de meest vergelijkbare eerst.
      </p>
      {suggestions.length === 0 ? (
        <p data-testid="no-suggestions">
          {absent.length === 0
            ? `${org.name} heeft op elk thema een rol.`
            : 'Op deze thema’s is nog geen koploper vastgelegd.'}
        </p>
      ) : (
        <ul className="suggestion-list" data-testid="suggestions">
          {suggestions.map((s) => (
            <li key={s.theme.id}>
              <strong>
                <Link to={`/kennis?thema=${encodeURIComponent(s.theme.id)}`}>{s.theme.label}</Link>
              </strong>
              {s.peers.length > 0 ? (
                <ul>
                  {s.peers.map(({ peer, positions }) => {
                    const p = index.organisations[peer.index]!;
                    const within = positions
                      .map((x) => positionNetwork(index, x)?.name)
                      .filter(Boolean);
                    return (
                      <li key={p.id}>
                        <OrgLink index={index} id={p.id} />
                        {within.length > 0 && ` (koploper in ${within.join(', ')})`}
                        <span className="hint"> — {peer.reason}</span>
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="hint">Geen gemeente van vergelijkbare omvang is hier koploper.</p>
              )}
              {s.others.length > 0 && (
                <p className="hint">
                  Ook koploper, andere omvang:{' '}
                  {s.others.slice(0, 8).map((n, i) => (
                    <span key={n}>
                      {i > 0 && ', '}
                      <OrgLink index={index} id={index.organisations[n]!.id} />
                    </span>
                  ))}
                  {s.others.length > 8 && ` en ${formatNumber(s.others.length - 8)} meer`}.
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
