import { forwardRef, useEffect, useMemo, useRef } from 'react';
import {
  divisionChoices,
  divisionRegions,
  networkChoices,
  networkOnMap,
  regionOf,
  shortRegionNames,
  shownNetwork,
  type DivisionChoice,
  type DivisionRegion,
  type NetworkOnMap,
} from '../../analysis/geography';
import type { GraphIndex } from '../../analysis/graphIndex';
import { buildMemberships, type Memberships } from '../../analysis/memberships';
import { displayName } from '../../domain/organisation';
import type { GeoColorMode as GeoFill } from '../../render/geo/choropleth';
import {
  BOUNDARIES_CREDIT,
  createGeoView,
  distinctAreaColors,
  itemColors,
  type GeoMapView,
} from '../../render/geo/geoKit';
import type { GeoModel } from '../../render/geo/geoModel';
import type { MapArea, MapViewFactory } from '../../render/mapViewTypes';
import type { GeoColorMode, MapViewState } from '../../state/mapView';
import { formatReferenceDate } from '../DataDate';
import { memberCountText } from '../memberCount';
import { GraphCanvas, type GraphCanvasHandle } from './GraphCanvas';
import {
  GEO_COLOR_LABELS,
  GeoControls,
  GeoLegend,
  GeoSummary,
  type RegionOnMap,
} from './GeoPanels';
import type { GeoSvgMeta } from '../../render/geo/geoSvg';

/** A swatch per item; `dash` draws a line instead, for an outline. */
type LegendItem = GeoSvgMeta['legend'][number];

// The map screen's part for the map of the Netherlands, loaded with the view
// (see useGeo.ts) so none of it weighs on the first page: what the chosen
// network, division and colouring mean for each municipality, and the
// pieces the map screen places around the canvas.

export { loadGeoModel } from '../../render/geo/geoKit';

const GEO_FILLS: Record<GeoColorMode, GeoFill> = {
  deelname: 'members',
  grootteklasse: 'sizeClass',
  inwoners: 'inhabitants',
};

/** What the map of the Netherlands shows, worked out once per change of the view. */
export interface GeoScreen {
  memberships: Memberships;
  networks: number[];
  divisions: DivisionChoice[];
  division: DivisionChoice | null;
  regions: DivisionRegion[] | null;
  regionsOnMap: RegionOnMap[] | null;
  /** What the view outlines: the regions (by their short names) and the network's members. */
  areas: MapArea[];
  /** The network chosen in the control (netwerk=). */
  chosen: number | null;
  /** The network coloured: the one chosen, else a selected one. */
  onMap: NetworkOnMap | null;
  colors: string[];
  /** The colours and lines on the map, for the legend beside it and in exports. */
  legend: LegendItem[];
  /** What is shown and the date of the data, in one line (exports). */
  subtitle: string;
  /** The canvas's accessible name. */
  label: string;
}

export interface GeoScreenInput {
  index: GraphIndex;
  model: GeoModel;
  view: Pick<MapViewState, 'network' | 'division' | 'geoColor'>;
  selected: number | null;
  /** Some municipalities are greyed by the filters. */
  filtered: boolean;
}

const membershipsOf = new WeakMap<GraphIndex, Memberships>();

