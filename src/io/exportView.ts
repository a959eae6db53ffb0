import type { NodePositions, Point } from './positions';

// How the network looks on screen, for formats that carry it (GEXF, GraphML),
// so Gephi and Gephi Lite open the network as it looks here. The renderer
// owns these values; io only writes them.

export interface ExportView {
  positions?: NodePositions;
  /** CSS colours: #rgb, #rrggbb, rgb() or rgba(); others are left out. */
  colors?: ReadonlyMap<string, string>;
  sizes?: ReadonlyMap<string, number>;
}

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0..1; absent when opaque. */
  a?: number;
}

const byte = (n: number) => Math.max(0, Math.min(255, Math.round(n)));

export function parseColor(css: string): Rgba | undefined {
  const text = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    const rgba: Rgba = {
      r: parseInt(full.slice(0, 2), 16),
      g: parseInt(full.slice(2, 4), 16),
      b: parseInt(full.slice(4, 6), 16),
    };
    if (full.length === 8) rgba.a = Math.round((parseInt(full.slice(6, 8), 16) / 255) * 100) / 100;
    return rgba;
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(
    text,
  );
  if (fn) {
    const rgba: Rgba = { r: byte(Number(fn[1])), g: byte(Number(fn[2])), b: byte(Number(fn[3])) };
    if (fn[4] !== undefined) rgba.a = Math.max(0, Math.min(1, Number(fn[4])));
    return rgba;
  }
  return undefined;
}

export function toHex({ r, g, b }: Rgba): string {
  return `#${[r, g, b].map((n) => byte(n).toString(16).padStart(2, '0')).join('')}`;
}

/** A finite position, or undefined: NaN from an unsettled layout must not reach a file. */
export function finitePosition(view: ExportView, id: string): Point | undefined {
  const p = view.positions?.get(id);
  return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? p : undefined;
}

export function finiteSize(view: ExportView, id: string): number | undefined {
  const s = view.sizes?.get(id);
  return s !== undefined && Number.isFinite(s) && s >= 0 ? s : undefined;
}
