import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { db } from '../../storage/db';
import { useSnapshots } from '../../storage/hooks';
import { deleteSnapshot, restoreSnapshot, saveSnapshot } from '../../storage/repository';
import { useUiStore } from '../../state/uiStore';
import { formatBytes, formatDateTime, formatNumber } from '../format';

export function SnapshotPanel() {
  const headingId = useId();
  const snapshots = useSnapshots();
  const announce = useUiStore((s) => s.announce);
  const [name, setName] = useState('');
  const [confirming, setConfirming] = useState<{ id: number; action: 'restore' | 'delete' } | null>(
    null,
  );
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      announce(done);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setError(message);
      announce(message);
    }
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    const label = name.trim() || `Momentopname ${formatDateTime(new Date().toISOString())}`;
    void run(() => saveSnapshot(db, label), `Momentopname "${label}" is opgeslagen.`);
    setName('');
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Momentopnamen</h2>
      <p>
        Een momentopname bewaart het netwerk zoals het nu is. Vóór elke vervangende import, elk
        herstel en elke terugzetting maakt Netwerkkaart er automatisch een.
      </p>
      <form className="inline-form" onSubmit={onSave}>
        <label htmlFor="snapshot-name">Naam</label>
        <input
          id="snapshot-name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          placeholder="bijv. Stand januari"
        />
        <button type="submit" className="primary">
          Momentopname opslaan
        </button>
      </form>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {snapshots === undefined ? (
        <p role="status">Momentopnamen worden geladen…</p>
      ) : snapshots.length === 0 ? (
        <p>Er zijn nog geen momentopnamen.</p>
      ) : (
        <table className="data-table" data-testid="snapshot-table">
          <caption className="visually-hidden">Opgeslagen momentopnamen</caption>
          <thead>
            <tr>
              <th scope="col">Naam</th>
              <th scope="col">Datum</th>
              <th scope="col">Organisaties</th>
              <th scope="col">Relaties</th>
              <th scope="col">Grootte</th>
              <th scope="col">Acties</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.map((s) => {
              const id = s.id ?? -1;
              const asking = confirming?.id === id ? confirming.action : null;
              return (
                <tr key={id}>
                  <td>
                    {s.name}
                    {s.auto && <span className="badge">automatisch</span>}
                  </td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td className="num">{formatNumber(s.organisationCount)}</td>
                  <td className="num">{formatNumber(s.relationCount)}</td>
                  <td className="num">{formatBytes(s.bytes)}</td>
                  <td className="actions">
                    {asking ? (
                      <>
                        <span>
                          {asking === 'restore'
                            ? 'Huidig netwerk vervangen?'
                            : 'Definitief verwijderen?'}
                        </span>
                        <button
                          type="button"
                          className={asking === 'delete' ? 'danger' : 'primary'}
                          onClick={() => {
                            setConfirming(null);
                            void (asking === 'restore'
                              ? run(
                                  () => restoreSnapshot(db, id),
                                  `Momentopname "${s.name}" is teruggezet.`,
                                )
                              : run(
                                  () => deleteSnapshot(db, id),
                                  `Momentopname "${s.name}" is verwijderd.`,
                                ));
                          }}
                        >
                          Ja, {asking === 'restore' ? 'terugzetten' : 'verwijderen'}
                        </button>
                        <button type="button" onClick={() => setConfirming(null)}>
                          Nee
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          onClick={() => setConfirming({ id, action: 'restore' })}
                          aria-label={`Momentopname ${s.name} terugzetten`}
                        >
                          Terugzetten
                        </button>
                        <Link
                          to={`/vergelijken?van=${id}`}
                          aria-label={`Momentopname ${s.name} vergelijken met nu`}
                        >
                          Vergelijken
                        </Link>
                        <button
                          type="button"
                          onClick={() => setConfirming({ id, action: 'delete' })}
                          aria-label={`Momentopname ${s.name} verwijderen`}
                        >
                          Verwijderen
                        </button>
                      </>
                    )}
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