export function geoScreen({ index, model, view, selected, filtered }: GeoScreenInput): GeoScreen {
  let memberships = membershipsOf.get(index);
  if (!memberships) membershipsOf.set(index, (memberships = buildMemberships(index)));
  const divisions = divisionChoices(index, memberships);
  const division = divisions.find((d) => d.category === view.division) ?? null;
  const regions = division ? divisionRegions(index, memberships, division.category) : null;
  const chosen = shownNetwork(index, memberships, view.network, null);
  const shown = shownNetwork(index, memberships, view.network, selected);
  const onMap = shown === null ? null : networkOnMap(index, memberships, shown);
  const codeOf = (m: number) => index.organisations[m]!.cbsCode ?? '';

  const fill = GEO_FILLS[view.geoColor];
  let areaColors: Map<number, string> | null = null;
  // Without a network to colour, a division's regions are the areas, each its own fill.
  if (fill === 'members' && !onMap && regions) {
    const fills = distinctAreaColors(
      model,
      regions.map((r) => ({ members: r.members.map(codeOf) })),
    );
    areaColors = new Map();
    regions.forEach((r, k) => r.members.forEach((m) => areaColors!.set(m, fills[k]!)));
  }
  const networkName = onMap ? displayName(index.organisations[onMap.network]!) : null;
  const coloring = itemColors(index.organisations, fill, {
    members: onMap?.members ?? null,
    ...(networkName ? { networkName } : {}),
    areaColors,
  });
  const legend: LegendItem[] = [
    ...coloring.legend,
    ...(filtered ? [{ label: 'buiten de filters', color: '#F0F1F3' }] : []),
    ...(division ? [{ label: `grens van een ${division.label}`, color: '#1F2937', dash: [] }] : []),
  ];
  const referenceDate = index.network.referenceDate;
  const subtitle = [
    onMap && networkName
      ? `${networkName}, deelnemende gemeenten: ${memberCountText(onMap.listed, onMap.expected)}`
      : null,
    division?.plural ?? null,
    view.geoColor !== 'deelname' ? `kleur: ${GEO_COLOR_LABELS[view.geoColor]}` : null,
    referenceDate ? `gegevens van ${formatReferenceDate(referenceDate)}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const short = regions ? shortRegionNames(regions.map((r) => r.name)) : [];
  const areas: MapArea[] = [
    ...(regions ?? []).map((r, k) => ({ item: r.item, name: short[k]!, members: r.members })),
    ...(onMap
      ? [
          {
            item: onMap.network,
            name: networkName ?? '',
            members: [...onMap.members],
            kind: 'members' as const,
          },
        ]
      : []),
  ];
  const label = [
    'Kaart van Nederland met de gemeenten',
    networkName ? `gekleurd: de deelnemers van ${networkName}` : null,
    division ? `${division.plural} omlijnd en benoemd` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return {
    memberships,
    networks: networkChoices(index, memberships),
    divisions,
    division,
    regions,
    regionsOnMap:
      regions?.map((r) => ({
        item: r.item,
        name: r.name,
        members: r.members.length,
        drawn: r.members.some((m) => model.index.has(codeOf(m))),
      })) ?? null,
    areas,
    chosen,
    onMap,
    colors: coloring.colors,
    legend,
    subtitle,
    label,
  };
}

/** The name of the region a municipality lies in, for the tooltip; null without a division. */
export function regionNameOf(screen: GeoScreen, index: GraphIndex, item: number): string | null {
  if (!screen.regions) return null;
  const region = regionOf(screen.regions, item);
  return region === null ? null : index.organisations[region]!.name;
}

/** The geographic view's test hook: where a municipality is on screen, and what was drawn. */
function exposeForTests(view: GeoMapView) {
  const g = globalThis as { __netwerkkaart?: Record<string, unknown> };
  (g.__netwerkkaart ??= {}).geo = {
    screenPointOf: (code: string) => view.screenPointOf(code),
    drawn: () => view.drawn(),
  };
}

interface MapProps {
  screen: GeoScreen;
  index: GraphIndex;
  model: GeoModel;
  hidden: Uint8Array | null;
  selected: number | null;
  highlighted: Uint8Array | null;
  onSelect(item: number | null): void;
  onHover(item: number | null, clientX: number, clientY: number): void;
}

/** The canvas of the map of the Netherlands, with the boundaries' source. */
export const GeoMap = forwardRef<GraphCanvasHandle, MapProps>(function GeoMap(
  { screen, index, model, hidden, selected, highlighted, onSelect, onHover },
  ref,
) {
  // A report picture of the map carries the legend and what is shown, as the side panel says them.
  const pictureMeta = useMemo(
    () => ({ legend: screen.legend, subtitle: screen.subtitle }),
    [screen.legend, screen.subtitle],
  );
  const viewRef = useRef<GeoMapView | null>(null);
  const createView = useMemo<MapViewFactory>(
    () => (element, callbacks) => {
      const view = createGeoView(element, callbacks, model);
      viewRef.current = view;
      exposeForTests(view);
      return view;
    },
    [model],
  );
  // The canvas makes its view in its own mount effect, which runs before this one.
  useEffect(() => viewRef.current?.setPictureMeta(pictureMeta), [pictureMeta, createView]);
  return (
    <>
      <GraphCanvas
        ref={ref}
        index={index}
        createView={createView}
        persistLayout={false}
        testId="geo-canvas"
        hidden={hidden}
        selected={selected}
        highlighted={highlighted}
        colors={screen.colors}
        areas={screen.areas}
        label={screen.label}
        onSelect={onSelect}
        onHover={onHover}
      />
      <p className="geo-credit">{BOUNDARIES_CREDIT}</p>
    </>
  );
});

/** Beside the map: what to show (network, division, colour), and what is shown in words. */
export function GeoSide({
  screen,
  index,
  view,
  selected,
  onChange,
  onSelect,
}: {
  screen: GeoScreen;
  index: GraphIndex;
  view: Pick<MapViewState, 'geoColor'>;
  selected: number | null;
  onChange(change: Partial<MapViewState>): void;
  onSelect(item: number): void;
}) {
  return (
    <section className="geo-side" aria-labelledby="geo-side-title">
      <h2 id="geo-side-title" className="small-heading">
        Kaart van Nederland
      </h2>
      <GeoControls
        index={index}
        networks={screen.networks}
        network={screen.chosen}
        divisions={screen.divisions}
        division={screen.division?.category ?? null}
        color={view.geoColor}
        onNetwork={(network) => onChange({ network })}
        onDivision={(division) => onChange({ division })}
        onColor={(geoColor) => onChange({ geoColor })}
      />
      <GeoLegend items={screen.legend} credit={BOUNDARIES_CREDIT} />
      <GeoSummary
        index={index}
        onMap={screen.onMap}
        fromSelection={screen.onMap !== null && screen.onMap.network !== screen.chosen}
        division={screen.division}
        regions={screen.regionsOnMap}
        selected={selected}
        onSelect={onSelect}
      />
    </section>
  );
}
