import type { Organisation } from '../domain/organisation';
import type { NodeMark, RenderEdge, RenderNode } from './drawScene';
import type { LegendEntry, Picture } from './picture';
import type { TextMeasure } from './shapes';
import type { Size, Transform } from './viewport';

// What a way of drawing the map (the force graph, the geographic map) must
// offer, so the map controller and the pages can drive either. An item is an
// organisation's position in the network's index: setData, setHidden,
// setEmphasis and setColors all speak in positions, and hover, click and
// drag answer in them.

/** The network as every view gets it; a view uses what it draws. */
export interface MapData {
  /** One per item. A geographic view finds its polygon by cbsCode. */
  organisations: readonly Organisation[];
  /** One per item: label, size, default colour, frontrunner ring. */
  nodes: readonly RenderNode[];
  /** Relations as item pairs. */
  edges: readonly RenderEdge[];
}

export interface Emphasis {
  selected: number | null;
  /** 1 = lit; null = everything lit. */
  highlighted: Uint8Array | null;
  /** Marks of a comparison (added, removed, changed). */
  marks?: ReadonlyMap<number, NodeMark>;
  /** The same for relations, by their position in MapData.edges. */
  edgeMarks?: ReadonlyMap<number, NodeMark>;
}

/** What the export asks of a view to make a picture of it (see render/picture.ts). */
export interface PictureRequest {
  /** Items to leave out; null: every item (the export's "Alles"). */
  hidden: Uint8Array | null;
  /** What the item colours mean; the view adds what else it draws (relations, rings, marks). */
  colorKey: readonly LegendEntry[];
  measure: TextMeasure;
}

export type DragPhase = 'start' | 'drag' | 'end';

/** How a view reports what the user does. */
export interface MapViewCallbacks {
  /** Fires only when the hovered item changes. Client (viewport) coordinates. */
  onHover?(item: number | null, clientX: number, clientY: number): void;
  /** A click or tap that was not a drag; null on the background (and for Escape). */
  onClick?(item: number | null): void;
  /** Graph coordinates. 'start' comes once the pointer really moves, so a click never pins. */
  onDragItem?(item: number, x: number, y: number, phase: DragPhase): void;
  /** The user took the view in hand (press, wheel, keys): stop following the layout. */
  onUserMove?(): void;
  /** Paint time of each frame, in ms. */
  onFrame?(ms: number): void;
}

export interface MapView {
  setData(data: MapData): void;
  setEmphasis(emphasis: Emphasis): void;
  /** 1 = not drawn and not hit-testable. Kept by reference. */
  setHidden(hidden: Uint8Array | null): void;
  /** One colour per item; a short list leaves the rest their own colour. */
  setColors(colors: readonly string[]): void;
  /** Bring every shown item into view; waits for the canvas to get a size. */
  fit(durationMs?: number): void;
  zoomTo(item: number, durationMs?: number): void;
  zoomBy(factor: number): void;
  /** Screen pixels. */
  panBy(dx: number, dy: number): void;
  /** The item under a client (viewport) point, or null. */
  itemAt(clientX: number, clientY: number): number | null;
  getTransform(): Transform;
  /** CSS pixels. */
  size(): Size;
  /**
   * Draws the current view, fitted to width × height CSS pixels, at `scale`
   * device pixels per CSS pixel, on a white background (for PNG export). The
   * target canvas should be width*scale × height*scale.
   */
  drawTo(ctx: CanvasRenderingContext2D, width: number, height: number, scale: number): void;
  /**
   * The view as a picture for a report: what it draws, cropped to it, with a
   * legend of only what is drawn. The caller frames it (title, date, sources).
   * A view without it cannot be exported as PNG or SVG.
   */
  picture?(request: PictureRequest): Picture;
  /** Re-read the canvas size (the observer does this on its own). */
  resize(): void;
  destroy(): void;
  /**
   * Where each item is drawn, in the coordinates getTransform applies to, for
   * exports that carry positions (GEXF, GraphML). Only a view that places
   * items itself has it; the layout's positions serve the others.
   */
  positions?(): { xs: Float32Array; ys: Float32Array } | null;
}

/** A group of items drawn as one area with its outline: a region of a division, a network's members. */
export interface MapArea {
  /** The organisation the area stands for (a GGD); pointing at a region's name answers with it. */
  item: number;
  name: string;
  /** Items whose shapes make up the area (its municipalities). */
  members: readonly number[];
  /**
   * 'region' (the default): outlined and named. 'members': the members of the
   * network shown, outlined in the member colour and, when few, each named.
   */
  kind?: 'region' | 'members';
}

/** A view that draws items as shapes on a map and can outline groups of them. */
export interface AreaMapView extends MapView {
  /** Replaces the areas; an empty list draws none. */
  setAreas(areas: readonly MapArea[]): void;
}

export function hasAreas(view: MapView): view is AreaMapView {
  return typeof (view as Partial<AreaMapView>).setAreas === 'function';
}

/** How a page asks for a view on its canvas: createGraphView, or the geographic view (render/geo/geoView). */
export type MapViewFactory = (canvas: HTMLCanvasElement, callbacks: MapViewCallbacks) => MapView;

/** A view that draws items where a layout puts them, such as the force graph. */
export interface LaidOutMapView extends MapView {
  /**
   * Kept by reference (not copied): mutate and call again to redraw.
   * `moving`: more positions follow (a running layout), so frames stay at the
   * fast level of detail until a call without it.
   */
  setPositions(xs: Float32Array, ys: Float32Array, moving?: boolean): void;
}

export function isLaidOut(view: MapView): view is LaidOutMapView {
  return typeof (view as Partial<LaidOutMapView>).setPositions === 'function';
}
