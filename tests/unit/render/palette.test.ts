import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from '../../../src/domain/organisation';
import { RELATION_TYPES } from '../../../src/domain/relation';
import {
  CLUSTER_COLORS,
  clusterColor,
  contrastRatio,
  EDGE_STYLES,
  KIND_COLORS,
  MARK_COLORS,
  relativeLuminance,
} from '../../../src/render/palette';

describe('palette', () => {
  it('computes WCAG contrast correctly', () => {
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 6);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 6);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
  });

  it('has four distinct kind colours, each at least 3:1 against white', () => {
    const colors = ORGANISATION_KINDS.map((k) => KIND_COLORS[k].toUpperCase());
    expect(new Set(colors).size).toBe(4);
    for (const c of colors) expect(contrastRatio(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
  });

  it('has distinct cluster colours that keep contrast, also past the fixed list', () => {
    const fixed = CLUSTER_COLORS.map((_, i) => clusterColor(i));
    expect(new Set(fixed).size).toBe(CLUSTER_COLORS.length);
    for (const c of fixed) expect(contrastRatio(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
    const more = Array.from({ length: 40 }, (_, i) => clusterColor(CLUSTER_COLORS.length + i));
    expect(new Set(more).size).toBe(40);
    expect(more.every((c) => c.startsWith('hsl('))).toBe(true);
  });

  it('styles every relation type, and the types differ in more than colour', () => {
    const looks = RELATION_TYPES.map(
      (t) => `${EDGE_STYLES[t].dash.join(',')}|${EDGE_STYLES[t].width}`,
    );
    expect(new Set(looks).size).toBe(RELATION_TYPES.length);
  });

  it('has mark colours visible on white', () => {
    for (const c of Object.values(MARK_COLORS))
      expect(contrastRatio(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
  });
});
