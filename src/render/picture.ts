import {
  drawShapes,
  escapeXml,
  FONT_FAMILY,
  n2,
  shapesBounds,
  shapesToSvg,
  wrapText,
  type Box,
  type Shape,
  type TextMeasure,
} from './shapes';

// A picture for a report: what a view draws (the force graph, a municipality's
// neighbourhood, the geographic map) inside one common frame: a title, the
// date of the data, a legend of what is drawn, a caption, the sources with
// their licence, and the crop to what is drawn with a margin.
//
// A view supplies a Picture; the frame is the same for every view. Pictures
// are drawn in picture units (CSS pixels); the frame only moves them.

export type LegendSymbol =
  | { shape: 'dot'; color: string }
  | { shape: 'ring'; color: string; dash?: readonly number[] }
  | { shape: 'line'; color: string; dash?: readonly number[]; width?: number }
  | { shape: 'area'; color: string };

export interface LegendEntry {
  label: string;
  symbol: LegendSymbol;
}

/** What a view draws for an export. */
export interface Picture {
  /** Everything drawn (names included), in picture units: the frame crops to it. */
  bounds: Box;
  /** Draws in picture units on a context whose transform the frame has set. */
  drawToCanvas(ctx: CanvasRenderingContext2D): void;
  /** The drawing as SVG elements in picture units, without the <svg> around them. */
  toSvg(): string;
  /** Only what is drawn: no entry for a kind, relation or mark the picture leaves out. */
  legend: LegendEntry[];
  /** Sentences under the picture, e.g. how many names are drawn and why not all. */
  caption: string[];
}

/** A picture of shapes: bounds, canvas and SVG all come from the same list. */
export function shapesPicture(
  shapes: Shape[],
  legend: LegendEntry[],
  caption: string[],
  measure: TextMeasure,
): Picture {
  const bounds = shapesBounds(shapes, measure) ?? { x: 0, y: 0, width: 0, height: 0 };
  return {
    bounds,
    drawToCanvas: (ctx) => drawShapes(ctx, shapes),
    toSvg: () => shapesToSvg(shapes),
    legend,
    caption,
  };
}

/** The words around a picture; the caller knows the network, the date and the sources. */
export interface PictureFrame {
  title: string;
  /** "Gegevens van 1 januari 2025". */
  date: string;
  /** "Bron: CBS (CC BY 4.0), VNG, …". */
  sources: string;
  /** Where the picture can be made again (a link to the view). */
  link?: string;
}

export interface FrameOptions {
  /** White space around everything, px. */
  margin?: number;
  /** The frame is at least this wide, so a picture of three discs still has room for its words. */
  minWidth?: number;
}

export interface FramedLayout {
  width: number;
  height: number;
  /** Added to picture units to place the drawing in the frame. */
  offsetX: number;
  offsetY: number;
  /** Title, date, legend, caption and sources. */
  shapes: Shape[];
}

const INK = '#1b1b1b';
const MUTED = '#4a4a4a';
const TITLE_SIZE = 17;
const TEXT_SIZE = 12;
const SMALL_SIZE = 11;
const LEGEND_ROW = 18;
const LEGEND_SWATCH = 22;
const LEGEND_GAP = 16;

/**
 * Where everything of a framed picture goes. The width is the drawing's plus
 * the margins (or the minimum width, with the drawing centred); the drawing
 * sits right under the title and date, and the legend, caption and sources
 * follow it, so there is no empty band anywhere.
 */
