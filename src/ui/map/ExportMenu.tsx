import { useEffect, useId, useRef, useState } from 'react';
import type { Network } from '../../domain/network';
import { exportFileName } from '../../io/exportNetwork';
import { exportSvg } from '../../render/svgExport';
import { useUiStore } from '../../state/uiStore';
import { downloadBlob, downloadText } from '../download';
import { formatNumber } from '../format';
import { drawPng, legendItems, type LegendItem } from './mapExport';
import type { GraphCanvasHandle } from './GraphCanvas';
import { buildRenderModel } from './renderModel';
import type { GraphIndex } from '../../analysis/graphIndex';
import { interopExports } from './interopExports';
import type { ExportView } from '../../io/exportView';
import type { MapView } from '../../render/mapViewTypes';

interface Props {
  index: GraphIndex;
  /** The organisations and relations on screen now. */
  visible: Network;
  /** Empty when nothing is filtered. */
  suffix: string | null;
  hidden: Uint8Array;
  colors: string[] | null;
  colorMode: 'soort' | 'cluster';
  canvas: () => GraphCanvasHandle | null;
  /** Set when the picture is not the force graph (the map of the Netherlands): what PNG and SVG show. */
  picture?: PictureExport | undefined;
  onClose(): void;
}

/** What the image exports need from a view other than the force graph. */
export interface PictureExport {
  /** A line under the title: what is shown and the date of the data. */
  subtitle: string;
  legend: LegendItem[];
  /** The view on screen as SVG, under this title (with its own sources, e.g. the boundaries'). */
  svg(title: string, view: MapView): string;
}

type Scope = 'scherm' | 'alles';

/** Export what is on screen, or everything, in the format the user needs. */
export function ExportMenu({
  index,
  visible,
  suffix,
  hidden,
  colors,
  colorMode,
  canvas,
  picture,
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
  const title = `${index.network.title}${scope === 'scherm' && suffix ? ` (${suffix})` : ''}`;

  const done = (name: string) => announce(`${name} is gedownload.`);

  function viewForImage() {
    const view = canvas()?.currentView();
    if (!view) throw new Error('De kaart is nog niet getekend.');
    const shownHidden = scope === 'scherm' ? hidden : null;
    return { view, shownHidden };
  }

  /** A view that draws its own SVG; "Alles" shows what the filters hide, as the PNG does. */
  function pictureSvg(p: PictureExport) {
    const renderer = canvas()?.renderer();
    if (!renderer) throw new Error('De kaart is nog niet getekend.');
    if (scope === 'alles') renderer.setHidden(null);
    try {
      const name = exportFileName(new Date(), fileSuffix, 'svg');
      downloadText(p.svg(title, renderer), name, 'image/svg+xml');
      done(name);
    } finally {
      if (scope === 'alles') renderer.setHidden(hidden);
    }
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
    {
      id: 'png',
      label: 'PNG (afbeelding)',
      action: async () => {
        const renderer = canvas()?.renderer();
        const { view } = viewForImage();
        if (!renderer) throw new Error('De kaart is nog niet getekend.');
        if (scope === 'alles') renderer.setHidden(null);
        try {
          const blob = await drawPng(
            (ctx, w, h, s) => renderer.drawTo(ctx, w, h, s),
            view.width,
            view.height,
            title,
            picture?.legend ?? legendItems(colorMode),
            picture?.subtitle,
          );
          const name = exportFileName(new Date(), fileSuffix, 'png');
          downloadBlob(blob, name);
          done(name);
        } finally {
          if (scope === 'alles') renderer.setHidden(hidden);
        }
      },
    },
    {
      id: 'svg',
      label: 'SVG (vector)',
      action: () => {
        if (picture) return pictureSvg(picture);
        const { view, shownHidden } = viewForImage();
        const model = buildRenderModel(index);
        const svg = exportSvg({
          nodes: model.nodes,
          edges: model.edges,
          xs: view.xs,
          ys: view.ys,
          hidden: shownHidden,
          colors: colors ?? model.colors,
          transform: view.transform,
          width: view.width,
          height: view.height,
          title,
          legend: legendItems(colorMode),
        });
        const name = exportFileName(new Date(), fileSuffix, 'svg');
        downloadText(svg, name, 'image/svg+xml');
        done(name);
      },
    },
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
