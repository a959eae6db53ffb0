import { describe, expect, it } from 'vitest';
import { batchByColor, type View } from '../../../../src/render/drawScene';
import { boxesOverlap } from '../../../../src/render/labels';
import { GEO_COLORS, sizeClassColor } from '../../../../src/render/geo/choropleth';
import {
  drawGeoScene,
  FILL_CHUNK,
  REGION_LABEL_FONT,
  type GeoScene,
} from '../../../../src/render/geo/drawGeoScene';
import { buildGeoModel, fitView } from '../../../../src/render/geo/geoModel';
import { buildRegion, buildRegions } from '../../../../src/render/geo/regions';
import { loadGgdRegions, loadMunicipalities, loadTopology } from './geoFixtures';
import { recordingContext } from './recordingContext';

const rows = loadMunicipalities();
const model = buildGeoModel(
  loadTopology(),
  rows.map((r) => r.code),
);
const regions = buildRegions(model, loadGgdRegions());
const colors = model.features.map((f) =>
  sizeClassColor(rows.find((r) => r.code === f.code)?.population),
);
/** A fixed character width stands in for measureText; bold text a little wider. */
const labelWidth = (text: string, font: string) =>
  text.length * (font === REGION_LABEL_FONT ? 7 : 6);

function sceneOf(extra: Partial<GeoScene> = {}): GeoScene {
  return {
    model,
    fills: batchByColor(colors),
    regions,
    selected: null,
    hovered: null,
    selectedRegion: null,
    labelWidth,
    ...extra,
  };
}

function viewOf(width: number, height: number, pixelRatio = 1): View {
  return { ...fitView(model.bounds, width, height), width, height, pixelRatio };
}

describe('drawGeoScene', () => {
  it('fills all 342 municipalities in paths of a few per colour, every ring of every part', () => {
    const rec = recordingContext();
    const stats = drawGeoScene(rec.ctx, sceneOf(), viewOf(900, 1000), {
      quality: 'full',
      background: GEO_COLORS.background,
    });
    expect(stats.fills).toBe(342);
    const fillCalls = batchByColor(colors).reduce(
      (sum, batch) => sum + Math.ceil(batch.indices.length / FILL_CHUNK),
      0,
    );
    expect(rec.calls.fill).toBe(fillCalls);
    const rings = model.features.reduce((sum, f) => sum + f.polygons.flat().length, 0);
    expect(rings).toBe(350);
    expect(rec.ringsPerFill.reduce((a, b) => a + b, 0)).toBe(rings);
    // Borders in one stroke, region outlines in one more; nothing selected, so no more.
    expect(rec.calls.stroke).toBe(2);
    expect(stats.regions).toBe(25);
  });

  it('names the regions without any two names overlapping', () => {
    const rec = recordingContext();
    const stats = drawGeoScene(rec.ctx, sceneOf(), viewOf(900, 1000), {
      quality: 'full',
      background: null,
    });
    const regionLabels = stats.labels.filter((l) => l.kind === 'region');
    expect(regionLabels.length).toBeGreaterThan(15);
    for (let i = 0; i < stats.labels.length; i++)
      for (let j = i + 1; j < stats.labels.length; j++)
        expect(boxesOverlap(stats.labels[i]!, stats.labels[j]!)).toBe(false);
    // What was drawn is what was reported: the text at the centre of each box.
    expect(rec.texts).toHaveLength(stats.labels.length);
    for (const l of stats.labels)
      expect(rec.texts).toContainEqual(
        expect.objectContaining({ text: l.text, x: l.x + l.width / 2, y: l.y + l.height / 2 }),
      );
  });

  it('leaves names out rather than let them overlap on a small map', () => {
    const rec = recordingContext();
    const stats = drawGeoScene(rec.ctx, sceneOf(), viewOf(220, 260), {
      quality: 'full',
      background: null,
    });
    const regionLabels = stats.labels.filter((l) => l.kind === 'region');
    expect(regionLabels.length).toBeGreaterThan(0);
    expect(regionLabels.length).toBeLessThan(25);
    // Recompute the boxes from what was drawn, independently of the stats.
    const boxes = rec.texts.map((t) => {
      const width = labelWidth(t.text, t.font) + 6;
      return { x: t.x - width / 2, y: t.y - 7.5, width, height: 15 };
    });
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(
          boxesOverlap(boxes[i]!, boxes[j]!),
          `${rec.texts[i]!.text} / ${rec.texts[j]!.text}`,
        ).toBe(false);
  });

  it('draws for the device pixel ratio through the transform, and clears the whole device canvas', () => {
    const rec = recordingContext();
    drawGeoScene(rec.ctx, sceneOf(), viewOf(400, 500, 2), {
      quality: 'fast',
      background: '#FFFFFF',
    });
    expect(rec.transforms[0]).toEqual([1, 0, 0, 1, 0, 0]);
    expect(rec.transforms).toContainEqual([2, 0, 0, 2, 0, 0]);
    expect(rec.calls.clearRect).toBe(1);
  });

  it('skips what is out of view when zoomed in on Gouda', () => {
    const gouda = model.features[model.index.get('GM0513')!]!;
    const view: View = {
      ...fitView(gouda.bbox, 600, 400, 100),
      width: 600,
      height: 400,
      pixelRatio: 1,
    };
    const rec = recordingContext();
    const stats = drawGeoScene(rec.ctx, sceneOf({ selected: model.index.get('GM0513')! }), view, {
      quality: 'full',
      background: null,
    });
    expect(stats.fills).toBeGreaterThan(3);
    expect(stats.fills).toBeLessThan(40);
    expect(stats.regions).toBeLessThan(5);
    // The selection is outlined (white under-stroke and dark line) and named.
    expect(stats.labels).toContainEqual(
      expect.objectContaining({ kind: 'municipality', text: 'Gouda' }),
    );
    expect(rec.calls.stroke).toBe(4);
  });

  it('names municipalities only at full quality, and the selection always', () => {
    const gouda = model.index.get('GM0513')!;
    const view = viewOf(1800, 2000);
    const full = drawGeoScene(recordingContext().ctx, sceneOf({ regions: [] }), view, {
      quality: 'full',
      background: null,
    });
    const fast = drawGeoScene(
      recordingContext().ctx,
      sceneOf({ regions: [], selected: gouda }),
      view,
      { quality: 'fast', background: null },
    );
    expect(full.labels.filter((l) => l.kind === 'municipality').length).toBeGreaterThan(20);
    expect(fast.labels.map((l) => l.text)).toEqual(['Gouda']);
  });

  it('draws nothing but the background for an empty model or a broken view', () => {
    const rec = recordingContext();
    const stats = drawGeoScene(
      rec.ctx,
      sceneOf(),
      { ...viewOf(400, 400), k: 0 },
      {
        quality: 'full',
        background: '#FFFFFF',
      },
    );
    expect(stats.fills).toBe(0);
    expect(rec.calls.fill).toBeUndefined();
    expect(rec.calls.fillRect).toBe(1);
  });
});

