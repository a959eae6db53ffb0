import { useMemo } from 'react';
import { Link } from 'react-router';
import { attribution, countSourceUses } from '../../analysis/attribution';
import type { GraphIndex } from '../../analysis/graphIndex';
import { networkStats } from '../../analysis/networkStats';
import { describeStepIn } from '../../analysis/peers';
import {
  municipalityProfile,
  type MunicipalityProfile,
  type ProfileItem,
} from '../../analysis/profile';
import type { Network } from '../../domain/network';
import { displayName, type OrganisationDomain } from '../../domain/organisation';
import type { RelationType } from '../../domain/relation';
import { KIND_COLORS } from '../../render/palette';
import { neighbourhoodPicture } from '../../render/neighbourhoodPicture';
import { pictureSvgElement, type Picture } from '../../render/picture';
import { canvasMeasure, type TextMeasure } from '../../render/shapes';
import { mapLink } from '../../state/mapView';
import { useNetwork } from '../../storage/hooks';
import { useUiStore } from '../../state/uiStore';
import { formatReferenceDate } from '../DataDate';
import { formatNumber } from '../format';
import { SearchBox } from '../map/SearchBox';
import { appLink, dataDateLine, downloadPicture, kindColorKey, pictureFrame } from '../pictures';
import { useDocumentTitle } from '../useDocumentTitle';
import { useAnalysis } from '../useIndex';
import { useUrlParams } from '../useUrlParams';
import { profileRoute } from './route';
import './profile.css';

// One municipality on one A4 page (issue #16): for a note to the college of
// B&W or to inform the raad. The same page is the screen page; the print
// stylesheet leaves out what only works on a screen.

/** Domain names short enough for a table's first column and the picture's headings. */
const DOMAIN_NAMES: Record<OrganisationDomain, string> = {
  landelijk: 'Landelijk',
  ggu: 'GGU',
  bestuurlijk: 'Bestuur',
  zorg: 'Zorg en welzijn',
  onderwijs: 'Onderwijs',
  economie: 'Economie en werk',
  fysiek: 'Leefomgeving',
  veiligheid: 'Veiligheid',
};
const domainName = (d: OrganisationDomain | null) => (d ? DOMAIN_NAMES[d] : 'Overig');

const TAKES_PART: Record<RelationType, string> = {
  member: 'lid',
  uses: 'gebruikt',
  partner: 'partner',
  knowledge: 'kennis',
};

const signedPct = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});
const today = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long' });

