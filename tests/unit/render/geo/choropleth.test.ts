import { describe, expect, it } from 'vitest';
import { CBS_SIZE_CLASSES } from '../../../../src/domain/sizeClass';
import {
  featureColors,
  formatCount,
  GEO_COLORS,
  inhabitantsScale,
  SIZE_CLASS_COLORS,
  sizeClassColor,
  sizeClassLegend,
} from '../../../../src/render/geo/choropleth';
import { relativeLuminance } from '../../../../src/render/palette';

describe('size class colours', () => {
  it('has one colour per CBS class, each darker than the one before', () => {
    expect(SIZE_CLASS_COLORS).toHaveLength(CBS_SIZE_CLASSES.classes.length);
    expect(new Set(SIZE_CLASS_COLORS).size).toBe(8);
    // Lightness alone carries the order, so it reads with any colour-vision deficiency.
    const lum = SIZE_CLASS_COLORS.map(relativeLuminance);
    for (let i = 1; i < lum.length; i++) expect(lum[i]!).toBeLessThan(lum[i - 1]!);
    expect(lum[0]! / lum[7]!).toBeGreaterThan(5);
  });

  it('colours by the class of the population, and grey when it is unknown', () => {
    expect(sizeClassColor(4_999)).toBe(SIZE_CLASS_COLORS[0]);
    expect(sizeClassColor(75_758)).toBe(SIZE_CLASS_COLORS[4]);
    expect(sizeClassColor(931_298)).toBe(SIZE_CLASS_COLORS[7]);
    expect(sizeClassColor(undefined)).toBe(GEO_COLORS.unknown);
    expect(sizeClassColor(-1)).toBe(GEO_COLORS.unknown);
  });

  it('has a legend in Dutch with every class and the unknown grey', () => {
    const legend = sizeClassLegend();
    expect(legend).toHaveLength(9);
    expect(legend[3]).toEqual({
      color: SIZE_CLASS_COLORS[3],
      label: '4: 20 000 tot 50 000 inwoners',
    });
    expect(legend[8]!.label).toBe('aantal inwoners onbekend');
  });
});

describe('inhabitantsScale', () => {
  const scale = inhabitantsScale([1_000, 75_000, 931_000, undefined]);

  it('is logarithmic: equal ratios, equal steps in lightness', () => {
    expect(scale.domain).toEqual([1_000, 931_000]);
    const lum = [1_000, 10_000, 100_000, 931_000].map((p) => relativeLuminance(scale.color(p)));
    for (let i = 1; i < lum.length; i++) expect(lum[i]!).toBeLessThan(lum[i - 1]!);
    expect(scale.color(500)).toBe(scale.color(1_000));
    expect(scale.color(undefined)).toBe(GEO_COLORS.unknown);
  });

  it('has legend steps at round figures inside the domain', () => {
    expect(scale.legend.map((l) => l.label)).toEqual([
      '1 000 inwoners',
      '2 000 inwoners',
      '5 000 inwoners',
      '10 000 inwoners',
      '20 000 inwoners',
      '50 000 inwoners',
      '100 000 inwoners',
      '200 000 inwoners',
      '500 000 inwoners',
      'aantal inwoners onbekend',
    ]);
  });

  it('survives a network without any population', () => {
    const empty = inhabitantsScale([undefined]);
    expect(empty.domain).toEqual([1_000, 1_000_000]);
    expect(formatCount(1234567)).toBe('1 234 567');
  });
});

describe('featureColors', () => {
  const features = [
    { code: 'GM0513', inNetwork: true },
    { code: 'GM0363', inNetwork: true },
    { code: 'GM0014', inNetwork: false },
  ];
  const population = (code: string) => ({ GM0513: 75_758, GM0363: 931_298, GM0014: 243_768 })[code];

  it('colours members, others and what is outside the network', () => {
    const { colors, legend } = featureColors(features, 'members', population, new Set(['GM0513']));
    expect(colors).toEqual([GEO_COLORS.member, GEO_COLORS.other, GEO_COLORS.outside]);
    expect(legend.map((l) => l.label)).toEqual([
      'neemt deel',
      'neemt niet deel',
      'niet in het netwerk',
    ]);
  });

  it('colours by size class or by inhabitants, and leaves what is outside the network faint', () => {
    const bySize = featureColors(features, 'sizeClass', population);
    expect(bySize.colors).toEqual([SIZE_CLASS_COLORS[4], SIZE_CLASS_COLORS[7], GEO_COLORS.outside]);
    const byCount = featureColors(features, 'inhabitants', population);
    expect(byCount.colors[2]).toBe(GEO_COLORS.outside);
    expect(relativeLuminance(byCount.colors[0]!)).toBeGreaterThan(
      relativeLuminance(byCount.colors[1]!),
    );
    // The scale spans the network only, not the municipality outside it.
    expect(byCount.legend.at(-1)!.label).toBe('niet in het netwerk');
  });
});
