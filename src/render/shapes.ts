import { escapeXmlAttribute } from '../domain/xmlText';
// A picture as a short list of shapes (lines, discs, text, boxes), drawn the
// same way to a canvas (PNG) and to SVG. The exported pictures and their
// frame are built from these, so a PNG and an SVG of the same view can never
// differ in what they show or where.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type FontWeight = 'normal' | 'bold';

/** Width of `text` in pixels at `size` px; the browser measures, tests estimate. */
export type TextMeasure = (text: string, size: number, weight?: FontWeight) => number;

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** About right for a sans-serif: good enough where nothing can measure (SVG in Node, tests). */
export const estimateText: TextMeasure = (text, size, weight = 'normal') =>
  text.length * size * (weight === 'bold' ? 0.6 : 0.56);

/** The browser's own measure, in the font the canvas and the SVG ask for. */
export function canvasMeasure(): TextMeasure {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return estimateText;
  const cache = new Map<string, number>();
  return (text, size, weight = 'normal') => {
    const key = `${weight}|${size}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = fontOf(size, weight);
      w = ctx.measureText(text).width;
      cache.set(key, w);
    }
    return w;
  };
}

export const fontOf = (size: number, weight: FontWeight = 'normal') =>
  `${weight === 'bold' ? '600 ' : ''}${size}px ${FONT_FAMILY}`;

/** Many segments in one style: one SVG path, one canvas stroke. */
export interface LinesShape {
  type: 'lines';
  /** x1, y1, x2, y2 per segment. */
  segments: number[];
  color: string;
  width: number;
  dash?: readonly number[];
  opacity?: number;
  /** SVG class, so a relation type can be picked out in Inkscape. */
  className?: string;
}

export interface CircleShape {
  type: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: readonly number[];
  className?: string;
  /** data-id in SVG: which organisation this disc is. */
  id?: string;
  /** Tooltip in SVG viewers. */
  title?: string;
}

export interface RectShape {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: string;
  radius?: number;
}

export interface TextShape {
  type: 'text';
  /** Anchor point; y is the baseline. */
  x: number;
  y: number;
  text: string;
  size: number;
  weight?: FontWeight;
  color: string;
  anchor?: 'start' | 'middle' | 'end';
  /** A white outline, so a name stays readable over lines. */
  halo?: boolean;
  className?: string;
}

/** Shapes that belong together in the SVG (relations, organisations, names). */
export interface GroupShape {
  type: 'group';
  id: string;
  shapes: Shape[];
}

export type Shape = LinesShape | CircleShape | RectShape | TextShape | GroupShape;

/** The box a text covers: from its ascenders to its descenders. */
export function textBox(t: TextShape, measure: TextMeasure): Box {
  const width = measure(t.text, t.size, t.weight);
  const x = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
  return { x, y: t.y - t.size * 0.82, width, height: t.size * 1.08 };
}

/** Everything the shapes cover, or null for none. */
export function shapesBounds(shapes: readonly Shape[], measure: TextMeasure): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const add = (bx0: number, by0: number, bx1: number, by1: number) => {
    x0 = Math.min(x0, bx0);
    y0 = Math.min(y0, by0);
    x1 = Math.max(x1, bx1);
    y1 = Math.max(y1, by1);
  };
  const visit = (list: readonly Shape[]) => {
    for (const s of list) {
      if (s.type === 'group') visit(s.shapes);
      else if (s.type === 'lines') {
        const half = s.width / 2;
        for (let i = 0; i + 3 < s.segments.length; i += 4) {
          const [ax, ay, bx, by] = s.segments.slice(i, i + 4) as [number, number, number, number];
          add(
            Math.min(ax, bx) - half,
            Math.min(ay, by) - half,
            Math.max(ax, bx) + half,
            Math.max(ay, by) + half,
          );
        }
      } else if (s.type === 'circle') {
        const r = s.r + (s.stroke ? (s.strokeWidth ?? 1) / 2 : 0);
        add(s.cx - r, s.cy - r, s.cx + r, s.cy + r);
      } else if (s.type === 'rect') add(s.x, s.y, s.x + s.width, s.y + s.height);
      else {
        const b = textBox(s, measure);
        add(b.x, b.y, b.x + b.width, b.y + b.height);
      }
    }
  };
  visit(shapes);
  return Number.isFinite(x0) ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/**
 * Text for SVG content and double-quoted attributes. Characters no XML file
 * may hold become U+FFFD (domain/xmlText.ts), so the SVG always opens.
 */
export const escapeXml = (s: string) => escapeXmlAttribute(s).replace(/'/g, '&apos;');

/** Two decimals: enough for print, and a file a tenth of the size of full floats. */
export const n2 = (v: number) => (Math.round(v * 100) / 100).toString();

const dashAttr = (dash: readonly number[] | undefined) =>
  dash && dash.length ? ` stroke-dasharray="${dash.map(n2).join(' ')}"` : '';

/** The shapes as SVG elements (no <svg> around them). */
export function shapesToSvg(shapes: readonly Shape[]): string {
  const out: string[] = [];
  for (const s of shapes) {
    if (s.type === 'group') {
      out.push(`<g id="${escapeXml(s.id)}">`, shapesToSvg(s.shapes), '</g>');
    } else if (s.type === 'lines') {
      if (s.segments.length < 4) continue;
      const d: string[] = [];
      for (let i = 0; i + 3 < s.segments.length; i += 4)
        d.push(
          `M${n2(s.segments[i]!)} ${n2(s.segments[i + 1]!)}L${n2(s.segments[i + 2]!)} ${n2(s.segments[i + 3]!)}`,
        );
      out.push(
        `<path${s.className ? ` class="${escapeXml(s.className)}"` : ''} d="${d.join('')}" fill="none" stroke="${s.color}" stroke-width="${n2(s.width)}"${s.opacity !== undefined && s.opacity < 1 ? ` stroke-opacity="${n2(s.opacity)}"` : ''}${dashAttr(s.dash)}/>`,
      );
    } else if (s.type === 'circle') {
      const attrs = [
        s.className ? ` class="${escapeXml(s.className)}"` : '',
        s.id !== undefined ? ` data-id="${escapeXml(s.id)}"` : '',
        ` cx="${n2(s.cx)}" cy="${n2(s.cy)}" r="${n2(s.r)}"`,
        ` fill="${s.fill ?? 'none'}"`,
        s.stroke ? ` stroke="${s.stroke}" stroke-width="${n2(s.strokeWidth ?? 1)}"` : '',
        dashAttr(s.dash),
      ].join('');
      out.push(
        s.title !== undefined
          ? `<circle${attrs}><title>${escapeXml(s.title)}</title></circle>`
          : `<circle${attrs}/>`,
      );
    } else if (s.type === 'rect') {
      out.push(
        `<rect x="${n2(s.x)}" y="${n2(s.y)}" width="${n2(s.width)}" height="${n2(s.height)}"${s.radius ? ` rx="${n2(s.radius)}"` : ''} fill="${s.fill ?? 'none'}"${s.stroke ? ` stroke="${s.stroke}"` : ''}/>`,
      );
    } else {
      const anchor = s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '';
      const weight = s.weight === 'bold' ? ' font-weight="600"' : '';
      const halo = s.halo
        ? ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
        : '';
      out.push(
        `<text${s.className ? ` class="${escapeXml(s.className)}"` : ''} x="${n2(s.x)}" y="${n2(s.y)}" font-size="${n2(s.size)}"${weight}${anchor} fill="${s.color}"${halo}>${escapeXml(s.text)}</text>`,
      );
    }
  }
  return out.join('\n');
}

/** The shapes on a canvas whose transform maps picture units to device pixels. */
export function drawShapes(ctx: CanvasRenderingContext2D, shapes: readonly Shape[]): void {
  for (const s of shapes) {
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
    if (s.type === 'group') drawShapes(ctx, s.shapes);
    else if (s.type === 'lines') {
      if (s.segments.length < 4) continue;
      ctx.beginPath();
      for (let i = 0; i + 3 < s.segments.length; i += 4) {
        ctx.moveTo(s.segments[i]!, s.segments[i + 1]!);
        ctx.lineTo(s.segments[i + 2]!, s.segments[i + 3]!);
      }
      ctx.strokeStyle = s.color;
      ctx.lineWidth = s.width;
      ctx.lineCap = 'butt';
      ctx.globalAlpha = s.opacity ?? 1;
      ctx.setLineDash([...(s.dash ?? [])]);
      ctx.stroke();
    } else if (s.type === 'circle') {
      ctx.beginPath();
      ctx.arc(s.cx, s.cy, s.r, 0, Math.PI * 2);
      if (s.fill) {
        ctx.fillStyle = s.fill;
        ctx.fill();
      }
      if (s.stroke) {
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = s.strokeWidth ?? 1;
        ctx.setLineDash([...(s.dash ?? [])]);
        ctx.stroke();
      }
    } else if (s.type === 'rect') {
      ctx.beginPath();
      if (s.radius) ctx.roundRect(s.x, s.y, s.width, s.height, s.radius);
      else ctx.rect(s.x, s.y, s.width, s.height);
      if (s.fill) {
        ctx.fillStyle = s.fill;
        ctx.fill();
      }
      if (s.stroke) {
        ctx.strokeStyle = s.stroke;
        ctx.lineWidth = 1;
        ctx.stroke();
      }
    } else {
      ctx.font = fontOf(s.size, s.weight);
      ctx.textAlign = s.anchor === 'middle' ? 'center' : s.anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = 'alphabetic';
      if (s.halo) {
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 3;
        ctx.lineJoin = 'round';
        ctx.strokeText(s.text, s.x, s.y);
      }
      ctx.fillStyle = s.color;
      ctx.fillText(s.text, s.x, s.y);
    }
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}

/** Words over as many lines as `maxWidth` needs; a word longer than a line keeps its own. */
export function wrapText(
  text: string,
  maxWidth: number,
  size: number,
  measure: TextMeasure,
  weight: FontWeight = 'normal',
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, weight) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The text cut with an ellipsis to fit `maxWidth`. */
export function fitText(
  text: string,
  maxWidth: number,
  size: number,
  measure: TextMeasure,
  weight: FontWeight = 'normal',
): string {
  if (measure(text, size, weight) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(`${text.slice(0, mid).trimEnd()}…`, size, weight) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}