describe('drawGeoScene with a selected region and municipality', () => {
  it('names both when there is room, and never lets two names overlap', () => {
    const gouda = model.index.get('GM0513')!;
    const hollandsMidden = regions.findIndex((r) => r.id === 'ggd-hollands-midden');
    for (const [width, height] of [
      [900, 1000],
      [160, 180],
    ] as const) {
      const stats = drawGeoScene(
        recordingContext().ctx,
        sceneOf({ selected: gouda, selectedRegion: hollandsMidden }),
        viewOf(width, height),
        { quality: 'full', background: null },
      );
      const texts = stats.labels.map((l) => l.text);
      expect(texts).toContain('Gouda');
      if (width > 500) expect(texts).toContain(regions[hollandsMidden]!.name);
      for (let i = 0; i < stats.labels.length; i++)
        for (let j = i + 1; j < stats.labels.length; j++)
          expect(boxesOverlap(stats.labels[i]!, stats.labels[j]!)).toBe(false);
    }
  });
});

describe("drawGeoScene with a network's members", () => {
  // Four of the K80 members listed in the data, far apart.
  const members = ['GM0277', 'GM0388', 'GM0798', 'GM1891'];
  const memberArea = buildRegion(model, { id: 'k80', name: '', members });
  const named = new Uint8Array(model.features.length);
  for (const code of members) named[model.index.get(code)!] = 1;

  it('outlines the members as one area in the member outline colour, unnamed', () => {
    const rec = recordingContext();
    const plain = drawGeoScene(
      recordingContext().ctx,
      sceneOf({ regions: [] }),
      viewOf(900, 1000),
      {
        quality: 'fast',
        background: null,
      },
    );
    const stats = drawGeoScene(rec.ctx, sceneOf({ regions: [], memberArea }), viewOf(900, 1000), {
      quality: 'fast',
      background: null,
    });
    // One more stroke: borders, then the members' outline.
    expect(rec.calls.stroke).toBe(2);
    expect(stats.points).toBeGreaterThan(plain.points);
    expect(stats.labels).toEqual([]);
  });

  it('names the members first and leaves the other municipalities unnamed', () => {
    const stats = drawGeoScene(
      recordingContext().ctx,
      sceneOf({ regions: [], memberArea, named }),
      viewOf(900, 1000),
      { quality: 'full', background: null },
    );
    const texts = stats.labels.map((l) => l.text).sort();
    const names = members.map((code) => model.features[model.index.get(code)!]!.name).sort();
    expect(texts).toEqual(names);
    // At pan quality the names wait, like every other municipality name.
    const fast = drawGeoScene(
      recordingContext().ctx,
      sceneOf({ regions: [], memberArea, named }),
      viewOf(900, 1000),
      { quality: 'fast', background: null },
    );
    expect(fast.labels).toEqual([]);
  });

  it('rings a selected municipality that is only a few pixels on screen', () => {
    // Renswoude, 19 km², at the whole country on a phone.
    const renswoude = model.index.get('GM0339')!;
    const small = recordingContext();
    drawGeoScene(small.ctx, sceneOf({ regions: [], selected: renswoude }), viewOf(300, 340), {
      quality: 'fast',
      background: null,
    });
    expect(small.calls.arc).toBe(1);
    const gouda = model.features[model.index.get('GM0513')!]!;
    const near = recordingContext();
    drawGeoScene(
      near.ctx,
      sceneOf({ regions: [], selected: model.index.get('GM0513')! }),
      { ...fitView(gouda.bbox, 600, 400, 100), width: 600, height: 400, pixelRatio: 1 },
      { quality: 'fast', background: null },
    );
    expect(near.calls.arc).toBeUndefined();
  });
});
