import { useId } from 'react';
import type { Network } from '../../domain/network';
import { FILE_FORMATS, exportFiles } from '../../io/formats';
import type { Point } from '../../io/positions';
import { db } from '../../storage/db';
import { fingerprintOf, readLayout } from '../../storage/layoutStore';
import { useUiStore } from '../../state/uiStore';
import { downloadFiles } from '../download';
import { formatNumber } from '../format';

export function ExportPanel({ network }: { network: Network }) {
  const headingId = useId();
  const announce = useUiStore((s) => s.announce);
  async function exportJson() {
    // The map's saved layout goes along (x and y per organisation), when it is
    // the layout of exactly this network, so the file opens looking the same.
    const saved = await readLayout(db, fingerprintOf(network)).catch(() => undefined);
    const positions = new Map<string, Point>();
    if (saved?.exact) for (const [id, [x, y]] of saved.positions) positions.set(id, { x, y });
    const files = await exportFiles(FILE_FORMATS.json, network, {
      view: () => ({ positions }),
    });
    downloadFiles(files);
    announce(`${files.map((f) => f.name).join(' en ')} is gedownload.`);
  }
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Exporteren</h2>
      <p>
        Het hele netwerk ({formatNumber(network.organisations.length)} organisaties,{' '}
        {formatNumber(network.relations.length)} relaties) als Netwerkkaart-bestand (JSON, versie
        1), om te delen, te bewaren of later weer te importeren. Heeft de kaart het netwerk
        ingedeeld, dan gaan de posities mee.
      </p>
      <button type="button" className="primary" onClick={() => void exportJson()}>
        JSON downloaden
      </button>
    </section>
  );
}
