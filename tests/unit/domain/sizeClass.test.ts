import { describe, expect, it } from 'vitest';
import { CBS_SIZE_CLASSES, sizeClassOf } from '../../../src/domain/sizeClass';

describe('sizeClassOf', () => {
  // Every boundary: the lower bound is inclusive, the one below it belongs to the class before.
  const boundaries: [number, number][] = [
    [0, 1],
    [4_999, 1],
    [5_000, 2],
    [9_999, 2],
    [10_000, 3],
    [19_999, 3],
    [20_000, 4],
    [49_999, 4],
    [50_000, 5],
    [99_999, 5],
    [100_000, 6],
    [149_999, 6],
    [150_000, 7],
    [249_999, 7],
    [250_000, 8],
    [1_000_000, 8],
  ];
  it.each(boundaries)('%i inhabitants is class %i', (population, code) => {
    expect(sizeClassOf(population)?.code).toBe(code);
  });

  it('has no class for an unknown or invalid population', () => {
    expect(sizeClassOf(undefined)).toBeUndefined();
    expect(sizeClassOf(-1)).toBeUndefined();
    expect(sizeClassOf(Number.NaN)).toBeUndefined();
  });

  it('is a contiguous scheme of eight classes', () => {
    const classes = CBS_SIZE_CLASSES.classes;
    expect(classes).toHaveLength(8);
    for (let i = 1; i < classes.length; i++) expect(classes[i]!.min).toBe(classes[i - 1]!.max);
    expect(classes[classes.length - 1]!.max).toBeNull();
  });

  it('follows a scheme passed as data', () => {
    const scheme = {
      id: 't',
      source: 't',
      classes: [
        { code: 1, min: 0, max: 10, label: 'klein' },
        { code: 2, min: 10, max: null, label: 'groot' },
      ],
    };
    expect(sizeClassOf(10, scheme)?.code).toBe(2);
    expect(sizeClassOf(9, scheme)?.code).toBe(1);
  });
});
