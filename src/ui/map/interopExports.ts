import type { Network } from '../../domain/network';
import type { CsvSeparator } from '../../io/csvTable';
import type { ExportView } from '../../io/exportView';
import { FILE_FORMAT_LIST, exportFiles } from '../../io/formats';
import { downloadFiles } from '../download';

interface ExportAction {
  id: string;
  label: string;
  action: () => Promise<void>;
}

/**
 * A button per file format (JSON, CSV for Excel as zip or two files, GEXF and
 * GraphML for Gephi), from the format table. The writers (and their zip and
 * XML libraries) load on first use: most visits never export.
 */
export function interopExports(
  network: Network,
  suffix: string | undefined,
  separator: CsvSeparator,
  view: () => ExportView,
  done: (name: string) => void,
): ExportAction[] {
  return FILE_FORMAT_LIST.map((format) => ({
    id: format.id,
    label: format.label,
    action: async () => {
      const files = await exportFiles(format, network, { suffix, separator, view });
      downloadFiles(files);
      done(files.map((f) => f.name).join(' en '));
    },
  }));
}
