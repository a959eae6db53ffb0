import { strToU8, zipSync } from 'fflate';
import { sortNetwork, type Network } from '../domain/network';
import { KIND_LABELS, type OrganisationKind } from '../domain/organisation';
import {
  RELATION_TYPE_LABELS,
  ROLE_LABELS,
  type RelationRole,
  type RelationType,
} from '../domain/relation';
import { formatNumber, guardFormula } from './cellValues';
import { CSV_FILE_NAMES, writeCsvTable, type CsvSeparator } from './csvTable';
import { ORGANISATION_FIELDS, RELATION_FIELDS } from './fieldAliases';

// CSV for Excel and friends: one table of organisations, one of relations,
// written the way Dutch Excel opens them (semicolons, decimal commas) and,
// on request, with Dutch column names and words.

export interface CsvExportOptions {
  separator: CsvSeparator;
  /**
   * Dutch column names and words (soort "Gemeente", not kind "municipality"),
   * for people who open the file in Excel. The import reads both.
   */
  dutch?: boolean;
}

// Each header and word below is one the import knows (fieldAliases), so a
// Dutch file comes back in unchanged.
const DUTCH_ORGANISATION_HEADERS: Record<(typeof ORGANISATION_FIELDS)[number], string> = {
  id: 'id',
  kind: 'soort',
  name: 'naam',
  shortName: 'afkorting',
  category: 'categorie',
  domain: 'domein',
  expectedMembers: 'aantal leden',
  cbsCode: 'CBS-code',
  province: 'provincie',
  population: 'inwoners',
  populationYear: 'peiljaar',
  website: 'website',
  description: 'omschrijving',
  tags: 'labels',
  lat: 'breedtegraad',
  lon: 'lengtegraad',
  sourceId: 'bron',
};
const DUTCH_RELATION_HEADERS: Record<(typeof RELATION_FIELDS)[number], string> = {
  source: 'van',
  target: 'naar',
  type: 'soort',
  role: 'rol',
  since: 'sinds',
  note: 'toelichting',
  reason: 'reden',
  weight: 'gewicht',
  sourceId: 'bron-id',
};
const DUTCH_WORDS: Record<string, (value: string) => string> = {
  kind: (v) => KIND_LABELS[v as OrganisationKind]?.nl ?? v,
  type: (v) => RELATION_TYPE_LABELS[v as RelationType]?.nl ?? v,
  role: (v) => ROLE_LABELS[v as RelationRole] ?? v,
};

function cell(value: unknown, separator: CsvSeparator): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatNumber(value, separator);
  if (Array.isArray(value)) return guardFormula(value.join('|'));
  return guardFormula(String(value));
}

function table(
  fields: readonly string[],
  records: readonly object[],
  separator: CsvSeparator,
  dutchHeaders: Record<string, string> | undefined,
): string {
  const rows = records.map((record) =>
    fields.map((field) => {
      const value = (record as Record<string, unknown>)[field];
      const word = dutchHeaders && typeof value === 'string' ? DUTCH_WORDS[field] : undefined;
      return cell(word ? word(value as string) : value, separator);
    }),
  );
  const header = dutchHeaders ? fields.map((f) => dutchHeaders[f] ?? f) : fields;
  return writeCsvTable(header, rows, separator);
}

/** Both tables, UTF-8 text with a byte-order mark so Excel reads the accents right. */
export function exportCsv(
  network: Network,
  options: CsvExportOptions,
): { organisations: string; relations: string } {
  const sorted = sortNetwork(network);
  return {
    organisations: table(
      ORGANISATION_FIELDS,
      sorted.organisations,
      options.separator,
      options.dutch ? DUTCH_ORGANISATION_HEADERS : undefined,
    ),
    relations: table(
      RELATION_FIELDS,
      sorted.relations,
      options.separator,
      options.dutch ? DUTCH_RELATION_HEADERS : undefined,
    ),
  };
}

/** Both tables as the two files of an export, named as a zip holds them. */
export function exportCsvFiles(
  network: Network,
  options: CsvExportOptions,
): { part: string; data: string }[] {
  const { organisations, relations } = exportCsv(network, options);
  return [
    { part: CSV_FILE_NAMES.organisations, data: organisations },
    { part: CSV_FILE_NAMES.relations, data: relations },
  ];
}

/** One zip holding organisaties.csv and relaties.csv. */
export function exportCsvZip(network: Network, options: CsvExportOptions): Uint8Array {
  const { organisations, relations } = exportCsv(network, options);
  return zipSync({
    [CSV_FILE_NAMES.organisations]: strToU8(organisations),
    [CSV_FILE_NAMES.relations]: strToU8(relations),
  });
}
