import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useUrlParams } from '../useUrlParams';
import { buildGraphIndex } from '../../analysis/graphIndex';
import { networkSourceUses } from '../../analysis/attribution';
import {
  changeView,
  diffIsEmpty,
  diffNetworks,
  type ChangeMark,
  type NetworkDiff,
} from '../../analysis/snapshotDiff';
import { ORGANISATION_FIELD_LABELS, RELATION_FIELD_LABELS } from '../../domain/edits';
import { describePosition, isPosition } from '../../domain/knowledge';
import type { Network } from '../../domain/network';
import { KIND_LABELS, ORGANISATION_KINDS } from '../../domain/organisation';
import { relationKey, RELATION_TYPE_LABELS } from '../../domain/relation';
import { diffCsv } from '../../io/diffCsv';
import { exportFileName } from '../../io/exportNetwork';
import { KIND_COLORS, MARK_COLORS } from '../../render/palette';
import type { LegendEntry } from '../../render/picture';
import { canvasMeasure } from '../../render/shapes';
import { useUiStore } from '../../state/uiStore';
import { downloadPicture, pictureFrame } from '../pictures';
import { useNetwork, useSnapshotNetwork, useSnapshots } from '../../storage/hooks';
import { downloadText } from '../download';
import { formatDateTime, formatNumber } from '../format';
import { GraphCanvas, type GraphCanvasHandle } from '../map/GraphCanvas';
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

  function exportDiffCsv() {
    downloadText(
      diffCsv(diff, nameOf),
      exportFileName(new Date(), 'vergelijking', 'csv'),
      'text/csv;charset=utf-8',
    );
  }

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
          <button type="button" onClick={exportDiffCsv}>
            Vergelijking downloaden (CSV voor Excel)
          </button>
          <button type="button" onClick={exportDiff}>
            Vergelijking downloaden (JSON)
          </button>
          <button type="button" aria-pressed={showMap} onClick={() => setShowMap(!showMap)}>
            Op de kaart tonen
          </button>
        </div>
      </section>
      {showMap && <DiffMap before={before} after={after} diff={diff} title={title} />}
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

/** Organisations drawn only because a change touches them. */
const UNCHANGED = '#6E7887';

/** What the fills of the comparison map mean; a changed organisation keeps its kind's colour. */
const CHANGE_KEY: LegendEntry[] = [
  { label: 'Toegevoegd', symbol: { shape: 'dot', color: MARK_COLORS.added } },
  { label: 'Verwijderd', symbol: { shape: 'dot', color: MARK_COLORS.removed } },
  { label: 'Ongewijzigd, verbonden met een wijziging', symbol: { shape: 'dot', color: UNCHANGED } },
  ...ORGANISATION_KINDS.map((k): LegendEntry => ({
    label: `${KIND_LABELS[k].nl} (gewijzigd)`,
    symbol: { shape: 'dot', color: KIND_COLORS[k] },
  })),
];

/**
 * Only what changed and its direct neighbours, laid out on their own so the
 * change fills the view: added in green, removed in red (from the older
 * network, dashed), changed with an orange ring; relations the same.
 */
function DiffMap({
  before,
  after,
  diff,
  title,
}: {
  before: Network;
  after: Network;
  diff: NetworkDiff;
  title: string;
}) {
  const canvas = useRef<GraphCanvasHandle>(null);
  const announce = useUiStore((s) => s.announce);
  const [error, setError] = useState<string | null>(null);
  const view = useMemo(() => changeView(before, after, diff), [before, after, diff]);
  const index = useMemo(() => buildGraphIndex(view.network), [view]);
  const { marks, edgeMarks, colors } = useMemo(() => {
    const marks = new Map<number, ChangeMark>();
    const colors = index.organisations.map((o, i) => {
      const mark = view.organisations.get(o.id);
      if (mark) marks.set(i, mark);
      return mark === 'added'
        ? MARK_COLORS.added
        : mark === 'removed'
          ? MARK_COLORS.removed
          : mark === 'changed'
            ? KIND_COLORS[o.kind]
            : UNCHANGED;
    });
    const edgeMarks = new Map<number, ChangeMark>();
    index.relations.forEach((r, k) => {
      const mark = view.relations.get(relationKey(r));
      if (mark) edgeMarks.set(k, mark);
    });
    return { marks, edgeMarks, colors };
  }, [index, view]);
  const count = index.organisations.length;

  async function picture(format: 'png' | 'svg') {
    setError(null);
    try {
      const drawn = canvas.current?.renderer()?.picture;
      if (!drawn || !canvas.current?.currentView())
        throw new Error('De kaart is nog niet getekend.');
      const measure = canvasMeasure();
      const p = drawn({ hidden: null, colorKey: CHANGE_KEY, measure });
      const frame = pictureFrame(after, `Wijzigingen: ${title}`, networkSourceUses(view.network));
      announce(
        `${await downloadPicture(p, frame, measure, format, 'vergelijking')} is gedownload.`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section
      className="panel diff-map"
      aria-label="Verschillen op de kaart"
      data-testid="diff-map"
      data-shown={count}
    >
      <p className="legend-inline">
        <span className="mark mark-added" /> toegevoegd <span className="mark mark-removed" />{' '}
        verwijderd <span className="mark mark-changed" /> gewijzigd (oranje rand){' '}
        <span className="mark mark-unchanged" /> ongewijzigd, verbonden met een wijziging
      </p>
      {count === 0 ? (
        <p>Geen verschillen om te tonen.</p>
      ) : (
        <>
          <div className="diff-canvas">
            <GraphCanvas
              ref={canvas}
              index={index}
              hidden={null}
              selected={null}
              highlighted={null}
              colors={colors}
              marks={marks}
              edgeMarks={edgeMarks}
              persistLayout={false}
              label={`Kaart van de wijzigingen: ${count} organisaties, waarvan ${marks.size} gewijzigd, toegevoegd of verwijderd, en ${edgeMarks.size} gewijzigde relaties`}
              onSelect={() => undefined}
              onHover={() => undefined}
            />
          </div>
          <div className="actions">
            <button type="button" onClick={() => void picture('png')}>
              Kaart als PNG
            </button>
            <button type="button" onClick={() => void picture('svg')}>
              Kaart als SVG
            </button>
          </div>
          {error && (
            <p className="error-box" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
