import type { Network } from '../../domain/network';
import { CSV_FILE_NAMES, exportCsv, exportCsvZip, type CsvSeparator } from '../../io/csvFormat';
import { exportFileName } from '../../io/exportNetwork';
import { downloadBlob, downloadText } from '../download';

interface ExportAction {
  id: string;
  label: string;
  action: () => void;
}

/** The exports for other tools: CSV for Excel (zip or two files). */
export function interopExports(
  network: Network,
  suffix: string | undefined,
  separator: CsvSeparator,
  done: (name: string) => void,
): ExportAction[] {
  const base = exportFileName(new Date(), suffix, 'csv').replace(/\.csv$/, '');
  return [
    {
      id: 'csv-zip',
      label: 'CSV voor Excel (zip)',
      action: () => {
        const name = `${base}.zip`;
        downloadBlob(
          new Blob([exportCsvZip(network, { separator }) as Uint8Array<ArrayBuffer>], {
            type: 'application/zip',
          }),
          name,
        );
        done(name);
      },
    },
    {
      id: 'csv-files',
      label: 'CSV voor Excel (2 bestanden)',
      action: () => {
        const { organisations, relations } = exportCsv(network, { separator });
        const orgName = `${base}-${CSV_FILE_NAMES.organisations}`;
        const relName = `${base}-${CSV_FILE_NAMES.relations}`;
        downloadText(organisations, orgName, 'text/csv;charset=utf-8');
        downloadText(relations, relName, 'text/csv;charset=utf-8');
        done(`${orgName} en ${relName}`);
      },
    },
  ];
}
