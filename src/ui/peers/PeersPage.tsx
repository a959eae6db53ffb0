import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useUrlParams } from '../useUrlParams';
import type { GraphIndex } from '../../analysis/graphIndex';
import type { Memberships } from '../../analysis/memberships';
import { networkStats, regionLabel, type NetworkStats } from '../../analysis/networkStats';
import {
  compareMunicipalities,
  describeStepIn,
  findPeers,
  formatShare,
  initialPeerCriteria,
  listInWords,
  MIN_PEER_SHARE,
  MIN_PEERS,
  MIN_PEERS_IN,
  PEER_PARAMETERS,
  SIZE_HALF_RATIO,
  whereToStepIn,
  type PeerCriteria,
  type PeerResult,
  type StepIn,
  type StepInAdvice,
} from '../../analysis/peers';
import { categoryLabel, displayName } from '../../domain/organisation';
import { sizeClassOf } from '../../domain/sizeClass';
import { mapLink } from '../../state/mapView';
import { formatNumber } from '../format';
import { SearchBox } from '../map/SearchBox';
import { profileRoute } from '../profile/route';
import { useAnalysis } from '../useIndex';
import { NetworkPage } from '../NetworkPage';
import type { Network } from '../../domain/network';
import type { Organisation } from '../../domain/organisation';

