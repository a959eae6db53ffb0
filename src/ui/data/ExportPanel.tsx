import { useId } from 'react';
import type { Network } from '../../domain/network';
import { exchangeJson, exportFileName } from '../../io/exportNetwork';
import { useUiStore } from '../../state/uiStore';
import { downloadText } from '../download';
import { formatNumber } from '../format';

export function ExportPanel({ network }: { network: Network }) {
  const headingId = useId();
  const announce = useUiStore((s) => s.announce);
  function exportJson() {
    const name = exportFileName();
    downloadText(exchangeJson(network), name, 'application/json');
    announce(`${name} is gedownload.`);
  }
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Exporteren</h2>
      <p>
        Het hele netwerk ({formatNumber(network.organisations.length)} organisaties,{' '}
        {formatNumber(network.relations.length)} relaties) als Netwerkkaart-bestand (JSON, versie
        1), om te delen, te bewaren of later weer te importeren.
      </p>
      <button type="button" className="primary" onClick={exportJson}>
        JSON downloaden
      </button>
    </section>
  );
}
