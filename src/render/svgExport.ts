import { escapeXmlAttribute } from '../domain/xmlText';
import type { RenderEdge, RenderNode } from './drawScene';
import { placeLabels, type LabelCandidate } from './labels';
import { EDGE_STYLES, LABEL_COLORS, RING_COLORS } from './palette';

// The map as a vector file: the same colours, sizes, edge styles and labels
// as the canvas, in the current view. One <circle> per shown organisation, so
// Inkscape and browsers can select and restyle them.

export interface SvgExportInput {
  nodes: readonly RenderNode[];
  edges: readonly RenderEdge[];
  xs: Float32Array;
  ys: Float32Array;
  /** 1 = not shown. */
  hidden: Uint8Array | null;
  colors: readonly string[];
  /** The view: graph-to-screen transform and the screen size it applies to. */
  transform: { x: number; y: number; k: number };
  width: number;
  height: number;
  title: string;
  legend: { label: string; color?: string; dash?: readonly number[] }[];
}

// Text and attribute values alike: the attribute escape is the stricter one,
// and it drops what XML cannot carry, so the file always opens.
const escapeXml = escapeXmlAttribute;

const n2 = (v: number) => (Math.round(v * 100) / 100).toString();

export function exportSvg(input: SvgExportInput): string {
  const { nodes, edges, xs, ys, hidden, colors, transform: t, width, height } = input;
  const shown = (i: number) => !hidden || hidden[i] !== 1;
  const sx = (i: number) => xs[i]! * t.k + t.x;
  const sy = (i: number) => ys[i]! * t.k + t.y;
  const out: string[] = [];
  const headerHeight = 36;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + headerHeight}" viewBox="0 ${-headerHeight} ${width} ${height + headerHeight}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect x="0" y="${-headerHeight}" width="${width}" height="${height + headerHeight}" fill="#ffffff"/>`,
    `<text x="12" y="-12" font-size="16" font-weight="600" fill="#1b1b1b">${escapeXml(input.title)}</text>`,
  );
  // Edges: one path per relation type, like the canvas batches.
  out.push('<g id="relaties" fill="none">');
  for (const [type, style] of Object.entries(EDGE_STYLES)) {
    const d: string[] = [];
    for (const e of edges) {
      if (e.type !== type || !shown(e.source) || !shown(e.target)) continue;
      d.push(`M${n2(sx(e.source))} ${n2(sy(e.source))}L${n2(sx(e.target))} ${n2(sy(e.target))}`);
    }
    if (!d.length) continue;
    const dash = style.dash.length ? ` stroke-dasharray="${style.dash.join(' ')}"` : '';
    out.push(
      `<path class="relatie relatie-${type}" d="${d.join('')}" stroke="${style.color}" stroke-width="${style.width}" stroke-opacity="0.6"${dash}/>`,
    );
  }
  out.push('</g>', '<g id="organisaties" stroke="#ffffff" stroke-width="0.75">');
  const order = nodes.map((_, i) => i).filter(shown);
  // Small first, so large nodes sit on top as on the canvas.
  order.sort((a, b) => nodes[a]!.radius - nodes[b]!.radius);
  for (const i of order) {
    const node = nodes[i]!;
    const r = Math.max(1, node.radius * Math.sqrt(t.k));
    out.push(
      `<circle class="organisatie" data-id="${escapeXml(node.id)}" cx="${n2(sx(i))}" cy="${n2(sy(i))}" r="${n2(r)}" fill="${colors[i] ?? node.color}"${node.ring ? ` stroke="${RING_COLORS.frontrunner}" stroke-width="2"` : ''}><title>${escapeXml(node.label)}</title></circle>`,
    );
  }
  out.push('</g>');
  // Labels: the same greedy, non-overlapping placement as the canvas.
  const candidates: LabelCandidate[] = [];
  for (const i of order) {
    const x = sx(i);
    const y = sy(i);
    if (x < 0 || y < 0 || x > width || y > height) continue;
    const w = nodes[i]!.label.length * 6.6;
    candidates.push({
      index: i,
      priority: nodes[i]!.labelPriority,
      x: x - w / 2,
      y: y + nodes[i]!.radius * Math.sqrt(t.k) + 2,
      width: w,
      height: 14,
    });
  }
  out.push(
    `<g id="labels" font-size="12" text-anchor="middle" fill="${LABEL_COLORS.text}" stroke="${LABEL_COLORS.halo}" stroke-width="3" paint-order="stroke">`,
  );
  for (const c of placeLabels(candidates, { maxLabels: 400 })) {
    out.push(
      `<text x="${n2(c.x + c.width / 2)}" y="${n2(c.y + 11)}">${escapeXml(nodes[c.index]!.label)}</text>`,
    );
  }
  out.push('</g>');
  // Legend, bottom left.
  const lh = 18;
  const ly = height - input.legend.length * lh - 8;
  out.push(
    `<g id="legenda" font-size="12" fill="#1b1b1b"><rect x="6" y="${ly - 6}" width="210" height="${input.legend.length * lh + 8}" fill="#ffffff" fill-opacity="0.9" stroke="#c9ced6"/>`,
  );
  input.legend.forEach((item, k) => {
    const y = ly + k * lh + 6;
    if (item.dash !== undefined) {
      const dash = item.dash.length ? ` stroke-dasharray="${item.dash.join(' ')}"` : '';
      out.push(
        `<line x1="14" y1="${y}" x2="34" y2="${y}" stroke="${item.color ?? '#4A5568'}" stroke-width="2"${dash}/>`,
      );
    } else out.push(`<circle cx="24" cy="${y}" r="5" fill="${item.color ?? '#999'}"/>`);
    out.push(`<text x="42" y="${y + 4}">${escapeXml(item.label)}</text>`);
  });
  out.push('</g>', '</svg>');
  return out.join('\n');
}
