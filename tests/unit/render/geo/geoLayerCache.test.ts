import { describe, expect, it } from 'vitest';
import { batchByColor, type View } from '../../../../src/render/drawScene';
import { sizeClassColor } from '../../../../src/render/geo/choropleth';
import type { GeoScene } from '../../../../src/render/geo/drawGeoScene';
import { buildGeoModel, fitView } from '../../../../src/render/geo/geoModel';
import { createGeoLayerCache } from '../../../../src/render/geo/geoLayerCache';
import { buildRegions } from '../../../../src/render/geo/regions';
import { loadGgdRegions, loadMunicipalities, loadTopology } from './geoFixtures';
import { recordingContext } from './recordingContext';

const rows = loadMunicipalities();
const model = buildGeoModel(
  loadTopology(),
  rows.map((r) => r.code),
);
const fills = batchByColor(
  model.features.map((f) => sizeClassColor(rows.find((r) => r.code === f.code)?.population)),
);
const scene: GeoScene = {
  model,
  fills,
  regions: buildRegions(model, loadGgdRegions()),
  selected: null,
  hovered: null,
  selectedRegion: null,
  labelWidth: (text) => text.length * 6,
};

function setup() {
  const layers: ReturnType<typeof recordingContext>[] = [];
  const sizes: [number, number][] = [];
  const cache = createGeoLayerCache((width, height) => {
    const rec = recordingContext();
    layers.push(rec);
    sizes.push([width, height]);
    return { width, height, getContext: () => rec.ctx };
  });
  const screen = recordingContext();
  return { cache, layers, sizes, screen };
}

const whole: View = { ...fitView(model.bounds, 800, 900), width: 800, height: 900, pixelRatio: 2 };

describe('createGeoLayerCache', () => {
  it('draws the base once and then pans the whole country with one drawImage a frame', () => {
    const { cache, layers, sizes, screen } = setup();
    const first = cache.draw(screen.ctx, scene, whole, { quality: 'full', background: '#FFFFFF' });
    expect(first.cached).toBe(false);
    expect(first.fills).toBe(342);
    // Screen plus 96 px each side, at the device pixel ratio.
    expect(sizes).toEqual([[(800 + 192) * 2, (900 + 192) * 2]]);
    const fillsOnLayer = layers[0]!.calls.fill;
    for (let i = 1; i <= 10; i++) {
      const stats = cache.draw(
        screen.ctx,
        scene,
        { ...whole, x: whole.x + i * 40, y: whole.y - i * 25 },
        { quality: 'fast', background: '#FFFFFF' },
      );
      expect(stats.cached).toBe(true);
      // Names still drawn on top, every frame.
      expect(stats.labels.length).toBeGreaterThan(0);
    }
    expect(layers).toHaveLength(1);
    expect(layers[0]!.calls.fill).toBe(fillsOnLayer);
    expect(screen.calls.drawImage).toBe(11);
    expect(screen.calls.fill).toBeUndefined();
  });

  it('stretches the picture during a zoom gesture and draws it sharp at full quality', () => {
    const { cache, layers, screen } = setup();
    cache.draw(screen.ctx, scene, whole, { quality: 'full', background: null });
    const zoomed = { ...whole, k: whole.k * 1.5, x: whole.x - 200, y: whole.y - 225 };
    expect(
      cache.draw(screen.ctx, scene, zoomed, { quality: 'fast', background: null }).cached,
    ).toBe(true);
    expect(
      cache.draw(screen.ctx, scene, zoomed, { quality: 'full', background: null }).cached,
    ).toBe(false);
    const far = { ...whole, k: whole.k * 5 };
    expect(cache.draw(screen.ctx, scene, far, { quality: 'fast', background: null }).cached).toBe(
      false,
    );
    // Same size: the second canvas is reused, not created again.
    expect(layers).toHaveLength(1);
  });

  it('draws anew when zoomed in and panned past the margin, or when the colours change', () => {
    const { cache, screen } = setup();
    const gouda = model.features[model.index.get('GM0513')!]!;
    const near: View = {
      ...fitView(gouda.bbox, 800, 900, 200),
      width: 800,
      height: 900,
      pixelRatio: 1,
    };
    const opts = { quality: 'fast', background: null } as const;
    expect(cache.draw(screen.ctx, scene, near, opts).cached).toBe(false);
    expect(cache.draw(screen.ctx, scene, { ...near, x: near.x + 90 }, opts).cached).toBe(true);
    expect(cache.draw(screen.ctx, scene, { ...near, x: near.x + 300 }, opts).cached).toBe(false);
    const recoloured = { ...scene, fills: batchByColor(model.features.map(() => '#0072B2')) };
    expect(cache.draw(screen.ctx, recoloured, near, opts).cached).toBe(false);
    expect(cache.draw(screen.ctx, recoloured, near, opts).cached).toBe(true);
    cache.invalidate();
    expect(cache.draw(screen.ctx, recoloured, near, opts).cached).toBe(false);
  });

  it('draws anew for another screen size or pixel ratio', () => {
    const { cache, sizes, screen } = setup();
    const opts = { quality: 'full', background: null } as const;
    cache.draw(screen.ctx, scene, whole, opts);
    expect(cache.draw(screen.ctx, scene, { ...whole, pixelRatio: 1 }, opts).cached).toBe(false);
    expect(
      cache.draw(screen.ctx, scene, { ...whole, pixelRatio: 1, width: 700 }, opts).cached,
    ).toBe(false);
    expect(sizes).toHaveLength(3);
  });
});

describe('createGeoLayerCache on a very large screen', () => {
  it('draws directly instead of keeping a second canvas of more than 24 million pixels', () => {
    const { cache, sizes, screen } = setup();
    const big: View = {
      ...fitView(model.bounds, 3000, 2000),
      width: 3000,
      height: 2000,
      pixelRatio: 2,
    };
    const stats = cache.draw(screen.ctx, scene, big, { quality: 'fast', background: null });
    expect(stats.cached).toBe(false);
    expect(stats.fills).toBe(342);
    expect(sizes).toEqual([]);
    expect(screen.calls.drawImage).toBeUndefined();
  });
});
