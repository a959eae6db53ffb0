import { describe, expect, it } from 'vitest';
import {
  attachPointerInput,
  DRAG_THRESHOLD_PX,
  isDrag,
  KEY_PAN_PX,
  type InputElement,
  type KeyAction,
  type PointerTarget,
} from '../../../src/render/pointerInput';

/** A stand-in for the canvas: real events, a style and pointer capture. */
function fakeCanvas() {
  const captured = new Set<number>();
  const element = Object.assign(new EventTarget(), {
    style: { cursor: '' } as CSSStyleDeclaration,
    setPointerCapture: (id: number) => void captured.add(id),
    hasPointerCapture: (id: number) => captured.has(id),
    releasePointerCapture: (id: number) => void captured.delete(id),
  });
  const fire = (type: string, props: Record<string, unknown> = {}) => {
    const event = Object.assign(new Event(type, { cancelable: true }), {
      button: 0,
      buttons: 0,
      isPrimary: true,
      pointerId: 1,
      clientX: 0,
      clientY: 0,
      ...props,
    });
    element.dispatchEvent(event);
    return event;
  };
  return { element: element as unknown as InputElement, style: element.style, captured, fire };
}

/** Item 0 sits at (10, 10) and item 1 at (100, 100), each 5 px round; graph = screen. */
function setup(options: { draggable?: boolean } = {}) {
  const canvas = fakeCanvas();
  const state = { panning: false };
  const target: PointerTarget = {
    itemAt: (x, y) =>
      Math.hypot(x - 10, y - 10) <= 5 ? 0 : Math.hypot(x - 100, y - 100) <= 5 ? 1 : null,
    toGraph: (x, y) => [x, y],
    dragOrigin: (i) => (options.draggable === false ? null : i === 0 ? [10, 10] : [100, 100]),
    panning: () => state.panning,
  };
  const log: string[] = [];
  const keys: KeyAction[] = [];
  const input = attachPointerInput(canvas.element, target, {
    onHover: (i) => log.push(`hover ${i}`),
    onClick: (i) => log.push(`click ${i}`),
    onDrag: (i, x, y, phase) => log.push(`${phase} ${i} ${x},${y}`),
    onUserMove: () => log.push('user'),
    onKey: (action) => keys.push(action),
  });
  return { ...canvas, state, input, log, keys };
}

/** A press, moves and a release, followed by the click the browser sends. */
function press(fire: ReturnType<typeof fakeCanvas>['fire'], path: [number, number][]) {
  const [first, ...rest] = path;
  fire('pointerdown', { clientX: first![0], clientY: first![1], buttons: 1 });
  for (const [x, y] of rest) fire('pointermove', { clientX: x, clientY: y, buttons: 1 });
  const [x, y] = path[path.length - 1]!;
  fire('pointerup', { clientX: x, clientY: y });
  fire('click', { clientX: x, clientY: y });
}

describe('click or drag', () => {
  it('draws the line between a shaky click and a drag at the threshold', () => {
    expect(isDrag(DRAG_THRESHOLD_PX - 0.01, 0)).toBe(false);
    expect(isDrag(3, 3)).toBe(true);
    expect(isDrag(0, -DRAG_THRESHOLD_PX)).toBe(true);
  });

  it('a press and release on an item clicks it; on the background clicks nothing', () => {
    const { fire, log } = setup();
    press(fire, [[11, 9]]);
    press(fire, [[300, 300]]);
    expect(log.filter((l) => l.startsWith('click'))).toEqual(['click 0', 'click null']);
  });

  it('a press that moves less than the threshold is still a click', () => {
    const { fire, log } = setup();
    press(fire, [
      [10, 10],
      [12, 11],
      [13, 12],
    ]);
    expect(log).toEqual(['user', 'click 0']);
  });

  it('a drag moves the item by the pointer, keeping the grip, and swallows the click after', () => {
    const { fire, log, style, captured } = setup();
    fire('pointerdown', { clientX: 12, clientY: 8, buttons: 1 });
    expect(captured.has(1)).toBe(true);
    fire('pointermove', { clientX: 20, clientY: 8, buttons: 1 });
    expect(style.cursor).toBe('grabbing');
    fire('pointermove', { clientX: 40, clientY: 50, buttons: 1 });
    fire('pointerup', { clientX: 42, clientY: 52 });
    fire('click', { clientX: 42, clientY: 52 });
    // Gripped 2 px right of and 2 px above the centre: the centre stays that far from the pointer.
    expect(log).toEqual(['user', 'start 0 18,10', 'drag 0 38,52', 'end 0 40,54']);
    expect(captured.size).toBe(0);
    // The next click is a click again.
    press(fire, [[100, 100]]);
    expect(log.at(-1)).toBe('click 1');
  });

  it('an item that cannot be dragged is clicked, and a press on it is left to panning', () => {
    const { fire, log, captured } = setup({ draggable: false });
    fire('pointerdown', { clientX: 10, clientY: 10, buttons: 1 });
    expect(captured.size).toBe(0);
    fire('pointermove', { clientX: 60, clientY: 60, buttons: 1 });
    fire('pointerup', { clientX: 60, clientY: 60 });
    expect(log).toEqual(['user']);
  });

  it('ignores other buttons and a second finger', () => {
    const { fire, log, captured } = setup();
    fire('pointerdown', { clientX: 10, clientY: 10, button: 2 });
    fire('pointerdown', { clientX: 10, clientY: 10, isPrimary: false, pointerId: 2 });
    expect(captured.size).toBe(0);
    expect(log).toEqual(['user', 'user']);
  });
});