const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });
const signedPct = new Intl.NumberFormat('nl-NL', {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

// URL keys of the criteria, so a link opens the same peers.
const PARAM_KEYS: Record<keyof PeerCriteria, string> = {
  tolerance: 'marge',
  networkWeight: 'gewicht',
  regionWeight: 'regio',
  sameProvince: 'provincie',
  sameSizeClass: 'klasse',
};

function parseCriteria(params: URLSearchParams): PeerCriteria {
  const c = initialPeerCriteria();
  for (const p of PEER_PARAMETERS) {
    const raw = params.get(PARAM_KEYS[p.id]);
    if (raw === null) continue;
    if (p.type === 'boolean') (c[p.id] as boolean) = raw === '1';
    else {
      const v = Number(raw);
      if (Number.isFinite(v)) (c[p.id] as number) = Math.min(p.max, Math.max(p.min, v));
    }
  }
  return c;
}

/**
 * A number input that lets the user type: an empty or half-typed value stays
 * as typed, a value within bounds is used at once, and on leaving the field
 * it shows the value in use (out of bounds: with a note what the bounds are).
 */
function NumberField({
  label,
  min,
  max,
  step,
  value,
  onCommit,
}: {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  onCommit(value: number): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const hintId = useId();
  const typed = text === null ? null : Number(text.replace(',', '.'));
  const outside = typed !== null && text!.trim() !== '' && !(typed >= min && typed <= max);
  return (
    <label className="number-field">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={step}
        value={text ?? value}
        aria-invalid={outside || undefined}
        aria-describedby={outside ? hintId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && v >= min && v <= max) onCommit(v);
        }}
        onBlur={() => {
          // A value out of bounds becomes the nearest bound, not the last one typed in bounds.
          if (typed !== null && text!.trim() !== '' && Number.isFinite(typed))
            onCommit(Math.min(max, Math.max(min, typed)));
          setText(null);
        }}
      />
      {outside && (
        <span className="field-error" id={hintId}>
          Kies een waarde van {min} tot en met {max}.
        </span>
      )}
    </label>
  );
}

export function PeersPage() {
  return <NetworkPage title="Vergelijkbare gemeenten" screen={PeersScreen} />;
}

function PeersScreen({ network }: { network: Network }) {
  const { index, memberships } = useAnalysis(network);
  const stats = useMemo(() => networkStats(index, memberships), [index, memberships]);
  const [params, set] = useUrlParams();
  const criteria = useMemo(() => parseCriteria(params), [params]);
  const chosenId = params.get('gemeente');
  const chosen = chosenId ? index.indexOf.get(chosenId) : undefined;
  const compareId = params.get('vergelijk');
  const compareWith = compareId ? index.indexOf.get(compareId) : undefined;
  const municipalities = useMemo(
    () => index.organisations.filter((o) => o.kind === 'municipality'),
    [index],
  );
  // Bumped by a peer's compare button: the comparison below a long list is brought
  // into view and its field shows the new name. A link that opens with a comparison
  // starts there too.
  const [compareJump, setCompareJump] = useState(() => (compareId ? 1 : 0));

  const result = useMemo(
    () =>
      chosen === undefined
        ? undefined
        : findPeers(index, memberships, chosen, criteria, { limit: 25, stats }),
    [index, memberships, chosen, criteria, stats],
  );
  const peers = useMemo(() => result?.peers ?? [], [result]);
  const advice = useMemo(
    () =>
      chosen === undefined ? undefined : whereToStepIn(index, memberships, chosen, peers, stats),
    [index, memberships, chosen, peers, stats],
  );

  const self = chosen !== undefined ? index.organisations[chosen]! : undefined;
  const cls = sizeClassOf(self?.population);

  return (
    <div className="page peers-page">
      <h1>Vergelijkbare gemeenten</h1>
      <p className="lead">
        Gemeenten van vergelijkbare omvang, hun gedeelde keuzes, waar u kunt instappen, en twee
        gemeenten naast elkaar.
      </p>
      <div className="peers-controls panel">
        <SearchBox
          organisations={municipalities}
          label="Gemeente"
          initialQuery={chosenId ? (index.organisations[chosen ?? -1]?.name ?? '') : ''}
          onChoose={(i) => set({ gemeente: municipalities[i]!.id })}
        />
        <fieldset className="criteria">
          <legend>Criteria</legend>
          {PEER_PARAMETERS.map(
            (p) =>
              p.type === 'number' && (
                <NumberField
                  key={p.id}
                  label={p.label}
                  min={p.min}
                  max={p.max}
                  step={p.step}
                  value={criteria[p.id] as number}
                  onCommit={(v) => set({ [PARAM_KEYS[p.id]]: String(v) })}
                />
              ),
          )}
          <div className="checks">
            {PEER_PARAMETERS.map(
              (p) =>
                p.type === 'boolean' && (
                  <label key={p.id} className="check">
                    <input
                      type="checkbox"
                      checked={criteria[p.id] as boolean}
                      onChange={(e) => set({ [PARAM_KEYS[p.id]]: e.target.checked ? '1' : null })}
                    />
                    {p.label}
                  </label>
                ),
            )}
          </div>
        </fieldset>
      </div>

      {chosenId && chosen === undefined && (
        <p className="error-box" role="alert">
          Gemeente "{chosenId}" staat niet in het netwerk.
        </p>
      )}

      {self && chosen !== undefined && result && advice && (
        <>
          <div className="peers-results">
            <section className="panel" aria-labelledby="peers-title">
              <h2 id="peers-title">
                Gemeenten zoals <span data-testid="peers-of">{self.name}</span>
              </h2>
              <p>
                {self.population !== undefined
                  ? `${formatNumber(self.population)} inwoners${self.populationYear ? ` (${self.populationYear})` : ''}`
                  : 'Inwoners onbekend'}
                {cls ? `, grootteklasse ${cls.code} (${cls.label})` : ''}
                {self.province ? `, provincie ${self.province}` : ''}; neemt deel aan{' '}
                {memberships.networksOf.get(chosen)?.size ?? 0} netwerken en diensten.{' '}
                {peers.length > 0 && (
                  <Link
                    to={mapLink({
                      selected: self.id,
                      lit: peers.map((p) => index.organisations[p.index]!.id),
                    })}
                  >
                    Toon deze gemeenten op de kaart
                  </Link>
                )}{' '}
                <Link to={profileRoute(self.id)} data-testid="peers-profile-link">
                  Netwerkprofiel van {self.name} (één A4)
                </Link>
              </p>
              <RangeNote result={result} criteria={criteria} name={self.name} />
              <ScoreExplanation
                index={index}
                stats={stats}
                weights={result.weights}
                name={self.name}
              />
              {peers.length > 0 && (
                <ol className="peer-list" data-testid="peer-list">
                  {peers.map((p) => {
                    const o = index.organisations[p.index]!;
                    return (
                      <li
                        key={o.id}
                        data-id={o.id}
                        data-population={o.population}
                        data-within={p.withinCriteria ? '1' : '0'}
                      >
                        <div className="peer-head">
                          <strong>{o.name}</strong>
                          <span className="score" aria-hidden="true">
                            <span
                              className="score-bar"
                              style={{ width: `${Math.round(p.score * 100)}%` }}
                            />
                          </span>
                          <span className="score-text">{pct.format(p.score)} overeenkomst</span>
                          <span className="actions">
                            <button
                              type="button"
                              className="link"
                              onClick={() => {
                                set({ vergelijk: o.id });
                                setCompareJump((n) => n + 1);
                              }}
                            >
                              Vergelijk
                              {/* Heard, not seen: which two this button compares. */}
                              <span className="visually-hidden">
                                {' '}
                                {o.name} met {self.name}
                              </span>
                            </button>
                            <Link to={mapLink({ selected: o.id })}>
                              Op de kaart
                              <span className="visually-hidden">: {o.name}</span>
                            </Link>
                          </span>
                        </div>
                        <div className="peer-reason">{p.reason}</div>
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>

            <StepInSection
              index={index}
              memberships={memberships}
              advice={advice}
              peerCount={peers.length}
              self={chosen}
            />
          </div>

          <CompareSection
            index={index}
            memberships={memberships}
            stats={stats}
            municipalities={municipalities}
            a={chosen}
            b={compareWith}
            missing={compareId && compareWith === undefined ? compareId : null}
            jump={compareJump}
            onChoose={(id) => set({ vergelijk: id })}
          />
        </>
      )}
    </div>
  );
}

/** Says plainly when the range in inhabitants was widened, and to what. */
function RangeNote({
  result,
  criteria,
  name,
}: {
  result: PeerResult;
  criteria: PeerCriteria;
  name: string;
}) {
  const conditions = criteria.sameProvince || criteria.sameSizeClass;
  if (result.peers.length === 0)
    return (
      <p data-testid="no-peers">
        Geen andere gemeente voldoet aan de voorwaarden. Laat &lsquo;Alleen dezelfde
        provincie&rsquo; of &lsquo;Alleen dezelfde grootteklasse&rsquo; los.
      </p>
    );
  if (!result.widened) return null;
  const { min, max, minDelta, maxDelta } = result.widened;
  const inRange =
    result.withinCriteria === 0
      ? 'vallen geen gemeenten'
      : result.withinCriteria === 1
        ? 'valt 1 gemeente'
        : `vallen ${result.withinCriteria} gemeenten`;
  const shown = result.peers.length;
  return (
    <p className="notice" data-testid="widened">
      Binnen ±{criteria.tolerance}% {inRange}
      {conditions ? ' (met de gekozen voorwaarden)' : ''}. Het bereik is daarom verruimd tot{' '}
      {result.candidates <= MIN_PEERS
        ? `alle ${shown} gemeenten die aan de voorwaarden voldoen`
        : `de ${shown} gemeenten die in inwoners het dichtst bij ${name} liggen`}
      : van {formatNumber(min)} tot {formatNumber(max)} inwoners ({signedPct.format(minDelta)} tot{' '}
      {signedPct.format(maxDelta)}).
    </p>
  );
}

/** How the figure "overeenkomst" comes about, with the weights in use. */
function ScoreExplanation({
  index,
  stats,
  weights,
  name,
}: {
  index: GraphIndex;
  stats: NetworkStats;
  weights: PeerResult['weights'];
  name: string;
}) {
  const everyone = stats.nearlyAll.map((n) => displayName(index.organisations[n]!));
  const regions = [...stats.territorial].map(regionLabel).sort((a, b) => a.localeCompare(b, 'nl'));
  const half = decimal.format(SIZE_HALF_RATIO);
  const quarter = decimal.format(SIZE_HALF_RATIO ** 2);
  return (
    <details className="explain">
      <summary>
        Overeenkomst = {pct.format(weights.size)} omvang + {pct.format(weights.choices)} gedeelde
        keuzes + {pct.format(weights.regions)} dezelfde regio&rsquo;s
      </summary>
      <ul>
        <li>
          <strong>Omvang</strong> (op een logaritmische schaal): 100% bij evenveel inwoners als{' '}
          {name}, 50% bij {half} keer zoveel of {pct.format(1 - 1 / SIZE_HALF_RATIO)} minder, 25%
          bij {quarter} keer zoveel of {pct.format(1 - 1 / SIZE_HALF_RATIO ** 2)} minder.
        </li>
        <li>
          <strong>Gedeelde keuzes</strong>: de netwerken waar beide gemeenten in zitten, gedeeld
          door die waar ten minste één van beide in zit. Een netwerk telt zwaarder naarmate minder
          gemeenten erin zitten.
          {everyone.length > 0 &&
            ` ${listInWords(everyone)} ${everyone.length === 1 ? 'telt' : 'tellen'} niet mee: daar zitten (bijna) alle gemeenten in.`}
        </li>
        {regions.length > 0 && (
          <li>
            <strong>Dezelfde regio&rsquo;s</strong> ({listInWords(regions)}): die volgen uit de
            ligging en zijn geen keuze. Ze staan bij een gemeente als &lsquo;zelfde …&rsquo; en
            tellen alleen mee als u er bij de criteria gewicht aan geeft.
          </li>
        )}
      </ul>
    </details>
  );
}

function AskFirst({ index, step }: { index: GraphIndex; step: StepIn }) {
  const frontrunners = new Set(step.frontrunners);
  return (
    <>
      {step.peersIn.slice(0, 5).map((m, i) => (
        <span key={m}>
          {i > 0 && ', '}
          {index.organisations[m]!.name}
          {frontrunners.has(m) && <span className="badge">koploper</span>}
        </span>
      ))}
      {step.peersIn.length > 5 && ` en ${step.peersIn.length - 5} meer`}
    </>
  );
}

function StepInSection({
  index,
  memberships,
  advice,
  peerCount,
  self,
}: {
  index: GraphIndex;
  memberships: Memberships;
  advice: StepInAdvice;
  peerCount: number;
  self: number;
}) {
  const own = index.organisations[self]!;
  const share = pct.format(MIN_PEER_SHARE);
  const anyFrontrunner = advice.advised.some((s) => s.frontrunners.length > 0);
  return (
    <section className="panel" aria-labelledby="stepin-title">
      <h2 id="stepin-title">Waar kunt u instappen?</h2>
      <p>
        Netwerken die minstens {MIN_PEERS_IN} en minstens {share} van de {peerCount} vergelijkbare
        gemeenten kozen en {own.name} nog niet, gerangschikt naar hoeveel vaker zij ervoor kozen dan
        alle gemeenten. Regio&rsquo;s (GGD, veiligheidsregio, …) volgen uit de ligging en staan er
        niet bij.
      </p>
      {advice.advised.length === 0 ? (
        <p data-testid="no-step-in">
          <strong>Geen advies</strong>: geen netwerk voldoet hieraan
          {advice.otherSize.length > 0 ? ', behalve voor gemeenten van een andere omvang' : ''}.
        </p>
      ) : (
        <table className="data-table" data-testid="step-in">
          <caption className="visually-hidden">Netwerken om in te stappen</caption>
          <thead>
            <tr>
              <th scope="col">Netwerk of dienst</th>
              <th scope="col">Hoe vaak gekozen</th>
              <th scope="col">Vraag het aan{anyFrontrunner ? ' (koplopers eerst)' : ''}</th>
            </tr>
          </thead>
          <tbody>
            {advice.advised.slice(0, 20).map((s) => {
              const net = index.organisations[s.network]!;
              const words = describeStepIn(s, peerCount);
              return (
                <tr key={net.id} data-id={net.id}>
                  <td>
                    <Link to={mapLink({ selected: net.id })}>{net.name}</Link>
                  </td>
                  <td>
                    {words.peers}, {words.national}
                  </td>
                  <td>
                    <AskFirst index={index} step={s} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {advice.otherSize.length > 0 && (
        <>
          <h3>Voor gemeenten van een andere omvang</h3>
          <p>
            Veel vergelijkbare gemeenten kozen deze netwerken, maar de leden die wij kennen zijn
            allemaal groter of kleiner dan {own.name}
            {own.population !== undefined ? ` (${formatNumber(own.population)} inwoners)` : ''}. Ze
            staan daarom apart: kijk of het netwerk ook voor u openstaat.
          </p>
          <ul data-testid="step-in-other-size">
            {advice.otherSize.map((s) => {
              const net = index.organisations[s.network]!;
              const words = describeStepIn(s, peerCount);
              return (
                <li key={net.id} data-id={net.id}>
                  <strong>{net.name}</strong>: {words.band}; {words.peers}, {words.national}.
                </li>
              );
            })}
          </ul>
        </>
      )}
      {advice.elsewhere.length > 0 && (
        <details className="explain" data-testid="step-in-elsewhere">
          <summary>Regionale samenwerking van andere gemeenten ({advice.elsewhere.length})</summary>
          <p>
            Vergelijkbare gemeenten werken hierin samen met hun buren. {own.name} ligt te ver van de
            leden of werkt al samen in een verband van dezelfde soort, dus dit is geen keuze voor u:
            vraag de deelnemers hoe het werkt.
          </p>
          <StepInList index={index} steps={advice.elsewhere} peerCount={peerCount} />
        </details>
      )}
      {advice.tooFew.length > 0 && (
        <details className="explain" data-testid="step-in-too-few">
          <summary>
            Niet geadviseerd, te weinig vergelijkbare gemeenten ({advice.tooFew.length})
          </summary>
          <StepInList index={index} steps={advice.tooFew} peerCount={peerCount} />
        </details>
      )}
      {memberships.frontrunners.size === 0 && (
        <p className="hint">Koplopers zijn in deze gegevens niet aangegeven.</p>
      )}
    </section>
  );
}

/** Networks shown apart, each with how many peers chose it and the national share. */
function StepInList({
  index,
  steps,
  peerCount,
}: {
  index: GraphIndex;
  steps: readonly StepIn[];
  peerCount: number;
}) {
  return (
    <ul>
      {steps.map((s) => {
        const net = index.organisations[s.network]!;
        const words = describeStepIn(s, peerCount);
        return (
          <li key={net.id} data-id={net.id}>
            {net.name}: {words.peers}, {words.national}
          </li>
        );
      })}
    </ul>
  );
}

function CompareSection({
  index,
  memberships,
  stats,
  municipalities,
  a,
  b,
  missing,
  jump,
  onChoose,
}: {
  index: GraphIndex;
  memberships: Memberships;
  stats: NetworkStats;
  municipalities: Organisation[];
  a: number;
  b: number | undefined;
  missing: string | null;
  jump: number;
  onChoose(id: string): void;
}) {
  const nameOf = (i: number) => index.organisations[i]!.name;
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Only a peer's button (or a link that opens with a comparison) moves the view:
  // choosing in the field below must leave the focus where the user is typing.
  useEffect(() => {
    if (jump === 0) return;
    section.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [jump]);
  return (
    <section className="panel" aria-labelledby="compare-title" data-testid="compare" ref={section}>
      <h2 id="compare-title">Twee gemeenten naast elkaar</h2>
      <div className="compare-pick">
        <p>
          {nameOf(a)} (gekozen bovenaan) met een andere gemeente; of kies &lsquo;Vergelijk&rsquo;
          bij een vergelijkbare gemeente.
        </p>
        <SearchBox
          key={jump}
          organisations={municipalities}
          label="Vergelijk met"
          initialQuery={b !== undefined ? nameOf(b) : ''}
          onChoose={(i) => onChoose(municipalities[i]!.id)}
        />
      </div>
      {missing && (
        <p className="error-box" role="alert">
          Gemeente "{missing}" staat niet in het netwerk.
        </p>
      )}
      {b !== undefined && b === a && <p>Kies een andere gemeente dan {nameOf(a)}.</p>}
      {b !== undefined && b !== a && index.organisations[b]!.kind === 'municipality' && (
        <ComparisonTable
          index={index}
          memberships={memberships}
          stats={stats}
          a={a}
          b={b}
          headingRef={heading}
        />
      )}
    </section>
  );
}

function ComparisonTable({
  index,
  memberships,
  stats,
  a,
  b,
  headingRef,
}: {
  index: GraphIndex;
  memberships: Memberships;
  stats: NetworkStats;
  a: number;
  b: number;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}) {
  const c = useMemo(
    () => compareMunicipalities(index, memberships, a, b, stats),
    [index, memberships, a, b, stats],
  );
  const nameOf = (i: number) => index.organisations[i]!.name;
  const inhabitants = (f: typeof c.a) =>
    f.population === undefined
      ? 'onbekend'
      : `${formatNumber(f.population)}${f.populationYear ? ` (${f.populationYear})` : ''}`;
  const difference =
    c.a.population && c.b.population
      ? `${signedPct.format((c.b.population - c.a.population) / c.a.population)} ten opzichte van ${nameOf(a)}`
      : undefined;
  const sizeClass = (f: typeof c.a) =>
    f.sizeClass ? `${f.sizeClass.code} (${f.sizeClass.label})` : 'onbekend';
  const categoryName = (category: string) =>
    category === '' ? 'zonder categorie' : categoryLabel(category);
  const share = (n: number) => formatShare(stats.byNetwork.get(n)?.share ?? 0);
  const list = (items: number[]) =>
    items.length === 0 ? (
      <p>Geen.</p>
    ) : (
      <ul>
        {items.map((n) => (
          <li key={n}>
            {nameOf(n)} <span className="hint">(landelijk {share(n)})</span>
          </li>
        ))}
      </ul>
    );
  const sameRegions = c.regions.filter((r) => r.same);
  return (
    <>
      <h3 id="compare-result" ref={headingRef} tabIndex={-1}>
        {nameOf(a)} en {nameOf(b)} vergeleken
      </h3>
      <table className="data-table compare-table" data-testid="compare-table">
        <caption className="visually-hidden">
          {nameOf(a)} en {nameOf(b)} naast elkaar
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{nameOf(a)}</th>
            <th scope="col">{nameOf(b)}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Inwoners (jaar)</th>
            <td className="fig" data-testid="compare-population-a">
              {inhabitants(c.a)}
            </td>
            <td className="fig" data-testid="compare-population-b">
              {inhabitants(c.b)}
              {difference && <div className="hint">{difference}</div>}
            </td>
          </tr>
          <tr>
            <th scope="row">Grootteklasse (CBS)</th>
            <td>{sizeClass(c.a)}</td>
            <td>{sizeClass(c.b)}</td>
          </tr>
          <tr>
            <th scope="row">Provincie</th>
            <td>{c.a.province ?? 'onbekend'}</td>
            <td>{c.b.province ?? 'onbekend'}</td>
          </tr>
          <tr>
            <th scope="row">Netwerken en diensten</th>
            <td className="fig">{c.a.networks}</td>
            <td className="fig">{c.b.networks}</td>
          </tr>
          {c.categories
            .filter((k) => !k.territorial)
            .map((k) => (
              <tr key={k.category} className="sub">
                <th scope="row">waarvan {categoryName(k.category)}</th>
                <td className="fig">{k.a}</td>
                <td className="fig">{k.b}</td>
              </tr>
            ))}
          {c.regions.length > 0 && (
            <tr className="sub">
              <th scope="row">waarvan regio&rsquo;s (hieronder)</th>
              <td className="fig">{c.regions.filter((r) => r.a !== undefined).length}</td>
              <td className="fig">{c.regions.filter((r) => r.b !== undefined).length}</td>
            </tr>
          )}
          {c.regions.map((r) => (
            <tr key={r.category}>
              <th scope="row">
                {regionLabel(r.category).replace(/^./, (x) => x.toUpperCase())}
                {r.same && <span className="badge">zelfde</span>}
              </th>
              <td>{r.a !== undefined ? nameOf(r.a) : 'geen'}</td>
              <td>{r.b !== undefined ? nameOf(r.b) : 'geen'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="compare-regions">
        {sameRegions.length === 0
          ? `${nameOf(a)} en ${nameOf(b)} liggen in geen enkele regio samen.`
          : `Samen in ${listInWords(sameRegions.map((r) => `${regionLabel(r.category)} ${nameOf(r.a!)}`))}.`}
      </p>
      <div className="compare-grid">
        <div>
          <h4>Allebei ({c.shared.length})</h4>
          {list(c.shared)}
        </div>
        <div>
          <h4>
            Alleen {nameOf(a)} ({c.onlyA.length})
          </h4>
          {list(c.onlyA)}
        </div>
        <div>
          <h4>
            Alleen {nameOf(b)} ({c.onlyB.length})
          </h4>
          {list(c.onlyB)}
        </div>
      </div>
      <p className="hint">Netwerken en diensten zonder de regio&rsquo;s hierboven.</p>
    </>
  );
}
