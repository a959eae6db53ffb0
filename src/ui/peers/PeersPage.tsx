import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useUrlParams } from '../useUrlParams';
import type { GraphIndex } from '../../analysis/graphIndex';
import type { Memberships } from '../../analysis/memberships';
import {
  compareMunicipalities,
  findPeers,
  initialPeerCriteria,
  PEER_PARAMETERS,
  whereToStepIn,
  type PeerCriteria,
} from '../../analysis/peers';
import { sizeClassOf } from '../../domain/sizeClass';
import { mapLink } from '../../state/mapView';
import { formatNumber } from '../format';
import { SearchBox } from '../map/SearchBox';
import { useAnalysis } from '../useIndex';
import { NetworkPage } from '../NetworkPage';
import type { Network } from '../../domain/network';

const pct = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

// URL keys of the criteria, so a link opens the same peers.
const PARAM_KEYS: Record<keyof PeerCriteria, string> = {
  tolerance: 'marge',
  networkWeight: 'gewicht',
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

  const peers = useMemo(
    () => (chosen === undefined ? [] : findPeers(index, memberships, chosen, criteria, 25)),
    [index, memberships, chosen, criteria],
  );
  const steps = useMemo(
    () => (chosen === undefined ? [] : whereToStepIn(index, memberships, chosen, peers)),
    [index, memberships, chosen, peers],
  );

  const self = chosen !== undefined ? index.organisations[chosen]! : undefined;
  const cls = sizeClassOf(self?.population);

  return (
    <div className="page peers-page">
      <h1>Vergelijkbare gemeenten</h1>
      <p className="lead">
        Kies een gemeente: u ziet gemeenten van vergelijkbare omvang, welke netwerken zij delen, en
        waar u kunt instappen.
      </p>
      <div className="peers-controls panel">
        <SearchBox
          organisations={municipalities}
          label="Gemeente"
          initialQuery={chosenId ? (index.organisations[chosen ?? -1]?.name ?? '') : ''}
          onChoose={(i) => set({ gemeente: municipalities[i]!.id, vergelijk: null })}
        />
        <fieldset className="criteria">
          <legend>Criteria</legend>
          {PEER_PARAMETERS.map((p) =>
            p.type === 'boolean' ? (
              <label key={p.id} className="check">
                <input
                  type="checkbox"
                  checked={criteria[p.id] as boolean}
                  onChange={(e) => set({ [PARAM_KEYS[p.id]]: e.target.checked ? '1' : null })}
                />
                {p.label}
              </label>
            ) : (
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
        </fieldset>
      </div>

      {chosenId && chosen === undefined && (
        <p className="error-box" role="alert">
          Gemeente "{chosenId}" staat niet in het netwerk.
        </p>
      )}

      {self && chosen !== undefined && (
        <>
          <section className="panel" aria-labelledby="peers-title">
            <h2 id="peers-title">
              Gemeenten zoals <span data-testid="peers-of">{self.name}</span>
            </h2>
            <p>
              {self.population !== undefined
                ? `${formatNumber(self.population)} inwoners`
                : 'Inwoners onbekend'}
              {cls ? `, grootteklasse ${cls.code} (${cls.label})` : ''}
              {self.province ? `, ${self.province}` : ''}; neemt deel aan{' '}
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
              )}
            </p>
            {peers.length === 0 ? (
              <p data-testid="no-peers">
                Geen gemeenten binnen deze criteria. Vergroot het verschil in inwoners of laat een
                voorwaarde los.
              </p>
            ) : (
              <ol className="peer-list" data-testid="peer-list">
                {peers.map((p) => {
                  const o = index.organisations[p.index]!;
                  return (
                    <li key={o.id} data-population={o.population}>
                      <div className="peer-head">
                        <strong>{o.name}</strong>
                        <span className="score" aria-hidden="true">
                          <span
                            className="score-bar"
                            style={{ width: `${Math.round(p.score * 100)}%` }}
                          />
                        </span>
                        <span className="score-text">{pct.format(p.score)} overeenkomst</span>
                      </div>
                      <div className="peer-reason">{p.reason}</div>
                      <div className="actions">
                        <button
                          type="button"
                          className="link"
                          onClick={() => set({ vergelijk: o.id })}
                        >
                          Vergelijk met {self.name}
                          {/* Heard, not seen: which peer this button compares. */}
                          <span className="visually-hidden">: {o.name}</span>
                        </button>
                        <Link to={mapLink({ selected: o.id })}>Op de kaart</Link>
                      </div>
                    </li>
                  );
                })}
              </ol>
            )}
          </section>

          {peers.length > 0 && (
            <StepInSection
              index={index}
              memberships={memberships}
              steps={steps}
              peerCount={peers.length}
            />
          )}

          {compareWith !== undefined && (
            <CompareSection index={index} memberships={memberships} a={chosen} b={compareWith} />
          )}
        </>
      )}
    </div>
  );
}

function StepInSection({
  index,
  memberships,
  steps,
  peerCount,
}: {
  index: GraphIndex;
  memberships: Memberships;
  steps: ReturnType<typeof whereToStepIn>;
  peerCount: number;
}) {
  return (
    <section className="panel" aria-labelledby="stepin-title">
      <h2 id="stepin-title">Waar kunt u instappen?</h2>
      <p>
        Netwerken en diensten waar veel van deze gemeenten aan deelnemen, en deze gemeente nog niet.
        Regio's die het land verdelen (zoals GGD-regio's en veiligheidsregio's) staan er niet bij:
        daarin volgt het lidmaatschap uit de ligging.
      </p>
      {steps.length === 0 ? (
        <p>
          Geen: deze gemeente neemt al deel aan alles waar haar vergelijkbare gemeenten in zitten.
        </p>
      ) : (
        <table className="data-table" data-testid="step-in">
          <caption className="visually-hidden">Netwerken om in te stappen</caption>
          <thead>
            <tr>
              <th scope="col">Netwerk of dienst</th>
              <th scope="col" className="num">
                Vergelijkbare gemeenten
              </th>
              <th scope="col">Vraag het aan</th>
            </tr>
          </thead>
          <tbody>
            {steps.slice(0, 20).map((s) => {
              const net = index.organisations[s.network]!;
              return (
                <tr key={net.id}>
                  <td>
                    <Link to={mapLink({ selected: net.id })}>{net.name}</Link>
                  </td>
                  <td className="num">
                    {s.peersIn.length} van {peerCount} ({pct.format(s.share)})
                  </td>
                  <td>
                    {s.askFirst.slice(0, 5).map((m, i) => (
                      <span key={m}>
                        {i > 0 && ', '}
                        {index.organisations[m]!.name}
                        {memberships.frontrunners.has(`${m}|${s.network}`) && (
                          <span className="badge">koploper</span>
                        )}
                      </span>
                    ))}
                    {s.askFirst.length > 5 && ` en ${s.askFirst.length - 5} meer`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CompareSection({
  index,
  memberships,
  a,
  b,
}: {
  index: GraphIndex;
  memberships: Memberships;
  a: number;
  b: number;
}) {
  const c = compareMunicipalities(memberships, a, b);
  const nameOf = (i: number) => index.organisations[i]!.name;
  // The comparison opens below a long list: bring it into view and say so by focus.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [a, b]);
  const list = (items: number[]) =>
    items.length === 0 ? (
      <p>Geen.</p>
    ) : (
      <ul>
        {items
          .map((i) => ({ i, name: nameOf(i) }))
          .sort((x, y) => x.name.localeCompare(y.name, 'nl'))
          .map(({ i, name }) => (
            <li key={i}>{name}</li>
          ))}
      </ul>
    );
  return (
    <section className="panel" aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title" ref={heading} tabIndex={-1}>
        {nameOf(a)} en {nameOf(b)} vergeleken
      </h2>
      <div className="compare-grid">
        <div>
          <h3>Alleen {nameOf(a)}</h3>
          {list(c.onlyA)}
        </div>
        <div>
          <h3>Allebei ({c.shared.length})</h3>
          {list(c.shared)}
        </div>
        <div>
          <h3>Alleen {nameOf(b)}</h3>
          {list(c.onlyB)}
        </div>
      </div>
    </section>
  );
}