describe('hover', () => {
  it('reports only changes, with the cursor to match', () => {
    const { fire, log, style, input } = setup();
    fire('pointermove', { clientX: 10, clientY: 10 });
    fire('pointermove', { clientX: 11, clientY: 10 });
    expect(style.cursor).toBe('pointer');
    expect(input.hovered()).toBe(0);
    fire('pointermove', { clientX: 100, clientY: 100 });
    fire('pointermove', { clientX: 300, clientY: 300 });
    fire('pointermove', { clientX: 301, clientY: 300 });
    expect(style.cursor).toBe('');
    expect(log).toEqual(['hover 0', 'hover 1', 'hover null']);
  });

  it('points at nothing while the map is carried, and clears on leaving', () => {
    const { fire, log, state } = setup();
    fire('pointermove', { clientX: 10, clientY: 10, buttons: 1 });
    state.panning = true;
    fire('pointermove', { clientX: 10, clientY: 10 });
    state.panning = false;
    fire('pointermove', { clientX: 10, clientY: 10 });
    fire('pointerleave', { clientX: 500, clientY: 10 });
    expect(log).toEqual(['hover 0', 'hover null']);
  });

  it('forgets the hover silently when told to', () => {
    const { fire, log, input } = setup();
    fire('pointermove', { clientX: 10, clientY: 10 });
    input.forgetHover();
    expect(input.hovered()).toBeNull();
    fire('pointermove', { clientX: 10, clientY: 10 });
    expect(log).toEqual(['hover 0', 'hover 0']);
  });
});

describe('keys and wheel', () => {
  it('arrows pan, plus and minus zoom, 0 fits and Escape clears; other keys pass', () => {
    const { fire, keys, log } = setup();
    const left = fire('keydown', { key: 'ArrowLeft' });
    expect(left.defaultPrevented).toBe(true);
    fire('keydown', { key: '+' });
    fire('keydown', { key: '0' });
    fire('keydown', { key: 'Escape' });
    const other = fire('keydown', { key: 'a' });
    expect(other.defaultPrevented).toBe(false);
    fire('keydown', { key: 'toString' });
    expect(keys).toEqual([
      { type: 'pan', dx: KEY_PAN_PX, dy: 0 },
      { type: 'zoom', factor: 1.3 },
      { type: 'fit' },
      { type: 'clear' },
    ]);
    expect(log).toEqual(['user', 'user', 'user', 'user']);
  });

  it('a wheel turn takes the view in hand', () => {
    const { fire, log } = setup();
    fire('wheel');
    expect(log).toEqual(['user']);
  });

  it('listens to nothing after destroy', () => {
    const { fire, log, keys, input } = setup();
    input.destroy();
    press(fire, [[10, 10]]);
    fire('pointermove', { clientX: 10, clientY: 10 });
    fire('keydown', { key: 'ArrowUp' });
    expect(log).toEqual([]);
    expect(keys).toEqual([]);
  });
});
