import { useEffect, useMemo, useRef, useState } from 'react';
import { buildGraphIndex, type GraphIndex } from '../../analysis/graphIndex';
import { computeVisibility } from '../../analysis/visibility';
import { hubs } from '../../analysis/networkStats';
import { listInWords } from '../../analysis/peers';
import { rolesOnTheme } from '../../analysis/knowledge';
import { displayName, ORGANISATION_DOMAINS } from '../../domain/organisation';
import { THEME_ROLE_COLORS } from '../../render/palette';
import { DataDate } from '../DataDate';
import type { Network } from '../../domain/network';
import { KIND_LABELS } from '../../domain/organisation';
import { useUiStore } from '../../state/uiStore';
import { formatNumber } from '../format';
import { NetworkPage } from '../NetworkPage';
import { DetailsPanel } from './DetailsPanel';
import { FilterPanel } from './FilterPanel';
import { GraphCanvas, type GraphCanvasHandle } from './GraphCanvas';
import { Legend } from './Legend';
import { OrganisationTable } from './OrganisationTable';
import { SearchBox } from './SearchBox';
import { useMapView } from './useMapView';
import { useStructure } from './useStructure';
import { ExportMenu } from './ExportMenu';
import { filterSuffix, filterWords, mapColorKey, pictureTitle } from './mapExport';
import { appLink } from '../pictures';
import { mapLink } from '../../state/mapView';
import { OrganisationForm } from '../edit/OrganisationForm';
import { RelationForm } from '../edit/RelationForm';
import { useEditor } from '../edit/useEditor';
import { relationsOf } from '../../domain/edits';
import type { Organisation } from '../../domain/organisation';
import { clusterColor } from '../../render/palette';
import { describeGroups } from '../../analysis/groups';
import { useGeo } from './useGeo';

export function MapPage() {
  return <NetworkPage title="Kaart" screen={MapScreen} />;
}

interface Tooltip {
  index: number;
  x: number;
  y: number;
  /** The view that showed it: a name from the other view must not hang over this one. */
  view: 'kaart' | 'land';
}

