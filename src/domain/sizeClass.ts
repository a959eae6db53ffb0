/**
 * CBS municipal size classes (gemeentegrootteklassen), kept as data so a year
 * can change the scheme. Lower bounds are inclusive ("20 000 tot 50 000").
 * Source: CBS, "Gebieden in Nederland" (gemeentegrootteklasse); see data/README.md.
 */
export interface SizeClass {
  code: number;
  min: number;
  /** Exclusive upper bound; null for the open top class. */
  max: number | null;
  label: string;
}

export interface SizeClassScheme {
  id: string;
  source: string;
  classes: readonly SizeClass[];
}

export const CBS_SIZE_CLASSES: SizeClassScheme = {
  id: 'cbs-gemeentegrootteklasse',
  source: 'CBS, Gebieden in Nederland: gemeentegrootteklasse',
  classes: [
    { code: 1, min: 0, max: 5_000, label: 'minder dan 5 000 inwoners' },
    { code: 2, min: 5_000, max: 10_000, label: '5 000 tot 10 000 inwoners' },
    { code: 3, min: 10_000, max: 20_000, label: '10 000 tot 20 000 inwoners' },
    { code: 4, min: 20_000, max: 50_000, label: '20 000 tot 50 000 inwoners' },
    { code: 5, min: 50_000, max: 100_000, label: '50 000 tot 100 000 inwoners' },
    { code: 6, min: 100_000, max: 150_000, label: '100 000 tot 150 000 inwoners' },
    { code: 7, min: 150_000, max: 250_000, label: '150 000 tot 250 000 inwoners' },
    { code: 8, min: 250_000, max: null, label: '250 000 inwoners of meer' },
  ],
};

/** The size class for a population, or undefined when the population is unknown or invalid. */
export function sizeClassOf(
  population: number | undefined,
  scheme: SizeClassScheme = CBS_SIZE_CLASSES,
): SizeClass | undefined {
  if (population === undefined || !Number.isFinite(population) || population < 0) return undefined;
  return scheme.classes.find((c) => population >= c.min && (c.max === null || population < c.max));
}