export function layoutFrame(
  picture: Pick<Picture, 'bounds' | 'legend' | 'caption'>,
  frame: PictureFrame,
  measure: TextMeasure,
  options: FrameOptions = {},
): FramedLayout {
  const margin = options.margin ?? 16;
  const minWidth = options.minWidth ?? 520;
  const b = picture.bounds;
  const width = Math.ceil(Math.max(minWidth, b.width + 2 * margin));
  const inner = width - 2 * margin;
  const shapes: Shape[] = [];
  let y = margin;

  const lines = (text: string, size: number, color: string, bold = false) => {
    for (const line of wrapText(text, inner, size, measure, bold ? 'bold' : 'normal')) {
      y += size * 1.1;
      shapes.push({
        type: 'text',
        x: margin,
        y,
        text: line,
        size,
        color,
        ...(bold ? { weight: 'bold' as const } : {}),
      });
      y += size * 0.35;
    }
  };

  lines(frame.title, TITLE_SIZE, INK, true);
  lines(frame.date, TEXT_SIZE, MUTED);
  y += 10;
  const offsetX = margin + (inner - b.width) / 2 - b.x;
  const offsetY = y - b.y;
  y += b.height + 12;

  // The legend flows in rows, as wide as the frame allows.
  if (picture.legend.length) {
    let x = margin;
    let row = y + LEGEND_ROW / 2;
    for (const entry of picture.legend) {
      const w = LEGEND_SWATCH + measure(entry.label, TEXT_SIZE) + LEGEND_GAP;
      if (x > margin && x + w - LEGEND_GAP > width - margin) {
        x = margin;
        row += LEGEND_ROW;
      }
      shapes.push(...legendSymbol(entry, x, row));
      shapes.push({
        type: 'text',
        x: x + LEGEND_SWATCH,
        y: row + TEXT_SIZE * 0.35,
        text: entry.label,
        size: TEXT_SIZE,
        color: INK,
      });
      x += w;
    }
    y = row + LEGEND_ROW / 2 + 4;
  }
  for (const sentence of picture.caption) lines(sentence, TEXT_SIZE, INK);
  y += 4;
  lines(frame.sources, SMALL_SIZE, MUTED);
  if (frame.link) lines(frame.link, SMALL_SIZE, MUTED);
  y += margin;
  return { width, height: Math.ceil(y), offsetX, offsetY, shapes };
}

function legendSymbol(entry: LegendEntry, x: number, cy: number): Shape[] {
  const s = entry.symbol;
  const cx = x + 8;
  switch (s.shape) {
    case 'dot':
      return [{ type: 'circle', cx, cy, r: 5, fill: s.color }];
    case 'ring':
      return [
        {
          type: 'circle',
          cx,
          cy,
          r: 5,
          stroke: s.color,
          strokeWidth: 2.5,
          ...(s.dash ? { dash: s.dash } : {}),
        },
      ];
    case 'area':
      return [{ type: 'rect', x, y: cy - 6, width: 16, height: 12, fill: s.color, stroke: '#777' }];
    case 'line':
      return [
        {
          type: 'lines',
          segments: [x, cy, x + 16, cy],
          color: s.color,
          width: s.width ?? 2,
          ...(s.dash ? { dash: s.dash } : {}),
        },
      ];
  }
}

/** The framed picture as an SVG document. */
export function framedSvg(
  picture: Picture,
  frame: PictureFrame,
  measure: TextMeasure,
  options?: FrameOptions,
): string {
  const layout = layoutFrame(picture, frame, measure, options);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${escapeXml(frame.title)}</title>`,
    `<desc>${escapeXml([frame.date, ...picture.caption, frame.sources].join(' '))}</desc>`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    `<g id="tekening" transform="translate(${n2(layout.offsetX)} ${n2(layout.offsetY)})">`,
    picture.toSvg(),
    '</g>',
    `<g id="kader">`,
    shapesToSvg(layout.shapes),
    '</g>',
    '</svg>',
  ].join('\n');
}

/** The framed picture as a PNG at `scale` device pixels per picture unit. */
export function framedPng(
  picture: Picture,
  frame: PictureFrame,
  measure: TextMeasure,
  scale = 2,
  options?: FrameOptions,
): Promise<Blob> {
  const layout = layoutFrame(picture, frame, measure, options);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('Canvas is niet beschikbaar.'));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.save();
  ctx.setTransform(scale, 0, 0, scale, layout.offsetX * scale, layout.offsetY * scale);
  picture.drawToCanvas(ctx);
  ctx.restore();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  drawShapes(ctx, layout.shapes);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG maken is mislukt.'))),
      'image/png',
    ),
  );
}

/** The bare drawing as an <svg> for a web page (no frame): it scales to its container. */
export function pictureSvgElement(picture: Picture, label: string, margin = 4): string {
  const b = picture.bounds;
  const x = b.x - margin;
  const y = b.y - margin;
  const w = b.width + 2 * margin;
  const h = b.height + 2 * margin;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n2(x)} ${n2(y)} ${n2(w)} ${n2(h)}" width="${n2(w)}" height="${n2(h)}" font-family="${escapeXml(FONT_FAMILY)}" role="img" aria-label="${escapeXml(label)}">`,
    picture.toSvg(),
    '</svg>',
  ].join('\n');
}