function MapScreen({ network }: { network: Network }) {
  const [view, update] = useMapView();
  const index: GraphIndex = useMemo(() => buildGraphIndex(network), [network]);
  const canvas = useRef<GraphCanvasHandle>(null);
  const geoCanvas = useRef<GraphCanvasHandle>(null);
  // The map on screen: the force graph, or the map of the Netherlands.
  const onLand = view.view === 'land';
  const activeCanvas = () => (onLand ? geoCanvas : canvas).current;
  // The force graph (and its layout) starts once it is wanted: a link to the map of the
  // Netherlands costs no layout on a busy machine.
  const [graphWanted, setGraphWanted] = useState(!onLand);
  if (!graphWanted && !onLand) setGraphWanted(true);
  const stageRef = useRef<HTMLDivElement>(null);
  const announce = useUiStore((s) => s.announce);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const [exporting, setExporting] = useState(false);
  const [editor, setEditor] = useState<
    | { mode: 'organisation'; editing: Organisation | null }
    | { mode: 'relation'; from: string; picked: string | null }
    | null
  >(null);
  const { apply } = useEditor();

  // One answer to "what is shown" for the canvas, its label, the counts, the table and the export.
  const { filters, depth, focus, lit } = view;
  // Organisations nearly every municipality is in: two steps through them reach everything.
  const hubSet = useMemo(() => hubs(index), [index]);
  const hubNames = useMemo(
    () => listInWords([...hubSet].map((i) => displayName(index.organisations[i]!))),
    [hubSet, index],
  );
  const stopAt = view.throughHubs || hubSet.size === 0 ? undefined : hubSet;
  const visibility = useMemo(
    () =>
      computeVisibility(index, {
        filters,
        selected: view.selected,
        depth,
        focus,
        lit,
        ...(stopAt ? { stopAt } : {}),
      }),
    [index, filters, view.selected, depth, focus, lit, stopAt],
  );
  // Koplopers and volgers on a chosen theme, coloured; the rest fades.
  const theme = view.theme ? (network.themes ?? []).find((t) => t.id === view.theme) : undefined;
  const themeRoles = useMemo(
    () => (theme ? rolesOnTheme(network, theme.id) : null),
    [network, theme],
  );
  const themeColors = useMemo(
    () =>
      themeRoles
        ? index.organisations.map((o) => THEME_ROLE_COLORS[themeRoles.get(o.id)?.role ?? 'none'])
        : null,
    [themeRoles, index],
  );
  const selected = visibility.selected;
  const focusName = view.focus && selected !== null ? index.organisations[selected]!.name : null;
  const selectedId = selected !== null ? index.organisations[selected]!.id : null;
  // Clusters and brokers are computed only when shown: the cluster colouring or a selection.
  const { structure, error: structureError } = useStructure(
    index,
    view.color === 'cluster' || selected !== null,
  );
  const clusterColors = useMemo(
    () =>
      themeColors ??
      (view.color === 'cluster' && structure
        ? Array.from(structure.community, (c) => clusterColor(c))
        : null),
    [view.color, structure, themeColors],
  );
  const groupKey = useMemo(
    () =>
      view.color === 'cluster' && structure
        ? describeGroups(structure.community, (i) => index.incident[i]!.length).map((g) => ({
            community: g.community,
            size: g.size,
            leaders: g.leaders.map(
              (i) => index.organisations[i]!.shortName ?? index.organisations[i]!.name,
            ),
          }))
        : null,
    [view.color, structure, index],
  );

  // The map of the Netherlands: loaded when first opened, kept after that.
  const { geo, error: geoError, retry: retryGeo } = useGeo(onLand);
  const { network: geoNetwork, division: geoDivision, geoColor } = view;
  const land = useMemo(
    () =>
      geo?.ui.geoScreen({
        index,
        model: geo.model,
        view: { network: geoNetwork, division: geoDivision, geoColor },
        selected,
        filtered: visibility.filtered,
      }) ?? null,
    [geo, index, geoNetwork, geoDivision, geoColor, selected, visibility.filtered],
  );

  const provinces = useMemo(
    () =>
      [
        ...new Set(network.organisations.map((o) => o.province).filter((p): p is string => !!p)),
      ].sort((a, b) => a.localeCompare(b, 'nl')),
    [network],
  );
  const domains = useMemo(() => {
    const present = new Set(network.organisations.map((o) => o.domain));
    return ORGANISATION_DOMAINS.filter((d) => present.has(d));
  }, [network]);

  // Say what was selected, for screen readers.
  useEffect(() => {
    if (selected === null) return;
    const org = index.organisations[selected]!;
    announce(
      `${org.name} geselecteerd (${KIND_LABELS[org.kind].nl.toLowerCase()}), ${formatNumber(index.incident[selected]!.length)} relaties.`,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce once per selection
  }, [selectedId]);

  // "Only the neighbourhood" shows a handful of organisations: bring them into view.
  useEffect(() => {
    if (view.focus && selectedId !== null) activeCanvas()?.zoomToFit();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refit only when the neighbourhood changes
  }, [view.focus, view.depth, selectedId]);

  function select(i: number | null, zoom = false) {
    // While a relation is being added, a click picks its other end.
    if (editor?.mode === 'relation') {
      if (i !== null) setEditor({ ...editor, picked: index.organisations[i]!.id });
      return;
    }
    update({ selected: i === null ? null : index.organisations[i]!.id }, true);
    if (i !== null && zoom) {
      activeCanvas()?.zoomToNode(i);
      // On a narrow screen the map is below the filters: bring it into view.
      if (window.matchMedia?.('(max-width: 60rem)').matches)
        stageRef.current?.scrollIntoView({ block: 'start' });
    }
  }

  return (
    <div className="map-screen">
      <div className="sidebar">
        <h1 className="visually-hidden">Kaart van het netwerk</h1>
        <SearchBox organisations={index.organisations} onChoose={(i) => select(i, true)} />
        {onLand && geo && land && (
          <geo.ui.GeoSide
            screen={land}
            index={index}
            view={view}
            selected={selected}
            onChange={(change) => update(change, true)}
            onSelect={(i) => select(i, true)}
          />
        )}
        <FilterPanel
          filters={view.filters}
          provinces={provinces}
          domains={domains}
          result={visibility}
          totals={{ nodes: index.organisations.length, edges: index.relations.length }}
          onChange={(filters) => update({ filters })}
          kindSwatches={view.color === 'soort'}
        />
        {!onLand && (
          <Legend
            colorMode={theme ? 'thema' : view.color}
            clusters={view.color === 'cluster' ? (structure?.communityCount ?? null) : null}
            structureError={structureError}
            groups={groupKey}
            theme={
              theme && themeRoles
                ? {
                    label: theme.label,
                    frontrunners: [...themeRoles.values()].filter((r) => r.role === 'frontrunner')
                      .length,
                    followers: [...themeRoles.values()].filter((r) => r.role === 'follower').length,
                  }
                : null
            }
          />
        )}
        <DataDate network={network} />
      </div>
      <div className="stage" ref={stageRef}>
        <p className="print-only map-print-title" aria-hidden="true">
          {pictureTitle(
            network.title,
            visibility.filtered ? filterWords(view.filters, focusName).join(', ') || null : null,
          )}
        </p>
        <div className="toolbar" role="toolbar" aria-label="Kaartweergave">
          <div className="segmented" role="group" aria-label="Weergave">
            <button
              type="button"
              aria-pressed={view.view === 'kaart'}
              onClick={() => update({ view: 'kaart' }, true)}
            >
              Kaart
            </button>
            <button
              type="button"
              aria-pressed={onLand}
              onClick={() => update({ view: 'land' }, true)}
            >
              Nederland
            </button>
            <button
              type="button"
              aria-pressed={view.view === 'tabel'}
              onClick={() => update({ view: 'tabel' }, true)}
            >
              Tabel
            </button>
          </div>
          <button
            type="button"
            aria-pressed={view.focus}
            disabled={selected === null}
            onClick={() => update({ focus: !view.focus })}
          >
            Alleen omgeving
          </button>
          {!onLand && (
            <label className="inline">
              Kleur
              <select
                value={theme ? `thema:${theme.id}` : view.color}
                onChange={(e) => {
                  const value = e.target.value;
                  if (value.startsWith('thema:'))
                    update({ color: 'soort', theme: value.slice('thema:'.length) });
                  else update({ color: value === 'cluster' ? 'cluster' : 'soort', theme: null });
                }}
              >
                <option value="soort">per soort</option>
                <option value="cluster">per groep</option>
                {(network.themes ?? []).length > 0 && (
                  <optgroup label="Koplopers en volgers op">
                    {(network.themes ?? []).map((t) => (
                      <option key={t.id} value={`thema:${t.id}`}>
                        {t.label}
                      </option>
                    ))}
                  </optgroup>
                )}
              </select>
            </label>
          )}
          <label className="inline">
            Omgeving
            <select
              value={view.depth}
              onChange={(e) => update({ depth: e.target.value === '2' ? 2 : 1 })}
            >
              <option value={1}>1 stap</option>
              <option value={2}>2 stappen</option>
            </select>
          </label>
          {view.depth === 2 && hubSet.size > 0 && (
            <label
              className="inline"
              title={`${hubNames}: (bijna) alle gemeenten zitten erin, dus twee stappen via hen bereiken alles`}
            >
              <input
                type="checkbox"
                checked={view.throughHubs}
                onChange={(e) => update({ throughHubs: e.target.checked })}
                data-testid="through-hubs"
              />
              ook via {hubNames}
            </label>
          )}
          {view.view !== 'tabel' && (
            <>
              <button
                type="button"
                onClick={() => activeCanvas()?.zoomBy(1.4)}
                aria-label="Inzoomen"
              >
                +
              </button>
              <button
                type="button"
                onClick={() => activeCanvas()?.zoomBy(1 / 1.4)}
                aria-label="Uitzoomen"
              >
                −
              </button>
              <button type="button" onClick={() => activeCanvas()?.zoomToFit()}>
                Alles tonen
              </button>
              {!onLand && (
                <>
                  <button type="button" onClick={() => canvas.current?.releasePins()}>
                    Losmaken
                  </button>
                  <button type="button" onClick={() => canvas.current?.rerunLayout()}>
                    Opnieuw indelen
                  </button>
                </>
              )}
              <button
                type="button"
                aria-haspopup="dialog"
                aria-expanded={exporting}
                onClick={() => setExporting(!exporting)}
              >
                Exporteren…
              </button>
            </>
          )}
          <button
            type="button"
            onClick={() => {
              // One panel at a time: the form takes the place of the export menu.
              setExporting(false);
              setEditor({ mode: 'organisation', editing: null });
            }}
          >
            Nieuwe organisatie
          </button>
        </div>
        <div className="stage-body">
          <div className="canvas-wrap" hidden={view.view !== 'kaart'}>
            {view.lit.length > 0 && (
              <div className="lit-banner" role="status">
                {formatNumber(view.lit.length)} organisaties gemarkeerd
                <button type="button" onClick={() => update({ lit: [] })}>
                  Markering opheffen
                </button>
              </div>
            )}
            {graphWanted && (
              <GraphCanvas
                ref={canvas}
                index={index}
                hidden={visibility.hidden}
                selected={selected}
                highlighted={visibility.lit}
                colors={clusterColors}
                label={`Netwerkkaart met ${formatNumber(visibility.nodeCount)} organisaties en ${formatNumber(visibility.edgeCount)} relaties`}
                onSelect={(i) => select(i)}
                onHover={(i, x, y) =>
                  setTooltip(i === null ? null : { index: i, x, y, view: 'kaart' })
                }
              />
            )}
          </div>
          {(onLand || geo) && (
            <div className="canvas-wrap" hidden={!onLand}>
              {view.lit.length > 0 && (
                <div className="lit-banner" role="status">
                  {formatNumber(view.lit.length)} organisaties gemarkeerd
                  <button type="button" onClick={() => update({ lit: [] })}>
                    Markering opheffen
                  </button>
                </div>
              )}
              {geo && land ? (
                <geo.ui.GeoMap
                  ref={geoCanvas}
                  screen={land}
                  index={index}
                  model={geo.model}
                  hidden={visibility.hidden}
                  selected={selected}
                  highlighted={view.lit.length > 0 ? visibility.lit : null}
                  onSelect={(i) => select(i)}
                  onHover={(i, x, y) =>
                    setTooltip(i === null ? null : { index: i, x, y, view: 'land' })
                  }
                />
              ) : geoError ? (
                <div className="status error-box" role="alert">
                  {geoError}{' '}
                  <button type="button" onClick={retryGeo}>
                    Opnieuw proberen
                  </button>
                </div>
              ) : (
                <p className="status" role="status">
                  De kaart van Nederland wordt geladen…
                </p>
              )}
            </div>
          )}
          {tooltip && tooltip.view === view.view && (
            <div
              className="tooltip"
              role="tooltip"
              style={{ left: tooltip.x + 14, top: tooltip.y + 14 }}
            >
              <strong>{index.organisations[tooltip.index]!.name}</strong>
              <span>
                {KIND_LABELS[index.organisations[tooltip.index]!.kind].nl}
                {index.organisations[tooltip.index]!.population !== undefined &&
                  ` · ${formatNumber(index.organisations[tooltip.index]!.population!)} inwoners`}
              </span>
              {onLand && geo && land && (
                <span>{geo.ui.regionNameOf(land, index, tooltip.index)}</span>
              )}
            </div>
          )}
          {exporting && view.view !== 'tabel' && (
            <ExportMenu
              index={index}
              visible={visibility.network()}
              suffix={visibility.filtered ? filterSuffix(view.filters, focusName) : null}
              part={
                visibility.filtered ? filterWords(view.filters, focusName).join(', ') || null : null
              }
              hidden={visibility.hidden}
              colors={clusterColors}
              colorKey={mapColorKey({
                mode: theme ? 'thema' : view.color,
                theme,
                groups: groupKey,
              })}
              link={appLink(mapLink(view))}
              canvas={activeCanvas}
              onClose={() => setExporting(false)}
            />
          )}
          {view.view === 'tabel' && (
            <OrganisationTable
              index={index}
              rows={visibility.rows}
              selected={selected}
              onSelect={(i) => select(i)}
            />
          )}
        </div>
      </div>
      {editor?.mode === 'organisation' && (
        <div className="details">
          <OrganisationForm
            network={network}
            editing={editor.editing}
            onDone={(id) => {
              setEditor(null);
              if (id) update({ selected: id }, true);
            }}
          />
        </div>
      )}
      {editor?.mode === 'relation' && (
        <div className="details">
          <RelationForm
            network={network}
            sourceId={editor.from}
            picked={editor.picked}
            onDone={() => setEditor(null)}
          />
        </div>
      )}
      {editor === null && selected !== null && (
        <DetailsPanel
          index={index}
          selected={selected}
          structure={structure}
          onSelect={(i) => select(i, true)}
          onClose={() => select(null)}
          onEdit={() =>
            setEditor({ mode: 'organisation', editing: index.organisations[selected]! })
          }
          onAddRelation={() =>
            setEditor({ mode: 'relation', from: index.organisations[selected]!.id, picked: null })
          }
          onRemove={() => {
            const org = index.organisations[selected]!;
            // Deselect now, not when the write is done: by then the user may be on another page.
            select(null);
            void apply([
              {
                type: 'removeOrganisation',
                organisation: org,
                relations: relationsOf(network, org.id),
              },
            ]);
          }}
        />
      )}
    </div>
  );
}