/** "2019" or "augustus 2019" or "1 augustus 2019": as precise as the data says. */
function sinceWords(since: string): string {
  if (/^\d{4}$/.test(since)) return since;
  if (/^\d{4}-\d{2}$/.test(since))
    return new Intl.DateTimeFormat('nl-NL', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${since}-01T00:00:00Z`));
  return formatReferenceDate(since);
}

function participation(item: ProfileItem): string {
  const parts = [item.relations.map((t) => TAKES_PART[t]).join(' en ')];
  if (item.role) parts.push(item.role === 'frontrunner' ? 'koploper' : 'volger');
  if (item.since) parts.push(`sinds ${sinceWords(item.since)}`);
  return parts.join(', ');
}

export function ProfilePage() {
  const network = useNetwork();
  if (!network)
    return (
      <p className="status" role="status">
        Het netwerk wordt geladen…
      </p>
    );
  return <ProfileScreen network={network} />;
}

function ProfileScreen({ network }: { network: Network }) {
  const { index, memberships } = useAnalysis(network);
  const stats = useMemo(() => networkStats(index, memberships), [index, memberships]);
  const [params, set] = useUrlParams();
  const id = params.get('gemeente');
  const found = id ? index.indexOf.get(id) : undefined;
  const of =
    found !== undefined && index.organisations[found]!.kind === 'municipality' ? found : undefined;
  const org = of !== undefined ? index.organisations[of] : undefined;
  useDocumentTitle(org ? `Netwerkprofiel ${org.name}` : 'Netwerkprofiel');
  const municipalities = useMemo(
    () => index.organisations.filter((o) => o.kind === 'municipality'),
    [index],
  );
  const profile = useMemo(
    () => (of === undefined ? undefined : municipalityProfile(index, memberships, of, stats)),
    [index, memberships, of, stats],
  );

  return (
    <div className="page profile-page">
      <div className="profile-toolbar no-print">
        <SearchBox
          key={id ?? ''}
          organisations={municipalities}
          label="Gemeente"
          initialQuery={org?.name ?? ''}
          onChoose={(i) => set({ gemeente: municipalities[i]!.id }, true)}
        />
        {org && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => window.print()}>
              Afdrukken / opslaan als PDF
            </button>
            <Link to={mapLink({ selected: org.id, focus: true })}>Op de kaart</Link>
            <Link to={`/gelijken?gemeente=${encodeURIComponent(org.id)}`}>
              Vergelijkbare gemeenten
            </Link>
            <Link to={`/kennis?gemeente=${encodeURIComponent(org.id)}`}>Kennis</Link>
          </div>
        )}
      </div>
      {!id && (
        <>
          <h1>Netwerkprofiel</h1>
          <p className="lead">
            Kies een gemeente: het profiel zet op één A4 wat zij doet in welke netwerken, welke
            gemeenten op haar lijken en waar die wel in zitten. Bedoeld voor een notitie aan het
            college of om de raad te informeren.
          </p>
        </>
      )}
      {id && of === undefined && (
        <p className="error-box" role="alert">
          {found === undefined
            ? `Gemeente "${id}" staat niet in het netwerk.`
            : `${index.organisations[found]!.name} is geen gemeente; een profiel is er voor gemeenten.`}
        </p>
      )}
      {profile && <ProfileSheet index={index} network={network} profile={profile} />}
    </div>
  );
}

function ProfileSheet({
  index,
  network,
  profile,
}: {
  index: GraphIndex;
  network: Network;
  profile: MunicipalityProfile;
}) {
  const announce = useUiStore((s) => s.announce);
  const org = index.organisations[profile.of]!;
  const measure = useMemo(() => canvasMeasure(), []);
  const picture = useMemo(() => profilePicture(index, profile, measure), [index, profile, measure]);
  const pictureSvg = useMemo(
    () =>
      pictureSvgElement(
        picture,
        `${org.name} in het midden, met de ${profile.itemCount} netwerken en diensten waarin de gemeente deelneemt, per domein.`,
      ),
    [picture, org.name, profile.itemCount],
  );
  const link = appLink(profileRoute(org.id));
  const sources = attribution(network.sources, profile.sourceUses).line;

  async function download(format: 'png' | 'svg') {
    const uses = countSourceUses([
      org.sourceId,
      ...index.incident[profile.of]!.map((k) => index.relations[k]!.sourceId),
    ]);
    const frame = pictureFrame(network, `Netwerk van ${org.name}`, uses, link);
    const name = await downloadPicture(picture, frame, measure, format, `netwerk ${org.name}`);
    announce(`${name} is gedownload.`);
  }

  const facts = [
    org.population !== undefined
      ? `${formatNumber(org.population)} inwoners${org.populationYear ? ` (1 januari ${org.populationYear})` : ''}`
      : 'inwoners onbekend',
    profile.sizeClass
      ? `grootteklasse ${profile.sizeClass.code}: ${profile.sizeClass.label}`
      : undefined,
    org.province ? `provincie ${org.province}` : undefined,
    org.cbsCode ? `CBS-code ${org.cbsCode}` : undefined,
  ].filter(Boolean);

  return (
    <article className="profile-sheet" aria-labelledby="profile-title" data-testid="profile">
      <header className="profile-head">
        <p className="profile-kicker">
          Netwerkprofiel · <span data-testid="profile-date">{dataDateLine(network)}</span>
        </p>
        <h1 id="profile-title">{org.name}</h1>
        <p className="profile-facts" data-testid="profile-facts">
          {facts.join(' · ')}
        </p>
      </header>

      <figure className="profile-figure">
        {/* Our own SVG, every text escaped (render/shapes.ts); a React copy of it would be a second renderer. */}
        <div
          className="profile-picture"
          // On a wide screen a little larger than drawn; on paper and small screens it shrinks to fit.
          style={{ maxWidth: Math.round(picture.bounds.width * 1.3) }}
          dangerouslySetInnerHTML={{ __html: pictureSvg }}
        />
        <figcaption>
          <ul className="profile-legend" aria-label="Legenda">
            {picture.legend.map((entry) => (
              <li key={entry.label}>
                <LegendSwatch entry={entry} />
                {entry.label}
              </li>
            ))}
          </ul>
          <span className="no-print profile-downloads">
            Plaatje voor een verslag:{' '}
            <button type="button" className="link" onClick={() => void download('png')}>
              PNG
            </button>{' '}
            <button type="button" className="link" onClick={() => void download('svg')}>
              SVG
            </button>
          </span>
        </figcaption>
      </figure>

      <section className="profile-networks" aria-labelledby="profile-networks">
        <h2 id="profile-networks">Netwerken en diensten ({formatNumber(profile.itemCount)})</h2>
        <table className="profile-table" data-testid="profile-networks">
          <colgroup>
            <col className="col-domain" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Domein</th>
              <th scope="col">Netwerk of dienst · deelname · wat het is</th>
            </tr>
          </thead>
          {profile.groups.map((group) => (
            <tbody key={group.domain ?? 'overig'}>
              {group.items.map((item, i) => {
                const other = index.organisations[item.organisation]!;
                return (
                  <tr key={other.id}>
                    {i === 0 && (
                      <th scope="rowgroup" rowSpan={group.items.length}>
                        {group.domain === 'ggu' ? (
                          <abbr title="Gezamenlijke Gemeentelijke Uitvoering">GGU</abbr>
                        ) : (
                          domainName(group.domain)
                        )}
                      </th>
                    )}
                    {/* One line each: the description gives way first when the line is full. */}
                    <td className="one-line" title={other.description}>
                      <span className="item-name">{other.name}</span>
                      {other.shortName && other.shortName !== other.name && (
                        <span className="muted"> ({other.shortName})</span>
                      )}{' '}
                      · <span className="item-part">{participation(item)}</span>
                      {item.summary && <span className="item-what"> · {item.summary}</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </section>

      <div className="profile-columns">
        <section aria-labelledby="profile-peers">
          <h2 id="profile-peers">Tien vergelijkbare gemeenten</h2>
          <ol className="profile-peers" data-testid="profile-peers">
            {profile.peers.map((p) => {
              const peer = index.organisations[p.index]!;
              return (
                <li key={peer.id}>
                  <Link to={profileRoute(peer.id)}>{peer.name}</Link>{' '}
                  <span className="muted">
                    {peer.population !== undefined && formatNumber(peer.population)} (
                    {signedPct.format(p.populationDelta)})
                  </span>
                </li>
              );
            })}
          </ol>
          <p className="profile-note">
            Inwoners en verschil met {org.name}; gekozen naar omvang (75%) en gedeelde keuzes (25%).
          </p>
        </section>
        <div>
          <section aria-labelledby="profile-advice">
            <h2 id="profile-advice">Waar vergelijkbare gemeenten wel in zitten</h2>
            {profile.advice.length === 0 ? (
              <p data-testid="profile-no-advice">
                Geen netwerk waar minstens 3 en een kwart van de {profile.peerCount} vergelijkbare
                gemeenten in zitten en {org.name} niet.
              </p>
            ) : (
              <ul className="profile-advice" data-testid="profile-advice">
                {profile.advice.map((s) => {
                  const net = index.organisations[s.network]!;
                  const words = describeStepIn(s, profile.peerCount);
                  return (
                    <li key={net.id}>
                      <strong>{net.name}</strong>: {words.peers}, {words.national}
                      {words.band ? `; ${words.band}` : ''}.
                    </li>
                  );
                })}
                {profile.adviceTotal > profile.advice.length && (
                  <li>
                    En {profile.adviceTotal - profile.advice.length} meer op de pagina Vergelijkbare
                    gemeenten.
                  </li>
                )}
              </ul>
            )}
          </section>
          <section aria-labelledby="profile-roles">
            <h2 id="profile-roles">Koploper en volger</h2>
            {profile.positions.length === 0 ? (
              <p>
                Voor {org.name} is nog geen koploper- of volgerpositie vastgelegd.
                <span className="no-print">
                  {' '}
                  <Link to={`/kennis?gemeente=${encodeURIComponent(org.id)}`}>Vastleggen</Link>
                </span>
              </p>
            ) : (
              <ul className="profile-roles" data-testid="profile-roles">
                {profile.positions.map((p) => (
                  <li key={`${p.theme.id}-${p.role}`}>
                    <strong>{p.role === 'frontrunner' ? 'Koploper' : 'Volger'}</strong> op{' '}
                    {p.theme.label}
                    {p.networks.length > 0 && ` (${p.networks.join(', ')})`}
                    {p.learnedFrom.length > 0 &&
                      `; leerde van ${p.learnedFrom.map((f) => f.name + (f.since ? ` (${f.since.slice(0, 4)})` : '')).join(', ')}`}
                    {p.taught.length > 0 &&
                      `; ${p.taught.map((f) => f.name + (f.since ? ` (${f.since.slice(0, 4)})` : '')).join(', ')} leerde${p.taught.length > 1 ? 'n' : ''} ervan`}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>

      <footer className="profile-foot">
        <p data-testid="profile-sources">
          {sources} Grootteklasse: CBS-indeling in acht klassen. Vergelijkbare gemeenten en advies:
          analyse van Netwerkkaart op deze gegevens.
        </p>
        <p>
          Opnieuw openen: <a href={link}>{link}</a> · gemaakt op {today.format(new Date())}
        </p>
      </footer>
    </article>
  );
}

function LegendSwatch({ entry }: { entry: Picture['legend'][number] }) {
  const s = entry.symbol;
  if (s.shape === 'line')
    return (
      <svg className="legend-swatch" width="18" height="10" aria-hidden="true">
        <line
          x1="1"
          y1="5"
          x2="17"
          y2="5"
          stroke={s.color}
          strokeWidth="2"
          strokeDasharray={s.dash?.join(' ')}
        />
      </svg>
    );
  if (s.shape === 'ring')
    return (
      <svg className="legend-swatch" width="12" height="12" aria-hidden="true">
        <circle cx="6" cy="6" r="4.5" fill="none" stroke={s.color} strokeWidth="2" />
      </svg>
    );
  return (
    <svg className="legend-swatch" width="12" height="12" aria-hidden="true">
      <circle cx="6" cy="6" r="5" fill={s.color} />
    </svg>
  );
}

/** The municipality in the middle, its networks and services around it, per domain. */
function profilePicture(
  index: GraphIndex,
  profile: MunicipalityProfile,
  measure: TextMeasure,
): Picture {
  const org = index.organisations[profile.of]!;
  return neighbourhoodPicture({
    centre: org.name,
    centreColor: KIND_COLORS.municipality,
    colorKey: kindColorKey(),
    measure,
    maxLabelWidth: 235,
    caption: [
      `${org.name} en de ${profile.itemCount} netwerken en diensten waarin de gemeente deelneemt, per domein.`,
    ],
    groups: profile.groups.map((g) => ({
      label: domainName(g.domain),
      items: g.items.map((item) => {
        const other = index.organisations[item.organisation]!;
        return {
          id: other.id,
          label: displayName(other),
          title: other.name,
          color: KIND_COLORS[other.kind],
          relation: item.relations[0]!,
          ...(item.role === 'frontrunner' ? { frontrunner: true } : {}),
        };
      }),
    })),
  });
}
