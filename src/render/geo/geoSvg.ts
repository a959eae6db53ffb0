import { LABEL_COLORS } from '../palette';
import { escapeXml } from '../shapes';
import { GEO_COLORS } from './choropleth';
import type { PlacedLabel } from './drawGeoScene';
import type { GeoModel } from './geoModel';
import type { BBox, Polygon } from './polygonMath';
import type { GeoRegion } from './regions';

// The geographic view as a vector file: one <path> per municipality (with its
// CBS code and name, so Inkscape or a report tool can select and restyle
// them), the regions' outlines, the names where the canvas put them, the
// legend and the boundaries' source. Same view as on screen.

/** What the page adds to the picture. */
export interface GeoSvgMeta {
  title: string;
  /** A second line: what is shown and the date of the data. */
  subtitle?: string;
  /** A swatch per item; `dash` (even empty) draws a line instead, for an outline. */
  legend: readonly { label: string; color: string; dash?: readonly number[] }[];
}

export interface GeoSvgInput extends GeoSvgMeta {
  model: GeoModel;
  /** Fill of feature f. */
  featureColor(f: number): string;
  regions: readonly GeoRegion[];
  /** The members of the network shown, as one outlined area. */
  memberArea?: GeoRegion | null;
  /** Feature index drawn with the selection outline. */
  selected: number | null;
  /** Region index drawn with the stronger outline. */
  selectedRegion: number | null;
  /** Names as the canvas placed them, in CSS pixels. */
  labels: readonly PlacedLabel[];
  transform: { x: number; y: number; k: number };
  width: number;
  height: number;
  /** "Grenzen: CBS/PDOK, CC BY 4.0" */
  credit: string;
}

const n1 = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * The drawing itself (municipalities, outlines, names) in screen units,
 * clipped to `clip`: the part a report picture frames (see geoPicture).
 */
export function geoSvgBody(
  input: Omit<GeoSvgInput, 'title' | 'subtitle' | 'legend' | 'credit'>,
  clip: { x: number; y: number; width: number; height: number },
  clipId = 'kaartvlak',
): string {
  const { model, transform: t } = input;
  const inView = (b: BBox) =>
    b[2] * t.k + t.x >= clip.x &&
    b[0] * t.k + t.x <= clip.x + clip.width &&
    b[3] * t.k + t.y >= clip.y &&
    b[1] * t.k + t.y <= clip.y + clip.height;
  const path = (polygons: readonly Polygon[]) => {
    const d: string[] = [];
    for (const polygon of polygons)
      for (const ring of polygon) {
        if (ring.length < 6) continue;
        d.push(`M${n1(ring[0]! * t.k + t.x)} ${n1(ring[1]! * t.k + t.y)}`);
        for (let i = 2; i < ring.length; i += 2)
          d.push(`L${n1(ring[i]! * t.k + t.x)} ${n1(ring[i + 1]! * t.k + t.y)}`);
        d.push('Z');
      }
    return d.join('');
  };
  const out: string[] = [
    `<defs><clipPath id="${clipId}"><rect x="${n1(clip.x)}" y="${n1(clip.y)}" width="${n1(clip.width)}" height="${n1(clip.height)}"/></clipPath></defs>`,
  ];
  out.push(`<g clip-path="url(#${clipId})">`);
  out.push(
    `<g id="gemeenten" stroke="${GEO_COLORS.border}" stroke-width="0.5" stroke-linejoin="round" fill-rule="evenodd">`,
  );
  model.features.forEach((feature, f) => {
    if (!inView(feature.bbox)) return;
    out.push(
      `<path data-code="${escapeXml(feature.code)}" d="${path(feature.polygons)}" fill="${input.featureColor(f)}"><title>${escapeXml(feature.name)}</title></path>`,
    );
  });
  out.push('</g>');
  if (input.memberArea && input.memberArea.polygons.length > 0)
    out.push(
      `<path id="deelnemers" d="${path(input.memberArea.polygons)}" fill="none" stroke="${GEO_COLORS.memberOutline}" stroke-width="1.5" stroke-linejoin="round"/>`,
    );
  const outlines = input.regions.filter((r) => r.polygons.length > 0 && inView(r.bbox));
  if (outlines.length) {
    out.push(
      `<g id="regios" fill="none" stroke="${GEO_COLORS.regionOutline}" stroke-width="1.5" stroke-linejoin="round">`,
    );
    for (const region of outlines)
      out.push(
        `<path data-id="${escapeXml(region.id)}" d="${path(region.polygons)}"><title>${escapeXml(region.name)}</title></path>`,
      );
    out.push('</g>');
  }
  const selectedRegion =
    input.selectedRegion === null ? undefined : input.regions[input.selectedRegion];
  if (selectedRegion)
    out.push(
      `<path id="gekozen-regio" d="${path(selectedRegion.polygons)}" fill="none" stroke="${GEO_COLORS.selected}" stroke-width="3" stroke-linejoin="round"/>`,
    );
  const selected = input.selected === null ? undefined : model.features[input.selected];
  if (selected)
    out.push(
      `<path id="gekozen-gemeente" d="${path(selected.polygons)}" fill="none" stroke="${GEO_COLORS.selected}" stroke-width="2.5" stroke-linejoin="round"/>`,
    );
  out.push(
    `<g id="namen" font-size="12" text-anchor="middle" dominant-baseline="central" fill="${LABEL_COLORS.text}" stroke="${LABEL_COLORS.halo}" stroke-width="3" paint-order="stroke" stroke-linejoin="round">`,
  );
  for (const label of input.labels)
    out.push(
      `<text x="${n1(label.x + label.width / 2)}" y="${n1(label.y + label.height / 2)}"${label.kind === 'region' ? ' font-weight="600"' : ''}>${escapeXml(label.text)}</text>`,
    );
  out.push('</g>', '</g>');
  return out.join('\n');
}

