import { useId } from 'react';
import type { Network } from '../../domain/network';
import { FILE_FORMATS, exportFiles } from '../../io/formats';
import { useUiStore } from '../../state/uiStore';
import { downloadFiles } from '../download';
import { formatNumber } from '../format';

export function ExportPanel({ network }: { network: Network }) {
  const headingId = useId();
  const announce = useUiStore((s) => s.announce);
  async function exportJson() {
    const files = await exportFiles(FILE_FORMATS.json, network);
    downloadFiles(files);
    announce(`${files.map((f) => f.name).join(' en ')} is gedownload.`);
  }
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Exporteren</h2>
      <p>
        Het hele netwerk ({formatNumber(network.organisations.length)} organisaties,{' '}
        {formatNumber(network.relations.length)} relaties) als Netwerkkaart-bestand (JSON, versie
        1), om te delen, te bewaren of later weer te importeren.
      </p>
      <button type="button" className="primary" onClick={() => void exportJson()}>
        JSON downloaden
      </button>
    </section>
  );
}
