import type { Network } from '../../domain/network';
import type { CsvSeparator } from '../../io/csvFormat';
import { exportFileName } from '../../io/exportNetwork';
import type { ExportView } from '../../io/exportView';
import { downloadBlob, downloadText } from '../download';

interface ExportAction {
  id: string;
  label: string;
  action: () => Promise<void>;
}

// The writers (and their zip and XML libraries) load on first use: most
// visits never export, and the map should not wait for them.

/** The exports for other tools: CSV for Excel (zip or two files), GEXF and GraphML for Gephi. */
export function interopExports(
  network: Network,
  suffix: string | undefined,
  separator: CsvSeparator,
  view: () => ExportView,
  done: (name: string) => void,
): ExportAction[] {
  const name = (extension: string) => exportFileName(new Date(), suffix, extension);
  const base = name('csv').replace(/\.csv$/, '');
  return [
    {
      id: 'csv-zip',
      label: 'CSV voor Excel (zip)',
      action: async () => {
        const { exportCsvZip } = await import('../../io/csvFormat');
        const file = `${base}.zip`;
        const bytes = exportCsvZip(network, { separator, dutch: true });
        downloadBlob(
          new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
          file,
        );
        done(file);
      },
    },
    {
      id: 'csv-files',
      label: 'CSV voor Excel (2 bestanden)',
      action: async () => {
        const { CSV_FILE_NAMES, exportCsv } = await import('../../io/csvFormat');
        const { organisations, relations } = exportCsv(network, { separator, dutch: true });
        const orgName = `${base}-${CSV_FILE_NAMES.organisations}`;
        const relName = `${base}-${CSV_FILE_NAMES.relations}`;
        downloadText(organisations, orgName, 'text/csv;charset=utf-8');
        downloadText(relations, relName, 'text/csv;charset=utf-8');
        done(`${orgName} en ${relName}`);
      },
    },
    {
      id: 'gexf',
      label: 'GEXF (Gephi)',
      action: async () => {
        const { exportGexf } = await import('../../io/gexfFormat');
        const file = name('gexf');
        downloadText(exportGexf(network, view()), file, 'application/gexf+xml');
        done(file);
      },
    },
    {
      id: 'graphml',
      label: 'GraphML',
      action: async () => {
        const { exportGraphml } = await import('../../io/graphmlFormat');
        const file = name('graphml');
        downloadText(exportGraphml(network, view()), file, 'application/graphml+xml');
        done(file);
      },
    },
  ];
}