export function geoSvg(input: GeoSvgInput): string {
  const { width, height } = input;
  const header = input.subtitle ? 54 : 36;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + header}" viewBox="0 ${-header} ${width} ${height + header}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect x="0" y="${-header}" width="${width}" height="${height + header}" fill="#ffffff"/>`,
    `<text x="12" y="${-header + 24}" font-size="16" font-weight="600" fill="#1b1b1b">${escapeXml(input.title)}</text>`,
  ];
  if (input.subtitle)
    out.push(
      `<text x="12" y="${-header + 44}" font-size="12" fill="#4a4a4a">${escapeXml(input.subtitle)}</text>`,
    );
  out.push(geoSvgBody(input, { x: 0, y: 0, width, height }));

  // Legend bottom left, as in the PNG; the source bottom right.
  const lh = 18;
  const legendWidth =
    24 + Math.max(120, ...input.legend.map((item) => item.label.length * 6.6)) + 12;
  const ly = height - input.legend.length * lh - 8;
  out.push(
    `<g id="legenda" font-size="12" fill="#1b1b1b"><rect x="6" y="${ly - 6}" width="${Math.round(legendWidth)}" height="${input.legend.length * lh + 8}" fill="#ffffff" fill-opacity="0.9" stroke="#c9ced6"/>`,
  );
  input.legend.forEach((item, k) => {
    const y = ly + k * lh + 6;
    out.push(
      item.dash
        ? `<line x1="12" y1="${y}" x2="28" y2="${y}" stroke="${item.color}" stroke-width="2"/>`
        : `<rect x="14" y="${y - 6}" width="12" height="12" fill="${item.color}" stroke="#00000066" stroke-width="0.5"/>`,
      `<text x="32" y="${y + 4}">${escapeXml(item.label)}</text>`,
    );
  });
  out.push(
    '</g>',
    `<text id="bron" x="${width - 8}" y="${height - 8}" font-size="11" text-anchor="end" fill="${LABEL_COLORS.text}" stroke="${LABEL_COLORS.halo}" stroke-width="3" paint-order="stroke">${escapeXml(input.credit)}</text>`,
    '</svg>',
  );
  return out.join('\n');
}
