import { describe, expect, it } from 'vitest';
import { exportSvg } from '../../../src/render/svgExport';

const nodes = [
  {
    id: 'a',
    label: 'Gouda <&> "x"',
    kind: 'municipality' as const,
    radius: 5,
    color: '#0072B2',
    labelPriority: 5,
  },
  {
    id: 'b',
    label: 'VNG',
    kind: 'association' as const,
    radius: 10,
    color: '#E69F00',
    labelPriority: 10,
    ring: true,
  },
  {
    id: 'c',
    label: 'Verborgen',
    kind: 'chainPartner' as const,
    radius: 4,
    color: '#009E73',
    labelPriority: 4,
  },
];
const svg = exportSvg({
  nodes,
  edges: [
    { source: 0, target: 1, type: 'member' },
    { source: 1, target: 2, type: 'partner' },
  ],
  xs: Float32Array.from([0, 100, 50]),
  ys: Float32Array.from([0, 50, 100]),
  hidden: Uint8Array.from([0, 0, 1]),
  colors: ['#0072B2', '#E69F00', '#009E73'],
  transform: { x: 50, y: 50, k: 2 },
  width: 400,
  height: 300,
  title: 'Netwerk & co',
  legend: [
    { label: 'Gemeente', color: '#0072B2' },
    { label: 'Lidmaatschap', color: '#7F93AD', dash: [] },
  ],
});

describe('exportSvg', () => {
  it('has one circle per shown organisation and none for hidden ones', () => {
    expect(svg.match(/<circle class="organisatie"/g)).toHaveLength(2);
    expect(svg).not.toContain('data-id="c"');
  });
  it('draws only relations between shown organisations', () => {
    expect(svg).toContain('relatie-member');
    expect(svg).not.toContain('relatie-partner');
  });
  it('escapes text and carries title and legend', () => {
    expect(svg).toContain('Gouda &lt;&amp;&gt; &quot;x&quot;');
    expect(svg).toContain('<title>Netwerk &amp; co</title>');
    expect(svg).toContain('>Lidmaatschap</text>');
    expect(svg).not.toMatch(/<[^>]*Gouda <&>/);
  });
  it('places nodes by the view transform', () => {
    expect(svg).toContain('cx="50" cy="50"');
    expect(svg).toContain('cx="250" cy="150"');
  });
});
