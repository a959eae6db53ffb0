import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { GEO_COLORS } from '../../../../src/render/geo/choropleth';
import { buildGeoModel, fitView } from '../../../../src/render/geo/geoModel';
import { geoSvg } from '../../../../src/render/geo/geoSvg';
import { buildRegion, buildRegions } from '../../../../src/render/geo/regions';
import { loadGgdRegions, loadMunicipalities, loadTopology } from './geoFixtures';

const model = buildGeoModel(
  loadTopology(),
  loadMunicipalities().map((m) => m.code),
);
const regions = buildRegions(model, loadGgdRegions());
const gouda = model.index.get('GM0513')!;

function svgOf(width: number, height: number, extra: Partial<Parameters<typeof geoSvg>[0]> = {}) {
  return geoSvg({
    model,
    featureColor: (f) => (f === gouda ? GEO_COLORS.member : GEO_COLORS.other),
    regions,
    selected: gouda,
    selectedRegion: regions.findIndex((r) => r.id === 'ggd-hollands-midden'),
    labels: [
      { x: 10, y: 20, width: 60, height: 15, text: 'Hollands-Midden', kind: 'region', index: 0 },
    ],
    transform: fitView(model.bounds, width, height),
    width,
    height,
    title: 'Samenwerking <K80> & "regio\'s"',
    subtitle: 'K80: 11 van 64 bekend · gegevens van 1 januari 2025',
    legend: [
      { label: 'deelnemer van K80', color: GEO_COLORS.member },
      { label: 'grens van een GGD-regio', color: '#1F2937', dash: [] },
    ],
    credit: 'Grenzen: CBS/PDOK, CC BY 4.0',
    ...extra,
  });
}

describe('the map of the Netherlands as SVG', () => {
  it('is well-formed XML with a path per municipality, the regions, names, legend and source', () => {
    const text = svgOf(900, 1000);
    const errors: string[] = [];
    const doc = new DOMParser({
      errorHandler: {
        warning: () => undefined,
        error: (message: string) => void errors.push(message),
        fatalError: (message: string) => void errors.push(message),
      },
    }).parseFromString(text, 'image/svg+xml');
    expect(errors).toEqual([]);
    const paths = Array.from(doc.getElementsByTagName('path'));
    const municipalities = paths.filter((p) => p.getAttribute('data-code'));
    expect(municipalities).toHaveLength(342);
    const goudaPath = municipalities.find((p) => p.getAttribute('data-code') === 'GM0513')!;
    expect(goudaPath.getAttribute('fill')).toBe(GEO_COLORS.member);
    expect(goudaPath.getElementsByTagName('title')[0]!.textContent).toBe('Gouda');
    expect(doc.getElementById('regios')!.getElementsByTagName('path')).toHaveLength(25);
    expect(doc.getElementById('gekozen-gemeente')).not.toBeNull();
    expect(doc.getElementById('gekozen-regio')).not.toBeNull();
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).toContain('Samenwerking <K80> & "regio\'s"');
    expect(texts).toContain('K80: 11 van 64 bekend · gegevens van 1 januari 2025');
    expect(texts).toContain('Hollands-Midden');
    expect(texts).toContain('deelnemer van K80');
    expect(texts).toContain('Grenzen: CBS/PDOK, CC BY 4.0');
    // An outline in the legend is a line, a fill a square.
    expect(doc.getElementById('legenda')!.getElementsByTagName('line')).toHaveLength(1);
  });

  it('leaves out what lies outside the view, and outlines the members of a network', () => {
    const goudaFeature = model.features[gouda]!;
    const near = svgOf(600, 400, {
      transform: fitView(goudaFeature.bbox, 600, 400, 150),
      memberArea: buildRegion(model, { id: 'k80', name: '', members: ['GM0513', 'GM0484'] }),
    });
    const count = (near.match(/data-code=/g) ?? []).length;
    expect(count).toBeGreaterThan(3);
    expect(count).toBeLessThan(40);
    expect(near).toContain('id="deelnemers"');
    expect(near.length).toBeLessThan(svgOf(600, 400).length);
  });
});
