import type { ImportFormat } from './importResult';

// Apart from the format table, which the map loads at start: only the import
// preview names the shape a reader found.

/** What the import preview calls the shape a reader found. */
export const IMPORT_FORMAT_LABELS: Readonly<Record<ImportFormat, string>> = {
  'netwerkkaart-v1': 'Netwerkkaart, versie 1',
  d3: 'd3 (nodes en links)',
  csv: 'CSV',
  xlsx: 'Excel-werkmap',
  gexf: 'GEXF (Gephi)',
  graphml: 'GraphML',
};
