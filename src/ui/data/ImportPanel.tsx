import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { planMerge } from '../../domain/merge';
import type { Network } from '../../domain/network';
import { KIND_LABELS, ORGANISATION_KINDS, type OrganisationKind } from '../../domain/organisation';
import { RELATION_TYPE_LABELS, RELATION_TYPES, type RelationType } from '../../domain/relation';
import { acceptList } from '../../io/detectFormat';
import { IMPORT_FORMAT_LABELS } from '../../io/importFormatLabels';
import { createImporter, type Importer } from '../../io/importClient';
import { existingFor, type ImportInput } from '../../io/importJob';
import {
  checkFileSize,
  lostRecords,
  rejectedLines,
  type ImportFailure,
  type ImportSuccess,
} from '../../io/importResult';
import { IMPORT_LIMITS } from '../../io/limits';
import { db } from '../../storage/db';
import { importedLayout } from '../../storage/importedLayout';
import { replaceNetwork } from '../../storage/repository';
import { mergeNetwork } from '../../storage/mergeStore';
import { useUiStore } from '../../state/uiStore';
import { formatBytes, formatNumber } from '../format';
import { IncomingKnowledge } from '../knowledge/IncomingKnowledge';
import { MergePreview } from './MergePreview';

type Mode = 'replace' | 'merge';

const ACCEPT = acceptList();

type Step =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'invalid'; fileName: string; failure: ImportFailure }
  | {
      step: 'preview';
      fileName: string;
      input: ImportInput;
      result: ImportSuccess;
      defaultKind: OrganisationKind;
      defaultType: RelationType;
    }
  | { step: 'writing'; fileName: string }
  | { step: 'done'; message: string }
  | { step: 'failed'; message: string };

function countByKind(network: Network) {
  const counts = Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, 0])) as Record<
    OrganisationKind,
    number
  >;
  for (const org of network.organisations) counts[org.kind]++;
  return counts;
}

