// Limits that keep a hostile or broken file from exhausting the browser.
// Sized for the largest networks the benchmark drives (50 000 organisations,
// 250 000 relations is about 30 MB of JSON) with room to spare.
export const IMPORT_LIMITS = {
  maxFileBytes: 100 * 1024 * 1024,
  maxOrganisations: 200_000,
  maxRelations: 1_000_000,
  maxSources: 10_000,
  maxIdLength: 200,
  maxNameLength: 300,
  maxShortTextLength: 300,
  maxUrlLength: 2_000,
  maxLongTextLength: 5_000,
  maxTags: 50,
  maxThemes: 1_000,
  maxPositions: 200,
  maxErrorsReported: 200,
} as const;

/**
 * The limits a reader applies itself, which a caller may lower (tests do, to
 * check the 100 MB rule on a few bytes). The others are part of the exchange
 * format: the schema and the published JSON Schema hold them.
 */
export interface ReadLimits {
  maxFileBytes: number;
  maxErrorsReported: number;
}

export function readLimits(given: Partial<ReadLimits> = {}): ReadLimits {
  return {
    maxFileBytes: given.maxFileBytes ?? IMPORT_LIMITS.maxFileBytes,
    maxErrorsReported: given.maxErrorsReported ?? IMPORT_LIMITS.maxErrorsReported,
  };
}

const oneDecimal = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** Dutch notation: 10.242,9 MB; above 10 GB in GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} kB`;
  if (bytes < 10 * 1024 ** 3) return `${oneDecimal.format(bytes / 1024 / 1024)} MB`;
  return `${oneDecimal.format(bytes / 1024 ** 3)} GB`;
}
