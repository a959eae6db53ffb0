// A 2D context that records the calls that cost time and ignores the rest,
// so drawing code can be tested in Node.

/** Records the calls that cost time, and which path each fill and stroke closed. */
export function recordingContext() {
  const calls: Record<string, number> = {};
  const texts: { text: string; x: number; y: number; font: string }[] = [];
  /** moveTo calls (one per ring or arc) in each filled path. */
  const ringsPerFill: number[] = [];
  const transforms: number[][] = [];
  let moves = 0;
  const state: Record<string, unknown> = {};
  const ctx = new Proxy(state, {
    get(target, prop: string) {
      if (prop in target) return target[prop];
      return (...args: unknown[]) => {
        calls[prop] = (calls[prop] ?? 0) + 1;
        if (prop === 'beginPath') moves = 0;
        if (prop === 'moveTo') moves++;
        if (prop === 'fill') ringsPerFill.push(moves);
        if (prop === 'setTransform') transforms.push(args as number[]);
        if (prop === 'fillText')
          texts.push({
            text: String(args[0]),
            x: args[1] as number,
            y: args[2] as number,
            font: String(target.font),
          });
      };
    },
    set(target, prop: string, value) {
      target[prop] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls, texts, ringsPerFill, transforms };
}
