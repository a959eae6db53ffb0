import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import type { GraphIndex } from '../../analysis/graphIndex';
import { createGraphView } from '../../render/graphView';
import type { MapArea, MapView, MapViewFactory } from '../../render/mapViewTypes';
import {
  createMapController,
  savedLayouts,
  type LayoutState,
  type MapController,
  type MapSnapshot,
} from './mapController';

export interface GraphCanvasHandle {
  zoomToNode(index: number): void;
  zoomToFit(): void;
  zoomBy(factor: number): void;
  rerunLayout(): void;
  releasePins(): void;
  renderer(): MapView | null;
  /** Positions and view as they are now, for PNG and SVG export. */
  currentView(): MapSnapshot | null;
}

interface Props {
  index: GraphIndex;
  hidden: Uint8Array | null;
  selected: number | null;
  highlighted: Uint8Array | null;
  colors: string[] | null;
  marks?: Map<number, 'added' | 'removed' | 'changed'>;
  /** Relations of a comparison, by their position in the index. */
  edgeMarks?: Map<number, 'added' | 'removed' | 'changed'>;
  /** Regions drawn as areas, by a view that draws areas (the geographic map). */
  areas?: readonly MapArea[];
  onSelect(index: number | null): void;
  onHover(index: number | null, clientX: number, clientY: number): void;
  label: string;
  /** Keep the settled layout in IndexedDB (the main map); off for throwaway views. Read on mount. */
  persistLayout?: boolean;
  /** How the map is drawn; the force graph unless another view is given. Read on mount. */
  createView?: MapViewFactory;
  /** The canvas's test id; two maps on one page (graph and geographic) need their own. */
  testId?: string;
}

const NO_AREAS: readonly MapArea[] = [];

/**
 * Mounts the map controller on a canvas and forwards what to show. Positions,
 * zoom and hover never pass through React state: React only says what to show.
 */
export const GraphCanvas = forwardRef<GraphCanvasHandle, Props>(function GraphCanvas(props, ref) {
  const {
    index,
    hidden,
    selected,
    highlighted,
    colors,
    marks,
    edgeMarks,
    areas,
    onSelect,
    onHover,
    label,
  } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const callbacks = useRef({ onSelect, onHover });
  callbacks.current = { onSelect, onHover };
  const mountOptions = useRef({
    persist: props.persistLayout ?? true,
    createView: props.createView ?? createGraphView,
  });
  const [layout, setLayout] = useState<LayoutState>({ status: 'idle', progress: 0 });
  const helpId = useId();

  // One controller (view, layout worker, saved positions) for the life of the canvas.
  useEffect(() => {
    const canvas = canvasRef.current!;
    const { persist, createView } = mountOptions.current;
    const controller = createMapController({
      createView: (viewCallbacks) => createView(canvas, viewCallbacks),
      onSelect: (i) => callbacks.current.onSelect(i),
      onHover: (i, x, y) => callbacks.current.onHover(i, x, y),
      store: persist ? savedLayouts : null,
    });
    controllerRef.current = controller;
    const unsubscribe = controller.layout.subscribe(() => setLayout(controller.layout.get()));
    return () => {
      unsubscribe();
      controller.destroy();
      controllerRef.current = null;
    };
  }, []);

  // Declared in this order so a new network is in place before its colours.
  useEffect(() => {
    controllerRef.current?.setNetwork(index);
  }, [index]);
  useEffect(() => {
    controllerRef.current?.setHidden(hidden);
  }, [hidden]);
  useEffect(() => {
    controllerRef.current?.setEmphasis({
      selected,
      highlighted,
      ...(marks ? { marks } : {}),
      ...(edgeMarks ? { edgeMarks } : {}),
    });
  }, [selected, highlighted, marks, edgeMarks]);
  useEffect(() => {
    controllerRef.current?.setColors(colors);
  }, [colors, index]);
  useEffect(() => {
    controllerRef.current?.setAreas(areas ?? NO_AREAS);
  }, [areas, index]);

  useImperativeHandle(
    ref,
    () => ({
      zoomToNode: (i) => controllerRef.current?.zoomTo(i),
      zoomToFit: () => controllerRef.current?.fit(),
      zoomBy: (f) => controllerRef.current?.zoomBy(f),
      rerunLayout: () => controllerRef.current?.rerunLayout(),
      releasePins: () => controllerRef.current?.releasePins(),
      renderer: () => controllerRef.current?.view ?? null,
      currentView: () => controllerRef.current?.snapshot() ?? null,
    }),
    [],
  );

  return (
    <div className="graph-canvas">
      <canvas
        ref={canvasRef}
        tabIndex={0}
        role="img"
        aria-label={label}
        aria-describedby={helpId}
        data-testid={props.testId ?? 'graph-canvas'}
        data-layout={layout.status}
      />
      <p id={helpId} className="visually-hidden">
        Pijltjestoetsen verschuiven de kaart, plus en min zoomen, 0 toont alles, Escape heft de
        selectie op. De tabelweergave toont dezelfde organisaties als lijst.
      </p>
      {layout.status === 'running' && (
        <p className="layout-status" role="status">
          Indeling wordt berekend… <span aria-hidden="true">{layout.progress}%</span>
        </p>
      )}
    </div>
  );
});
