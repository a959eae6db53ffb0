import { describe, expect, it } from 'vitest';
import { graphPicture, nameBudget } from '../../../src/render/graphPicture';
import { boxesOverlap, placeLabels, type LabelBox } from '../../../src/render/labels';
import {
  layoutNeighbourhood,
  neighbourhoodPicture,
  splitGroups,
  type NeighbourhoodGroup,
} from '../../../src/render/neighbourhoodPicture';
import { framedSvg, layoutFrame, type LegendEntry } from '../../../src/render/picture';
import { KIND_COLORS } from '../../../src/render/palette';
import { estimateText, shapesBounds, textBox, type TextShape } from '../../../src/render/shapes';
import type { RenderNode } from '../../../src/render/drawScene';
import { lcg } from '../../../src/layout/forceLayout';

const kindKey: LegendEntry[] = (
  ['municipality', 'association', 'chainPartner', 'sharedService'] as const
).map((k) => ({ label: k, symbol: { shape: 'dot', color: KIND_COLORS[k] } }));

const node = (id: string, kind: RenderNode['kind'], radius: number, label = id): RenderNode => ({
  id,
  label,
  kind,
  radius,
  color: KIND_COLORS[kind],
  labelPriority: radius,
});

describe('placeLabels with obstacles', () => {
  it('never puts a label on an obstacle; a label with no free spot is left out', () => {
    const obstacles: LabelBox[] = [{ x: 0, y: 0, width: 40, height: 40 }];
    const over = { index: 0, priority: 1, x: 10, y: 10, width: 30, height: 12 };
    const beside = { ...over, index: 1, alternatives: [{ x: 50, y: 10, width: 30, height: 12 }] };
    expect(placeLabels([over], { obstacles })).toEqual([]);
    const placed = placeLabels([beside], { obstacles });
    expect(placed.map((p) => p.x)).toEqual([50]);
  });
});

describe('graphPicture', () => {
  const nodes = [
    node('a', 'municipality', 5, 'Gouda <&> "x"'),
    node('b', 'association', 10, 'VNG'),
    node('c', 'chainPartner', 4, 'Verborgen'),
  ];
  const picture = graphPicture({
    nodes,
    edges: [
      { source: 0, target: 1, type: 'member' },
      { source: 1, target: 2, type: 'partner' },
    ],
    xs: Float32Array.from([0, 100, 50]),
    ys: Float32Array.from([0, 50, 100]),
    hidden: Uint8Array.from([0, 0, 1]),
    colors: nodes.map((n) => n.color),
    colorKey: kindKey,
    measure: estimateText,
  });
  const svg = picture.toSvg();

  it('draws the shown organisations and the relations between them, nothing hidden', () => {
    expect(svg.match(/<circle class="organisatie"/g)).toHaveLength(2);
    expect(svg).not.toContain('data-id="c"');
    expect(svg).toContain('relatie-member');
    expect(svg).not.toContain('relatie-partner');
    expect(svg).toContain('Gouda &lt;&amp;&gt; &quot;x&quot;');
  });

  it('has a legend of what is drawn only', () => {
    expect(picture.legend.map((e) => e.label)).toEqual([
      'municipality',
      'association',
      'Lidmaatschap',
    ]);
  });

  it('crops to what is drawn: the bounds start at the drawing', () => {
    // The top-left node sits at the origin of the drawing; its name or disc is the top.
    expect(picture.bounds.x).toBeLessThanOrEqual(0);
    expect(picture.bounds.y).toBeGreaterThan(-40);
    expect(picture.bounds.width).toBeLessThan(400);
  });

  it('on a big network: names only for the largest, none over a disc or another name, and the caption counts them', () => {
    const random = lcg(3);
    const count = 600;
    const many = Array.from({ length: count }, (_, i) =>
      node(
        `n${i}`,
        i % 3 === 0 ? 'municipality' : 'sharedService',
        2 + random() * 10,
        `Organisatie ${i}`,
      ),
    );
    const xs = Float32Array.from(many, () => random() * 1200);
    const ys = Float32Array.from(many, () => random() * 900);
    const big = graphPicture({
      nodes: many,
      edges: many.slice(1).map((_, i) => ({ source: i, target: i + 1, type: 'member' as const })),
      xs,
      ys,
      hidden: null,
      colors: many.map((n) => n.color),
      colorKey: kindKey,
      measure: estimateText,
    });
    // The names and discs as the SVG has them: names against discs and each other.
    const doc = big.toSvg();
    const names = [...doc.matchAll(/<text[^>]*x="([\d.-]+)" y="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)];
    expect(names.length).toBeGreaterThan(5);
    expect(names.length).toBeLessThanOrEqual(nameBudget(count));
    const boxes = names.map(([, x, y, text]) =>
      textBox(
        {
          type: 'text',
          x: Number(x),
          y: Number(y),
          text: text!,
          size: 11,
          anchor: 'middle',
          color: '',
        },
        estimateText,
      ),
    );
    const discs = [
      ...doc.matchAll(
        /<circle class="organisatie"[^>]*cx="([\d.-]+)" cy="([\d.-]+)" r="([\d.]+)"/g,
      ),
    ].map(([, cx, cy, r]) => ({
      x: Number(cx) - Number(r),
      y: Number(cy) - Number(r),
      width: 2 * Number(r),
      height: 2 * Number(r),
    }));
    expect(discs).toHaveLength(count);
    for (let a = 0; a < boxes.length; a++) {
      for (let b = a + 1; b < boxes.length; b++)
        expect(boxesOverlap(boxes[a]!, boxes[b]!)).toBe(false);
      for (const d of discs) expect(boxesOverlap(boxes[a]!, d)).toBe(false);
    }
    expect(big.caption.join(' ')).toContain(
      `Namen bij ${names.length} van de ${count} organisaties`,
    );
    expect(big.legend.map((e) => e.label)).toEqual([
      'municipality',
      'sharedService',
      'Lidmaatschap',
    ]);
  });

  it('refuses an empty picture in words', () => {
    expect(() =>
      graphPicture({
        nodes,
        edges: [],
        xs: new Float32Array(3),
        ys: new Float32Array(3),
        hidden: Uint8Array.from([1, 1, 1]),
        colors: [],
        colorKey: kindKey,
        measure: estimateText,
      }),
    ).toThrow(/niets/);
  });
});

describe('the frame', () => {
  const picture = {
    bounds: { x: 100, y: 200, width: 300, height: 150 },
    legend: kindKey.slice(0, 2),
    caption: ['Namen bij 3 van de 4 organisaties.'],
  };
  const frame = {
    title: 'Netwerk',
    date: 'Gegevens van 1 januari 2025',
    sources: 'Bron: CBS (CC BY 4.0).',
  };

  it('crops to the drawing with a margin: the drawing sits under the title, centred, no empty band', () => {
    const layout = layoutFrame(picture, frame, estimateText, { margin: 16, minWidth: 200 });
    expect(layout.width).toBe(332);
    // Left edge of the drawing at the margin.
    expect(picture.bounds.x + layout.offsetX).toBe(16);
    // Top of the drawing right under the date line, well within 70 px of the top.
    const top = picture.bounds.y + layout.offsetY;
    const dateLine = layout.shapes.find(
      (s): s is TextShape => s.type === 'text' && s.text === frame.date,
    )!;
    expect(top).toBeGreaterThan(dateLine.y);
    expect(top - dateLine.y).toBeLessThan(20);
    // Everything of the frame lies inside it.
    const b = shapesBounds(layout.shapes, estimateText)!;
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y + b.height).toBeLessThanOrEqual(layout.height);
  });

  it('centres a small drawing in the minimum width and wraps long source lines', () => {
    const long = { ...frame, sources: `Bron: ${'Gemeente Voorbeeld, '.repeat(30)}CBS.` };
    const layout = layoutFrame(picture, long, estimateText, { margin: 16, minWidth: 520 });
    expect(layout.width).toBe(520);
    expect(picture.bounds.x + layout.offsetX).toBeCloseTo(16 + (488 - 300) / 2);
    const lines = layout.shapes.filter((s) => s.type === 'text' && s.size === 11);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      const box = textBox(line as TextShape, estimateText);
      expect(box.x + box.width).toBeLessThanOrEqual(520 - 16 + 0.01);
    }
  });

  it('writes title, date, sources and legend into the SVG', () => {
    const svg = framedSvg(
      { ...picture, drawToCanvas: () => undefined, toSvg: () => '<circle r="1"/>' },
      frame,
      estimateText,
    );
    expect(svg).toContain('<title>Netwerk</title>');
    expect(svg).toContain('Gegevens van 1 januari 2025');
    expect(svg).toContain('Bron: CBS (CC BY 4.0).');
    expect(svg).toContain('>municipality</text>');
    expect(svg).not.toContain('>chainPartner</text>');
  });
});

