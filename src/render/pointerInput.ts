import type { DragPhase } from './mapViewTypes';

// Pointer and keyboard on a map canvas: hover, click, dragging an item, and
// the keys that pan and zoom. Panning and pinching themselves belong to
// d3-zoom (see mapSurface.ts); this module only has to stay out of its way.

/** Pointer travel that turns a press on an item from a click into a drag. */
export const DRAG_THRESHOLD_PX = 4;
/** One arrow key press, in screen pixels. */
export const KEY_PAN_PX = 60;
export const KEY_ZOOM_FACTOR = 1.3;

export type KeyAction =
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'zoom'; factor: number }
  | { type: 'fit' }
  | { type: 'clear' };

/** Arrows move the map the way the arrow points at what you want to see. */
export const KEY_ACTIONS: ReadonlyMap<string, KeyAction> = new Map<string, KeyAction>([
  ['ArrowLeft', { type: 'pan', dx: KEY_PAN_PX, dy: 0 }],
  ['ArrowRight', { type: 'pan', dx: -KEY_PAN_PX, dy: 0 }],
  ['ArrowUp', { type: 'pan', dx: 0, dy: KEY_PAN_PX }],
  ['ArrowDown', { type: 'pan', dx: 0, dy: -KEY_PAN_PX }],
  ['+', { type: 'zoom', factor: KEY_ZOOM_FACTOR }],
  ['=', { type: 'zoom', factor: KEY_ZOOM_FACTOR }],
  ['-', { type: 'zoom', factor: 1 / KEY_ZOOM_FACTOR }],
  ['0', { type: 'fit' }],
  ['Escape', { type: 'clear' }],
]);

/** A press that moved this far is a drag; less is a shaky click. */
export function isDrag(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) >= DRAG_THRESHOLD_PX;
}

/** Where a press happens, for mouse and single-finger touch; null for anything else. */
export function pressPoint(event: Event): { clientX: number; clientY: number } | null {
  if (event.type === 'mousedown' || event.type === 'pointerdown') return event as MouseEvent;
  if (event.type === 'touchstart') {
    const touches = (event as TouchEvent).touches;
    // Two fingers are a pinch, whatever is under them.
    return touches.length === 1 ? touches[0]! : null;
  }
  return null;
}

/** What the input needs to know about the view under it. */
export interface PointerTarget {
  itemAt(clientX: number, clientY: number): number | null;
  toGraph(clientX: number, clientY: number): [number, number];
  /** Where a draggable item is now, in graph coordinates; null when it cannot be dragged. */
  dragOrigin(item: number): [number, number] | null;
  /** A pan or pinch is under way: the pointer carries the map and points at nothing. */
  panning(): boolean;
}

export interface PointerCallbacks {
  /** Only when the hovered item changes. */
  onHover?(item: number | null, clientX: number, clientY: number): void;
  onClick?(item: number | null): void;
  onDrag?(item: number, x: number, y: number, phase: DragPhase): void;
  /** A press, wheel or key: the user took the view in hand. */
  onUserMove?(): void;
  onKey?(action: KeyAction): void;
}

export interface PointerInput {
  hovered(): number | null;
  /** An item is being dragged (past the threshold). */
  dragging(): boolean;
  /** Forget hover and drag without telling anyone: the items they named are gone. */
  reset(): void;
  /** Forget the hover without telling: its item was hidden. */
  forgetHover(): void;
  destroy(): void;
}

/** The element's part that input uses; a canvas in the app, a stand-in in tests. */
export type InputElement = Pick<HTMLElement, 'addEventListener' | 'removeEventListener' | 'style'> &
  Partial<Pick<HTMLElement, 'setPointerCapture' | 'hasPointerCapture' | 'releasePointerCapture'>>;

interface Drag {
  item: number;
  pointerId: number;
  startX: number;
  startY: number;
  /** Graph offset from the pointer to the item, so the item does not jump to the pointer. */
  dx: number;
  dy: number;
  moved: boolean;
}