export function ImportPanel({ current }: { current: Network }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const [mode, setMode] = useState<Mode>('replace');
  const [dragging, setDragging] = useState(false);
  const [rowsSeen, setRowsSeen] = useState(false);
  // Stored organisations whose kind the user chose to take from the file.
  const [acceptKinds, setAcceptKinds] = useState<ReadonlySet<string>>(new Set());
  const inputRef = useRef<HTMLInputElement>(null);
  const importerRef = useRef<Importer | null>(null);
  const importer = () => (importerRef.current ??= createImporter());
  useEffect(() => {
    // Started with the page, so the worker has loaded by the time a file is chosen.
    importer();
    return () => {
      importerRef.current?.dispose();
      importerRef.current = null;
    };
  }, []);
  const announce = useUiStore((s) => s.announce);
  const headingId = useId();

  /** One file (JSON, CSV, an Excel workbook, GEXF, GraphML or a zip of CSVs), or the CSV files of one export (organisations, relations, network). */
  async function readFiles(files: File[]) {
    const fileName = files.map((f) => f.name).join(' + ');
    const tooBig = checkFileSize(files.reduce((n, f) => n + f.size, 0));
    if (tooBig) {
      setState({ step: 'invalid', fileName, failure: tooBig });
      announce(`${fileName} is te groot om te importeren.`);
      return;
    }
    setState({ step: 'reading', fileName });
    // As bytes: the worker finds the encoding (File.text() would take every file for UTF-8).
    const named = await Promise.all(
      files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const input: ImportInput =
      named.length >= 2 ? { kind: 'csvFiles', files: named } : { kind: 'file', ...named[0]! };
    const defaults = { defaultKind: 'association' as const, defaultType: 'knowledge' as const };
    let result;
    try {
      // In the import worker: the page keeps answering while a big file is checked.
      result = await importer().read(input, {
        ...defaults,
        existing: existingFor(input, current),
      });
    } catch (error) {
      const message = `${fileName} kon niet worden gelezen: ${error instanceof Error ? error.message : String(error)}`;
      setState({ step: 'failed', message });
      announce(message);
      return;
    }
    if (!result.ok) {
      setState({ step: 'invalid', fileName, failure: result });
      announce(
        `${fileName} kan niet worden geïmporteerd: ${result.totalErrors} ${result.totalErrors === 1 ? 'fout' : 'fouten'} gevonden.`,
      );
    } else {
      setState({ step: 'preview', fileName, input, result, ...defaults });
      setMode(result.mergeOnly ? 'merge' : 'replace');
      setRowsSeen(false);
      setAcceptKinds(new Set());
      announce(`${fileName} is gecontroleerd. Bekijk de voorvertoning en bevestig de import.`);
    }
  }

  async function changeDefaults(kind: OrganisationKind, type: RelationType) {
    if (state.step !== 'preview') return;
    const preview = state;
    const result = await importer()
      .reread({
        defaultKind: kind,
        defaultType: type,
        existing: existingFor(preview.input, current),
      })
      .catch(() => null);
    if (result?.ok)
      setState((now) =>
        now === preview ? { ...preview, result, defaultKind: kind, defaultType: type } : now,
      );
  }

  async function confirm() {
    if (state.step !== 'preview') return;
    const { fileName, result } = state;
    setState({ step: 'writing', fileName });
    try {
      let message: string;
      if (mode === 'replace') {
        // The file's positions become the map's layout: it opens as the file looked.
        await replaceNetwork(db, result.network, {
          origin: 'import',
          snapshotName: `Automatisch: vóór import van ${fileName}`,
          layout: result.positions && importedLayout(result.network, result.positions),
        });
        message =
          `${fileName} is geïmporteerd: ${formatNumber(result.network.organisations.length)} organisaties en ` +
          `${formatNumber(result.network.relations.length)} relaties${result.positions ? ', met de posities uit het bestand' : ''}. Het vorige netwerk is bewaard als momentopname.`;
      } else {
        const plan = await mergeNetwork(db, result.network, new Date(), { acceptKinds });
        message =
          `${fileName} is samengevoegd. Organisaties: ${plan.organisations.added} toegevoegd, ` +
          `${plan.organisations.updated} bijgewerkt, ${plan.organisations.unchanged} ongewijzigd. ` +
          `Relaties: ${plan.relations.added} toegevoegd, ${plan.relations.updated} bijgewerkt, ` +
          `${plan.relations.unchanged} ongewijzigd.`;
      }
      setState({ step: 'done', message });
      announce(message);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ step: 'failed', message });
      announce(message);
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files].slice(0, 3);
    if (files.length) void readFiles(files);
  }

  const preview = state.step === 'preview' ? state : null;
  const mergePlan = useMemo(
    () =>
      preview && mode === 'merge'
        ? planMerge(current, preview.result.network, { acceptKinds })
        : null,
    [preview, mode, current, acceptKinds],
  );

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Importeren</h2>
      <p>
        Lees een Netwerkkaart-bestand (JSON, versie 1), een d3-bestand met <code>nodes</code> en{' '}
        <code>links</code>, een Excel-werkmap (.xlsx), CSV (organisaties, relaties en netwerk: kies
        de bestanden samen, of een zip), GEXF (Gephi) of GraphML. Het bestand wordt eerst helemaal
        gecontroleerd; er wordt niets opgeslagen voordat u bevestigt.
      </p>
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <p>Sleep een bestand hierheen, of</p>
        <label className="button" htmlFor="import-file">
          Kies een bestand…
        </label>
        <input
          id="import-file"
          ref={inputRef}
          className="visually-hidden"
          type="file"
          accept={ACCEPT}
          multiple
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].slice(0, 3);
            if (files.length) void readFiles(files);
            e.target.value = '';
          }}
        />
      </div>

      {state.step === 'reading' && (
        <p role="status">{state.fileName} wordt gelezen en gecontroleerd…</p>
      )}
      {state.step === 'writing' && <p role="status">{state.fileName} wordt opgeslagen…</p>}

      {state.step === 'invalid' && (
        <div className="error-box" role="alert" data-testid="import-errors">
          <h3>
            {state.fileName} is niet geïmporteerd: {formatNumber(state.failure.totalErrors)}{' '}
            {state.failure.totalErrors === 1 ? 'fout' : 'fouten'}
          </h3>
          <p>Er is niets gewijzigd. Herstel het bestand en probeer het opnieuw.</p>
          <ul>
            {state.failure.errors.map((e, i) => (
              <li key={i}>
                <strong>{e.where}</strong>: {e.message}
              </li>
            ))}
          </ul>
          {state.failure.totalErrors > state.failure.errors.length && (
            <p>
              … en nog {formatNumber(state.failure.totalErrors - state.failure.errors.length)}{' '}
              fouten.
            </p>
          )}
        </div>
      )}

      {preview && (
        <div className="preview" data-testid="import-preview">
          <h3>Voorvertoning: {preview.fileName}</h3>
          <p>
            Formaat: {IMPORT_FORMAT_LABELS[preview.result.format]}. Titel:{' '}
            {preview.result.network.title}.
          </p>
          <table className="counts">
            <caption className="visually-hidden">Inhoud van het bestand</caption>
            <tbody>
              {Object.entries(countByKind(preview.result.network)).map(([kind, n]) => (
                <tr key={kind}>
                  <th scope="row">{KIND_LABELS[kind as OrganisationKind].nlPlural}</th>
                  <td>{formatNumber(n)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Relaties</th>
                <td data-testid="preview-relations">
                  {formatNumber(preview.result.network.relations.length)}
                </td>
              </tr>
              <tr>
                <th scope="row">Bronnen</th>
                <td>{formatNumber(preview.result.network.sources.length)}</td>
              </tr>
            </tbody>
          </table>
          {(preview.result.assumed.kinds > 0 || preview.result.assumed.types > 0) && (
            <div className="assumed">
              {preview.result.unmapped && preview.result.unmapped.length > 0 && (
                <ul className="unmapped" data-testid="unmapped-values">
                  {preview.result.unmapped.map((u) => (
                    <li key={`${u.field}|${u.value}`}>
                      {u.field === 'kind'
                        ? `soort "${u.value}" onbekend: gekozen "${KIND_LABELS[preview.defaultKind].nl}"`
                        : `relatiesoort "${u.value}" onbekend: gekozen "${RELATION_TYPE_LABELS[preview.defaultType].nl}"`}
                      {u.count > 1 ? ` (${formatNumber(u.count)}×)` : ''}
                    </li>
                  ))}
                </ul>
              )}
              {preview.result.assumed.kinds > 0 && (
                <p>
                  <label>
                    {formatNumber(preview.result.assumed.kinds)}{' '}
                    {preview.result.assumed.kinds === 1
                      ? 'organisatie heeft geen soort die Netwerkkaart kent. Lees haar'
                      : 'organisaties hebben geen soort die Netwerkkaart kent. Lees ze'}{' '}
                    in als{' '}
                    <select
                      value={preview.defaultKind}
                      onChange={(e) =>
                        changeDefaults(e.target.value as OrganisationKind, preview.defaultType)
                      }
                    >
                      {ORGANISATION_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {KIND_LABELS[k].nl}
                        </option>
                      ))}
                    </select>
                  </label>
                </p>
              )}
              {preview.result.assumed.types > 0 && (
                <p>
                  <label>
                    {formatNumber(preview.result.assumed.types)}{' '}
                    {preview.result.assumed.types === 1
                      ? 'relatie heeft geen soort die Netwerkkaart kent. Lees haar'
                      : 'relaties hebben geen soort die Netwerkkaart kent. Lees ze'}{' '}
                    in als{' '}
                    <select
                      value={preview.defaultType}
                      onChange={(e) =>
                        changeDefaults(preview.defaultKind, e.target.value as RelationType)
                      }
                    >
                      {RELATION_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {RELATION_TYPE_LABELS[t].nl}
                        </option>
                      ))}
                    </select>
                  </label>
                </p>
              )}
            </div>
          )}
          {preview.result.warnings.length > 0 && (
            <ul className="warnings">
              {preview.result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {preview.result.rejectedRows && preview.result.rejectedRows.length > 0 && (
            <div className="error-box" data-testid="rejected-rows">
              <h4>
                {formatNumber(lostRecords(preview.result.rejectedRows))}{' '}
                {lostRecords(preview.result.rejectedRows) === 1 ? 'rij wordt' : 'rijen worden'} niet
                ingelezen
              </h4>
              <ul>
                {preview.result.rejectedRows.slice(0, 100).map((r, i) => (
                  <li key={i}>
                    {r.file}, {rejectedLines(r)}: {r.reason}
                  </li>
                ))}
              </ul>
              {preview.result.rejectedRows.length > 100 && (
                <p>… en nog {formatNumber(preview.result.rejectedRows.length - 100)} meldingen.</p>
              )}
              <label>
                <input
                  type="checkbox"
                  checked={rowsSeen}
                  onChange={(e) => setRowsSeen(e.target.checked)}
                />{' '}
                Ik heb dit gezien: importeer alleen de goede rijen
              </label>
            </div>
          )}
          {preview.result.mergeOnly && (
            <p>
              Dit bestand bevat alleen relaties; het wordt samengevoegd met het huidige netwerk.
            </p>
          )}
          <fieldset>
            <legend>Hoe wilt u importeren?</legend>
            <label>
              <input
                type="radio"
                name="mode"
                checked={mode === 'replace'}
                disabled={preview.result.mergeOnly}
                onChange={() => setMode('replace')}
              />
              Vervangen: het huidige netwerk wordt eerst bewaard als momentopname
            </label>
            <label>
              <input
                type="radio"
                name="mode"
                checked={mode === 'merge'}
                onChange={() => setMode('merge')}
              />
              Samenvoegen: bijwerken op id, nieuwe toevoegen, niets verwijderen
            </label>
          </fieldset>
          {mergePlan && (
            <MergePreview
              plan={mergePlan}
              current={current}
              incoming={preview.result.network}
              acceptKinds={acceptKinds}
              onAcceptKind={(id, accept) =>
                setAcceptKinds((now) => {
                  const next = new Set(now);
                  if (accept) next.add(id);
                  else next.delete(id);
                  return next;
                })
              }
              hasPositions={!!preview.result.positions}
            />
          )}
          {preview.result.positions && mode === 'replace' && (
            <p data-testid="preview-positions">
              Het bestand geeft {formatNumber(preview.result.positions.size)}{' '}
              {preview.result.positions.size === 1
                ? 'organisatie een positie'
                : 'organisaties een positie'}
              : de kaart toont het netwerk zoals het in het bestand staat. &ldquo;Opnieuw
              indelen&rdquo; op de kaart deelt het opnieuw in.
            </p>
          )}
          {mergePlan && <IncomingKnowledge current={current} incoming={preview.result.network} />}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={!!preview.result.rejectedRows?.length && !rowsSeen}
              onClick={() => void confirm()}
            >
              Importeren bevestigen
            </button>
            <button type="button" onClick={() => setState({ step: 'idle' })}>
              Annuleren
            </button>
          </div>
        </div>
      )}

      {state.step === 'done' && (
        <p className="success" role="status" data-testid="import-done">
          {state.message}
        </p>
      )}
      {state.step === 'failed' && (
        <p className="error-box" role="alert">
          {state.message}
        </p>
      )}
      <p className="hint">
        Grootte-limiet: {formatBytes(IMPORT_LIMITS.maxFileBytes)}. Het formaat staat beschreven in
        het <a href="./schema/netwerkkaart-v1.schema.json">JSON-schema</a>.
      </p>
    </section>
  );
}
