import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useUrlParams } from '../useUrlParams';
import { buildGraphIndex } from '../../analysis/graphIndex';
import {
  diffIsEmpty,
  diffNetworks,
  unionForDiff,
  type NetworkDiff,
} from '../../analysis/snapshotDiff';
import { ORGANISATION_FIELD_LABELS, RELATION_FIELD_LABELS } from '../../domain/edits';
import { describePosition, isPosition } from '../../domain/knowledge';
import type { Network } from '../../domain/network';
import { KIND_LABELS } from '../../domain/organisation';
import { RELATION_TYPE_LABELS } from '../../domain/relation';
import { exportFileName } from '../../io/exportNetwork';
import { useNetwork, useSnapshotNetwork, useSnapshots } from '../../storage/hooks';
import { downloadText } from '../download';
import { formatDateTime, formatNumber } from '../format';
import { GraphCanvas } from '../map/GraphCanvas';
import { useDocumentTitle } from '../useDocumentTitle';

const CURRENT = 'huidig';

/** "huidig" or a snapshot id, from the URL. */
function parseSide(value: string | null): number | 'current' | null {
  if (value === CURRENT) return 'current';
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

export function ComparePage() {
  useDocumentTitle('Vergelijken');
  const [params, setParams] = useUrlParams();
  const snapshots = useSnapshots();
  const current = useNetwork();
  const from = parseSide(params.get('van'));
  const to = parseSide(params.get('naar')) ?? 'current';
  const fromNetwork = useSnapshotNetwork(typeof from === 'number' ? from : null);
  const toNetwork = useSnapshotNetwork(typeof to === 'number' ? to : null);
  const before = from === 'current' ? current : fromNetwork;
  const after = to === 'current' ? current : toNetwork;

  const choose = (key: 'van' | 'naar', value: string) => setParams({ [key]: value || null });

  const label = (side: number | 'current' | null) => {
    if (side === 'current') return 'het huidige netwerk';
    const s = snapshots?.find((x) => x.id === side);
    return s ? `"${s.name}" (${formatDateTime(s.createdAt)})` : 'een momentopname';
  };

  return (
    <div className="page compare-page">
      <h1>Momentopnamen vergelijken</h1>
      <p className="lead">
        Wat is er veranderd tussen twee momentopnamen, of tussen een momentopname en nu?
      </p>
      <div className="inline-form">
        {(['van', 'naar'] as const).map((key) => (
          <label key={key} className="inline">
            {key === 'van' ? 'Van' : 'Naar'}
            <select
              value={params.get(key) ?? (key === 'naar' ? CURRENT : '')}
              onChange={(e) => choose(key, e.target.value)}
            >
              {key === 'van' && <option value="">Kies een momentopname…</option>}
              <option value={CURRENT}>Huidig netwerk</option>
              {snapshots?.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name} — {formatDateTime(s.createdAt)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {snapshots && snapshots.length === 0 && (
        <p>
          Er zijn nog geen momentopnamen. Maak er een op de pagina{' '}
          <Link to="/gegevens">Gegevens</Link>.
        </p>
      )}
      {from !== null && (before === undefined || after === undefined) && (
        <p role="status">Laden…</p>
      )}
      {from !== null && from === to && (
        <p data-testid="same-sides">Kies twee verschillende om te vergelijken.</p>
      )}
      {((typeof from === 'number' && fromNetwork === null) ||
        (typeof to === 'number' && toNetwork === null)) && (
        <p className="error-box" role="alert">
          Deze momentopname bestaat niet (meer) of is beschadigd.
        </p>
      )}
      {before && after && from !== to && (
        <DiffView before={before} after={after} title={`${label(from)} → ${label(to)}`} />
      )}
    </div>
  );
}

// Field names as the forms call them, not as the exchange format spells them.
const orgField = (f: string) => (ORGANISATION_FIELD_LABELS as Record<string, string>)[f] ?? f;
const relField = (f: string) => (RELATION_FIELD_LABELS as Record<string, string>)[f] ?? f;

function value(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'number') return formatNumber(v);
  if (Array.isArray(v))
    return v.map((x) => (isPosition(x) ? describePosition(x) : String(x))).join(', ') || '—';
  return String(v);
}

function DiffView({ before, after, title }: { before: Network; after: Network; title: string }) {
  const diff = useMemo(() => diffNetworks(before, after), [before, after]);
  const [showMap, setShowMap] = useState(false);
  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const o of [...before.organisations, ...after.organisations]) names.set(o.id, o.name);
    return (id: string) => names.get(id) ?? id;
  }, [before, after]);

  function exportDiff() {
    const doc = {
      format: 'netwerkkaart-diff',
      version: 1,
      comparison: title,
      createdAt: new Date().toISOString(),
      ...diff,
    };
    downloadText(
      `${JSON.stringify(doc, null, 2)}\n`,
      exportFileName(new Date(), 'vergelijking'),
      'application/json',
    );
  }

  const o = diff.organisations;
  const r = diff.relations;
  return (
    <>
      <section className="panel" aria-labelledby="diff-summary" data-testid="diff-summary">
        <h2 id="diff-summary">{title}</h2>
        {diffIsEmpty(diff) ? (
          <p>Geen verschillen.</p>
        ) : (
          <ul className="summary-list">
            <li>
              Organisaties: <strong data-testid="orgs-added">{o.added.length}</strong> toegevoegd,{' '}
              <strong data-testid="orgs-removed">{o.removed.length}</strong> verwijderd,{' '}
              <strong data-testid="orgs-changed">{o.changed.length}</strong> gewijzigd
            </li>
            <li>
              Relaties: <strong data-testid="rels-added">{r.added.length}</strong> toegevoegd,{' '}
              <strong data-testid="rels-removed">{r.removed.length}</strong> verwijderd,{' '}
              <strong data-testid="rels-changed">{r.changed.length}</strong> gewijzigd
            </li>
          </ul>
        )}
        <div className="actions">
          <button type="button" onClick={exportDiff}>
            Vergelijking downloaden (JSON)
          </button>
          <button type="button" aria-pressed={showMap} onClick={() => setShowMap(!showMap)}>
            Op de kaart tonen
          </button>
        </div>
      </section>
      {showMap && <DiffMap before={before} after={after} diff={diff} />}
      <div className="panels">
        <ListSection
          title="Toegevoegde organisaties"
          items={o.added.map((x) => `${x.name} (${KIND_LABELS[x.kind].nl})`)}
          testId="list-orgs-added"
        />
        <ListSection
          title="Verwijderde organisaties"
          items={o.removed.map((x) => `${x.name} (${KIND_LABELS[x.kind].nl})`)}
          testId="list-orgs-removed"
        />
        <section className="panel" aria-labelledby="changed-orgs">
          <h2 id="changed-orgs">Gewijzigde organisaties ({o.changed.length})</h2>
          {o.changed.length === 0 ? (
            <p>Geen.</p>
          ) : (
            <table className="data-table" data-testid="list-orgs-changed">
              <thead>
                <tr>
                  <th scope="col">Organisatie</th>
                  <th scope="col">Veld</th>
                  <th scope="col">Was</th>
                  <th scope="col">Is</th>
                </tr>
              </thead>
              <tbody>
                {o.changed.flatMap((c) =>
                  c.fields.map((f, i) => (
                    <tr key={`${c.key}-${f.field}`}>
                      <td>{i === 0 ? c.after.name : ''}</td>
                      <td>{orgField(f.field)}</td>
                      <td>{value(f.before)}</td>
                      <td>{value(f.after)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
        </section>
        <ListSection
          title="Toegevoegde relaties"
          items={r.added.map(
            (x) =>
              `${nameOf(x.source)} — ${RELATION_TYPE_LABELS[x.type].verb} — ${nameOf(x.target)}`,
          )}
          testId="list-rels-added"
        />
        <ListSection
          title="Verwijderde relaties"
          items={r.removed.map(
            (x) =>
              `${nameOf(x.source)} — ${RELATION_TYPE_LABELS[x.type].verb} — ${nameOf(x.target)}`,
          )}
          testId="list-rels-removed"
        />
        <ListSection
          title="Gewijzigde relaties"
          items={r.changed.map(
            (c) =>
              `${nameOf(c.after.source)} — ${RELATION_TYPE_LABELS[c.after.type].verb} — ${nameOf(c.after.target)}: ` +
              c.fields
                .map((f) => `${relField(f.field)} ${value(f.before)} → ${value(f.after)}`)
                .join(', '),
          )}
          testId="list-rels-changed"
        />
      </div>
    </>
  );
}

function ListSection({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>
        {title} ({formatNumber(items.length)})
      </h2>
      {items.length === 0 ? (
        <p>Geen.</p>
      ) : (
        <ul data-testid={testId} className="diff-list">
          {items.slice(0, 500).map((text, i) => (
            <li key={i}>{text}</li>
          ))}
          {items.length > 500 && <li>… en nog {formatNumber(items.length - 500)}</li>}
        </ul>
      )}
    </section>
  );
}

/** The union of both networks on a map; added green, removed red, changed orange. */
function DiffMap({ before, after, diff }: { before: Network; after: Network; diff: NetworkDiff }) {
  const index = useMemo(
    () => buildGraphIndex(unionForDiff(before, after, diff)),
    [before, after, diff],
  );
  const marks = useMemo(() => {
    const m = new Map<number, 'added' | 'removed' | 'changed'>();
    const set = (id: string, mark: 'added' | 'removed' | 'changed') => {
      const i = index.indexOf.get(id);
      if (i !== undefined) m.set(i, mark);
    };
    diff.organisations.added.forEach((o) => set(o.id, 'added'));
    diff.organisations.removed.forEach((o) => set(o.id, 'removed'));
    diff.organisations.changed.forEach((c) => set(c.key, 'changed'));
    return m;
  }, [index, diff]);
  return (
    <section className="panel diff-map" aria-label="Verschillen op de kaart">
      <p className="legend-inline">
        <span className="mark mark-added" /> toegevoegd <span className="mark mark-removed" />{' '}
        verwijderd <span className="mark mark-changed" /> gewijzigd
      </p>
      <div className="diff-canvas">
        <GraphCanvas
          index={index}
          hidden={null}
          selected={null}
          highlighted={null}
          colors={null}
          marks={marks}
          persistLayout={false}
          label={`Kaart met ${marks.size} gemarkeerde organisaties`}
          onSelect={() => undefined}
          onHover={() => undefined}
        />
      </div>
    </section>
  );
}
