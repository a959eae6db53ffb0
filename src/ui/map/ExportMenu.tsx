import { useEffect, useId, useRef, useState } from 'react';
import { networkSourceUses } from '../../analysis/attribution';
import type { Network } from '../../domain/network';
import type { LegendEntry } from '../../render/picture';
import { canvasMeasure } from '../../render/shapes';
import { useUiStore } from '../../state/uiStore';
import { formatNumber } from '../format';
import { downloadPicture, pictureFrame } from '../pictures';
import { pictureTitle } from './mapExport';
import type { GraphCanvasHandle } from './GraphCanvas';
import { buildRenderModel } from './renderModel';
import type { GraphIndex } from '../../analysis/graphIndex';
import { interopExports } from './interopExports';
import type { ExportView } from '../../io/exportView';

interface Props {
  index: GraphIndex;
  /** The organisations and relations on screen now. */
  visible: Network;
  /** Empty when nothing is filtered. */
  suffix: string | null;
  /** What is shown, in words for a picture's title ("Gemeenten, Utrecht"); null: everything. */
  part: string | null;
  hidden: Uint8Array;
  colors: string[] | null;
  /** What the fill colours mean, for a picture's legend. */
  colorKey: LegendEntry[];
  /** The route that shows the same map, for a picture's footer. */
  link: string;
  canvas: () => GraphCanvasHandle | null;
  onClose(): void;
}

type Scope = 'scherm' | 'alles';

/** Export what is on screen, or everything, in the format the user needs. */
export function ExportMenu({
  index,
  visible,
  suffix,
  part,
  hidden,
  colors,
  colorKey,
  link,
  canvas,
  onClose,
}: Props) {
  const [scope, setScope] = useState<Scope>(suffix ? 'scherm' : 'alles');
  // A dialog: focus goes in when it opens, Escape closes it, and focus goes back to the opener.
  const panel = useRef<HTMLDivElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    panel.current?.querySelector<HTMLElement>('h2')?.focus();
  }, []);
  function close() {
    const back = opener.current;
    onClose();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  }
  const [separator, setSeparator] = useState<',' | ';'>(';');
  const [error, setError] = useState<string | null>(null);
  const announce = useUiStore((s) => s.announce);
  const headingId = useId();
  const network = scope === 'scherm' ? visible : index.network;
  const fileSuffix = scope === 'scherm' ? (suffix ?? undefined) : undefined;
  const title = pictureTitle(index.network.title, scope === 'scherm' ? part : null);

  const done = (name: string) => announce(`${name} is gedownload.`);

  /** The view's own picture of what is on screen (or everything), in the common frame. */
  async function picture(format: 'png' | 'svg') {
    const view = canvas()?.renderer();
    if (!view || !canvas()?.currentView()) throw new Error('De kaart is nog niet getekend.');
    if (!view.picture) throw new Error('Deze weergave kan nog niet als afbeelding worden bewaard.');
    const measure = canvasMeasure();
    const drawn = view.picture({ hidden: scope === 'scherm' ? hidden : null, colorKey, measure });
    const frame = pictureFrame(index.network, title, networkSourceUses(network), link);
    const name = await downloadPicture(drawn, frame, measure, format, fileSuffix);
    done(name);
  }

  async function run(action: () => Promise<void> | void) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  /** Positions, colours and sizes as on screen, so Gephi shows the network as it looks here. */
  function gephiView(): ExportView {
    const v = canvas()?.currentView();
    const model = buildRenderModel(index);
    const positions = new Map<string, { x: number; y: number }>();
    const colorMap = new Map<string, string>();
    const sizes = new Map<string, number>();
    model.nodes.forEach((n, i) => {
      if (v) positions.set(n.id, { x: v.xs[i]!, y: v.ys[i]! });
      colorMap.set(n.id, colors?.[i] ?? n.color);
      sizes.set(n.id, n.radius);
    });
    return { positions, colors: colorMap, sizes };
  }

  const formats: { id: string; label: string; action: () => Promise<void> | void }[] = [
    ...interopExports(network, fileSuffix, separator, gephiView, done),
    { id: 'png', label: 'PNG (afbeelding)', action: () => picture('png') },
    { id: 'svg', label: 'SVG (vector)', action: () => picture('svg') },
  ];

  return (
    <div
      ref={panel}
      className="export-menu panel"
      role="dialog"
      aria-labelledby={headingId}
      data-testid="export-menu"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="details-head">
        <h2 id={headingId} tabIndex={-1}>
          Exporteren
        </h2>
        <button type="button" onClick={close} aria-label="Exporteren sluiten">
          ✕
        </button>
      </div>
      <fieldset>
        <legend>Wat</legend>
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'scherm'}
            onChange={() => setScope('scherm')}
          />
          Wat op het scherm staat ({formatNumber(visible.organisations.length)} organisaties,{' '}
          {formatNumber(visible.relations.length)} relaties)
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={scope === 'alles'}
            onChange={() => setScope('alles')}
          />
          Alles ({formatNumber(index.organisations.length)} organisaties,{' '}
          {formatNumber(index.relations.length)} relaties)
        </label>
      </fieldset>
      <label className="inline">
        Scheidingsteken CSV
        <select
          value={separator}
          onChange={(e) => setSeparator(e.target.value === ',' ? ',' : ';')}
        >
          <option value=";">puntkomma (Nederlandse Excel)</option>
          <option value=",">komma</option>
        </select>
      </label>
      <div className="export-buttons">
        {formats.map((f) => (
          <button key={f.id} type="button" onClick={() => void run(f.action)}>
            {f.label}
          </button>
        ))}
      </div>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