export function attachPointerInput(
  element: InputElement,
  target: PointerTarget,
  callbacks: PointerCallbacks,
): PointerInput {
  let hovered: number | null = null;
  let drag: Drag | null = null;
  let suppressClick = false;

  function setHovered(item: number | null, clientX: number, clientY: number) {
    if (item === hovered) return;
    hovered = item;
    element.style.cursor = item !== null ? 'pointer' : '';
    callbacks.onHover?.(item, clientX, clientY);
  }

  function onPointerDown(event: PointerEvent) {
    suppressClick = false;
    callbacks.onUserMove?.();
    if (event.button !== 0 || !event.isPrimary) return;
    const item = target.itemAt(event.clientX, event.clientY);
    if (item === null) return;
    const origin = target.dragOrigin(item);
    if (!origin) return;
    const [gx, gy] = target.toGraph(event.clientX, event.clientY);
    drag = {
      item,
      pointerId: event.pointerId,
      startX: event.clientX,
      startY: event.clientY,
      dx: origin[0] - gx,
      dy: origin[1] - gy,
      moved: false,
    };
    element.setPointerCapture?.(event.pointerId);
  }

  function onPointerMove(event: PointerEvent) {
    if (drag && event.pointerId === drag.pointerId) {
      const d = drag;
      if (!d.moved && !isDrag(event.clientX - d.startX, event.clientY - d.startY)) return;
      const [gx, gy] = target.toGraph(event.clientX, event.clientY);
      const phase = d.moved ? 'drag' : 'start';
      d.moved = true;
      element.style.cursor = 'grabbing';
      callbacks.onDrag?.(d.item, gx + d.dx, gy + d.dy, phase);
      return;
    }
    if (target.panning() || event.buttons !== 0) return;
    setHovered(target.itemAt(event.clientX, event.clientY), event.clientX, event.clientY);
  }

  function onPointerUp(event: PointerEvent) {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const d = drag;
    drag = null;
    if (element.hasPointerCapture?.(event.pointerId))
      element.releasePointerCapture?.(event.pointerId);
    element.style.cursor = hovered !== null ? 'pointer' : '';
    if (d.moved) {
      // The click that follows a drag is not a selection.
      suppressClick = true;
      const [gx, gy] = target.toGraph(event.clientX, event.clientY);
      callbacks.onDrag?.(d.item, gx + d.dx, gy + d.dy, 'end');
    }
  }

  function onPointerLeave(event: PointerEvent) {
    if (!drag) setHovered(null, event.clientX, event.clientY);
  }

  function onClick(event: MouseEvent) {
    if (suppressClick) {
      suppressClick = false;
      return;
    }
    callbacks.onClick?.(target.itemAt(event.clientX, event.clientY));
  }

  function onWheel() {
    callbacks.onUserMove?.();
  }

  function onKeyDown(event: KeyboardEvent) {
    const action = KEY_ACTIONS.get(event.key);
    if (!action) return;
    event.preventDefault();
    callbacks.onUserMove?.();
    callbacks.onKey?.(action);
  }

  // One table, so destroy() removes exactly what was added.
  const listeners: [string, EventListener, AddEventListenerOptions?][] = [
    ['pointerdown', onPointerDown as EventListener],
    ['pointermove', onPointerMove as EventListener],
    ['pointerup', onPointerUp as EventListener],
    ['pointercancel', onPointerUp as EventListener],
    ['pointerleave', onPointerLeave as EventListener],
    ['click', onClick as EventListener],
    ['wheel', onWheel, { passive: true }],
    ['keydown', onKeyDown as EventListener],
  ];
  for (const [type, listener, options] of listeners)
    element.addEventListener(type, listener, options);

  return {
    hovered: () => hovered,
    dragging: () => drag?.moved === true,
    reset() {
      hovered = null;
      drag = null;
    },
    forgetHover() {
      hovered = null;
    },
    destroy() {
      for (const [type, listener] of listeners) element.removeEventListener(type, listener);
    },
  };
}
