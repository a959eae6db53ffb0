import { useEffect, useId, useState } from 'react';
import { db } from '../../storage/db';
import { useNetwork, useSnapshots } from '../../storage/hooks';
import {
  networkSize,
  persistenceState,
  requestPersistence,
  snapshotsSize,
  storageEstimate,
  type PersistenceResult,
  type StorageEstimateBytes,
} from '../../storage/storageInfo';
import { formatBytes } from '../format';

const PERSISTENCE_TEXT: Record<PersistenceResult, string> = {
  granted:
    'De browser bewaart de gegevens blijvend: ze worden niet opgeruimd als de schijf vol raakt.',
  denied:
    'De browser heeft blijvende opslag (nog) niet toegestaan; bij ruimtegebrek kan hij de gegevens opruimen. Exporteer regelmatig.',
  unsupported: 'Deze browser kent geen blijvende opslag; exporteer regelmatig.',
};

/** Where the data lives, how much room it takes, and whether the browser keeps it. */
export function StoragePanel() {
  const headingId = useId();
  const network = useNetwork();
  const snapshots = useSnapshots();
  const [persisted, setPersisted] = useState<PersistenceResult | null>(null);
  const [sizes, setSizes] = useState<{
    network: number;
    snapshots: number;
    estimate: StorageEstimateBytes | null;
  } | null>(null);

  useEffect(() => {
    void persistenceState().then(setPersisted);
  }, []);
  useEffect(() => {
    let alive = true;
    void Promise.all([networkSize(db), snapshotsSize(db), storageEstimate()]).then(
      ([n, s, estimate]) => {
        if (alive) setSizes({ network: n, snapshots: s, estimate: estimate ?? null });
      },
    );
    return () => {
      alive = false;
    };
  }, [network, snapshots]);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Opslag</h2>
      {sizes && (
        <ul data-testid="storage-sizes">
          <li>Netwerk: {formatBytes(sizes.network)}</li>
          <li>Momentopnamen: {formatBytes(sizes.snapshots)}</li>
          {sizes.estimate && (
            <li>
              In gebruik door deze site: {formatBytes(sizes.estimate.usage)} van{' '}
              {formatBytes(sizes.estimate.quota)} beschikbaar
            </li>
          )}
        </ul>
      )}
      {persisted && <p data-testid="persistence">{PERSISTENCE_TEXT[persisted]}</p>}
      {persisted !== 'granted' && persisted !== 'unsupported' && (
        <button type="button" onClick={() => void requestPersistence().then(setPersisted)}>
          Blijvende opslag vragen
        </button>
      )}
    </section>
  );
}
