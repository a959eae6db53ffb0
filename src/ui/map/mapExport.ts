import type { Filters } from '../../analysis/filters';
import { KIND_LABELS, ORGANISATION_KINDS } from '../../domain/organisation';
import { RELATION_TYPE_LABELS, RELATION_TYPES } from '../../domain/relation';
import { EDGE_STYLES, KIND_COLORS } from '../../render/palette';
import { CBS_SIZE_CLASSES } from '../../domain/sizeClass';

// How an export of the map is named and captioned; what is on screen comes
// from analysis/visibility.ts.

/** A short description of the filters, for file names: "zuid-holland-klasse-5-focus-gouda". */
export function filterSuffix(filters: Filters, focusName: string | null): string {
  const parts: string[] = [];
  if (filters.kinds.length < ORGANISATION_KINDS.length)
    parts.push(...filters.kinds.map((k) => KIND_LABELS[k].nlPlural));
  if (filters.relationTypes.length < RELATION_TYPES.length)
    parts.push(...filters.relationTypes.map((t) => RELATION_TYPE_LABELS[t].nl));
  parts.push(...filters.provinces);
  if (filters.sizeClasses.length && filters.sizeClasses.length < CBS_SIZE_CLASSES.classes.length)
    parts.push(`klasse ${filters.sizeClasses.join(' ')}`);
  if (focusName) parts.push(`omgeving ${focusName}`);
  return parts.join(' ') || 'gefilterd';
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: readonly number[];
}

export function legendItems(colorMode: 'soort' | 'cluster'): LegendItem[] {
  return [
    ...(colorMode === 'soort'
      ? ORGANISATION_KINDS.map((k) => ({ label: KIND_LABELS[k].nl, color: KIND_COLORS[k] }))
      : [{ label: 'Kleur: cluster (Louvain)', color: '#888888' }]),
    ...RELATION_TYPES.map((t) => ({
      label: RELATION_TYPE_LABELS[t].nl,
      color: EDGE_STYLES[t].color,
      dash: EDGE_STYLES[t].dash,
    })),
  ];
}

/**
 * The renderer's drawing at twice the screen resolution, with title and legend
 * on top; `subtitle` is a second line under the title (what is shown, the
 * date of the data).
 */
export function drawPng(
  drawTo: (ctx: CanvasRenderingContext2D, width: number, height: number, scale: number) => void,
  width: number,
  height: number,
  title: string,
  legend: LegendItem[],
  subtitle?: string,
): Promise<Blob> {
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('Canvas is niet beschikbaar.'));
  // The drawing leaves its own text settings behind (centred labels): start afresh.
  ctx.save();
  drawTo(ctx, width, height, scale);
  ctx.restore();
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = '600 16px system-ui, sans-serif';
  const titleWidth = ctx.measureText(title).width;
  ctx.font = '12px system-ui, sans-serif';
  const subtitleWidth = subtitle ? ctx.measureText(subtitle).width : 0;
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(0, 0, Math.max(titleWidth, subtitleWidth) + 24, subtitle ? 48 : 30);
  ctx.fillStyle = '#1b1b1b';
  ctx.font = '600 16px system-ui, sans-serif';
  ctx.fillText(title, 12, 21);
  if (subtitle) {
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#4a4a4a';
    ctx.fillText(subtitle, 12, 39);
  }
  const lh = 18;
  const ly = height - legend.length * lh - 8;
  ctx.font = '12px system-ui, sans-serif';
  const labelWidth = Math.max(0, ...legend.map((item) => ctx.measureText(item.label).width));
  ctx.fillStyle = 'rgba(255,255,255,0.9)';
  ctx.fillRect(6, ly - 6, 42 + labelWidth + 10, legend.length * lh + 8);
  legend.forEach((item, k) => {
    const y = ly + k * lh + 6;
    if (item.dash) {
      ctx.strokeStyle = item.color;
      ctx.lineWidth = 2;
      ctx.setLineDash([...item.dash]);
      ctx.beginPath();
      ctx.moveTo(14, y);
      ctx.lineTo(34, y);
      ctx.stroke();
      ctx.setLineDash([]);
    } else {
      ctx.fillStyle = item.color;
      ctx.beginPath();
      ctx.arc(24, y, 5, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.fillStyle = '#1b1b1b';
    ctx.fillText(item.label, 42, y + 4);
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG maken is mislukt.'))),
      'image/png',
    ),
  );
}