describe('neighbourhoodPicture', () => {
  const groups: NeighbourhoodGroup[] = [
    'Landelijk',
    'Zorg en welzijn',
    'Fysieke leefomgeving',
    'Veiligheid',
  ].map((label, g) => ({
    label,
    items: Array.from({ length: [2, 7, 8, 5][g]! }, (_, i) => ({
      id: `${g}-${i}`,
      label: `${label} organisatie met een lange naam nummer ${i}`,
      color: i % 2 ? KIND_COLORS.sharedService : KIND_COLORS.association,
      relation: i === 0 ? ('uses' as const) : ('member' as const),
      frontrunner: g === 0 && i === 0,
    })),
  }));

  it('keeps groups whole and the two columns about as tall', () => {
    expect(splitGroups(groups)).toBe(2);
    expect(splitGroups([])).toBe(0);
  });

  it('names every organisation, and no name covers a disc or another name', () => {
    const layout = layoutNeighbourhood({
      centre: 'Amsterdam',
      centreColor: KIND_COLORS.municipality,
      groups,
      colorKey: kindKey,
      measure: estimateText,
    });
    expect(layout.names).toHaveLength(22);
    expect(layout.discs).toHaveLength(22);
    const all = [...layout.names, ...layout.discs];
    for (let a = 0; a < all.length; a++)
      for (let b = a + 1; b < all.length; b++) {
        // A disc and its own name touch, never overlap.
        expect(boxesOverlap(all[a]!, all[b]!), `${a} ${b}`).toBe(false);
      }
    // Long names are cut to the width asked for.
    for (const n of layout.names) expect(n.width).toBeLessThanOrEqual(230);
  });

  it('has a legend of the kinds, relations and koploper ring it draws', () => {
    const picture = neighbourhoodPicture({
      centre: 'Gouda',
      centreColor: KIND_COLORS.municipality,
      groups,
      colorKey: kindKey,
      measure: estimateText,
    });
    expect(picture.legend.map((e) => e.label)).toEqual([
      'association',
      'sharedService',
      'Lidmaatschap',
      'Gebruik van dienst',
      'Koploper',
    ]);
  });
});
