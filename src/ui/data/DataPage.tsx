import { useNetwork } from '../../storage/hooks';
import { RecorderPanel } from '../knowledge/RecorderPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ResetPanel } from './ResetPanel';
import { SnapshotPanel } from './SnapshotPanel';
import { StoragePanel } from './StoragePanel';
import { formatNumber } from '../format';
import { useDocumentTitle } from '../useDocumentTitle';

export function DataPage() {
  const network = useNetwork();
  useDocumentTitle('Gegevens');
  return (
    <div className="page data-page">
      <h1>Gegevens</h1>
      {network === undefined ? (
        <p role="status">Het netwerk wordt geladen…</p>
      ) : (
        <>
          <p className="lead" data-testid="network-summary">
            In deze browser: <strong>{network.title}</strong> met{' '}
            <span data-testid="org-count">{formatNumber(network.organisations.length)}</span>{' '}
            organisaties en{' '}
            <span data-testid="rel-count">{formatNumber(network.relations.length)}</span> relaties.
            De gegevens blijven op dit apparaat.
          </p>
          <div className="panels">
            <ImportPanel current={network} />
            <ExportPanel network={network} />
            <RecorderPanel network={network} />
            <SnapshotPanel />
            <ResetPanel />
            <StoragePanel />
          </div>
        </>
      )}
    </div>
  );
}
