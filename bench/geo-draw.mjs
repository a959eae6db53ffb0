// node bench/geo-draw.mjs: how long a frame of the geographic view takes.
// Bundles src/render/geo with Vite, then draws the 342 municipalities of the
// committed boundary file, coloured by size class, with the 25 GGD regions
// outlined and named, in headless Chromium (software rendering, as in the
// other benchmarks) at device pixel ratio 1 and 2: a pan at 'fast' quality, a
// zoomed-in pan, and frames at rest at 'full' quality. Each frame is timed
// from the start of drawGeoScene to a 1-pixel getImageData, which waits for
// the rasteriser, so the figure includes the pixels and not only the calls.
// Also times the JavaScript alone in Node against a canvas that does nothing.
// Prints a table and writes bench/results/geo-draw.json. Figures, never a test.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.mjs';

const FRAMES = 240;
const WIDTH = 1280;
const HEIGHT = 800;

const outDir = mkdtempSync(join(tmpdir(), 'nk-geo-bench-'));
const entry = join(outDir, 'entry.ts');
const src = resolve('src/render');
writeFileSync(
  entry,
  [
    `export { buildGeoModel, parseTopology, fitView } from '${src}/geo/geoModel';`,
    `export { buildRegions } from '${src}/geo/regions';`,
    `export { drawGeoScene } from '${src}/geo/drawGeoScene';`,
    `export { sizeClassColor } from '${src}/geo/choropleth';`,
    `export { batchByColor } from '${src}/drawScene';`,
    `export { createGeoLayerCache } from '${src}/geo/geoLayerCache';`,
  ].join('\n'),
);
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: false,
    minify: true,
    lib: { entry, formats: ['iife'], name: 'GeoBench', fileName: () => 'geo-bench.js' },
  },
});
const bundle = readFileSync(join(outDir, 'geo-bench.js'), 'utf8');

const topologyText = readFileSync('public/geo/gemeente-2025.topojson', 'utf8');
const municipalities = readFileSync('data/tables/municipalities.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    // Only code (first) and population (fourth from the end) are needed; names may hold commas.
    const cells = line.split(',');
    return { code: cells[0], population: Number(cells[cells.length - 4]) };
  });
const doc = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8'));
const ggdNames = new Map(doc.organisations.map((o) => [o.id, o.name]));
const ggdMembers = new Map();
for (const r of doc.relations)
  if (r.target.startsWith('ggd-') && r.type === 'member' && /^GM\d{4}$/.test(r.source))
    ggdMembers.set(r.target, [...(ggdMembers.get(r.target) ?? []), r.source]);
const regions = [...ggdMembers].map(([id, members]) => ({ id, name: ggdNames.get(id), members }));

/** Runs in the page: builds the scene once, then times the frames of each scenario. */
function pageBench({ topologyText, municipalities, regions, frames, width, height }) {
  const G = window.GeoBench;
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  document.body.appendChild(canvas);
  const ctx = canvas.getContext('2d');
  const t0 = performance.now();
  const model = G.buildGeoModel(
    G.parseTopology(topologyText),
    municipalities.map((m) => m.code),
  );
  const modelMs = performance.now() - t0;
  const t1 = performance.now();
  const geoRegions = G.buildRegions(model, regions);
  const regionsMs = performance.now() - t1;
  const population = new Map(municipalities.map((m) => [m.code, m.population]));
  const widths = new Map();
  const measure = document.createElement('canvas').getContext('2d');
  const scene = {
    model,
    fills: G.batchByColor(model.features.map((f) => G.sizeClassColor(population.get(f.code)))),
    regions: geoRegions,
    selected: model.index.get('GM0513'),
    hovered: null,
    selectedRegion: null,
    labelWidth(text, font) {
      const key = `${font}|${text}`;
      let w = widths.get(key);
      if (w === undefined) {
        measure.font = font;
        w = measure.measureText(text).width;
        widths.set(key, w);
      }
      return w;
    },
  };
  const fit = G.fitView(model.bounds, width, height);
  const view = (dx, dy, zoom) => ({
    x: width / 2 + (fit.x - width / 2) * zoom + dx,
    y: height / 2 + (fit.y - height / 2) * zoom + dy,
    k: fit.k * zoom,
    width,
    height,
    pixelRatio: ratio,
  });
  const quantile = (values, q) =>
    [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];
  const cache = G.createGeoLayerCache((w, h) => {
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    return c;
  });
  const direct = (v, quality) => G.drawGeoScene(ctx, scene, v, { quality, background: '#F7F8FA' });
  const cached = (v, quality) => cache.draw(ctx, scene, v, { quality, background: '#F7F8FA' });
  const run = (name, quality, viewAt, draw = direct) => {
    const total = [];
    const js = [];
    let stats;
    let redrawn = 0;
    for (let i = 0; i < frames; i++) {
      const start = performance.now();
      stats = draw(viewAt(i), quality);
      if (stats.cached === false) redrawn++;
      const drawn = performance.now();
      ctx.getImageData(0, 0, 1, 1);
      total.push(performance.now() - start);
      js.push(drawn - start);
    }
    return {
      name,
      quality,
      // On a shared machine the fastest tenth is the best guess of the cost without other work.
      p10: quantile(total, 0.1),
      median: quantile(total, 0.5),
      p95: quantile(total, 0.95),
      max: Math.max(...total),
      jsMedian: quantile(js, 0.5),
      fills: stats.fills,
      points: stats.points,
      labels: stats.labels.length,
      redrawn,
    };
  };
  // Warm up the JIT and the font cache, as a user's first pan would have done.
  run('warm-up', 'full', (i) => view(i, 0, 1));
  return {
    pixelRatio: ratio,
    modelMs,
    regionsMs,
    results: [
      run('pan, whole country', 'fast', (i) =>
        view(Math.sin(i / 20) * 300, Math.cos(i / 25) * 200, 1),
      ),
      run('pan, zoomed in ×8', 'fast', (i) =>
        view(Math.sin(i / 20) * 2000, Math.cos(i / 25) * 1500, 8),
      ),
      run('at rest, whole country', 'full', (i) => view(i % 2, 0, 1)),
      run('at rest, zoomed in ×4', 'full', (i) => view(i % 2, 0, 4)),
      run(
        'cached pan, whole country',
        'fast',
        (i) => view(Math.sin(i / 20) * 300, Math.cos(i / 25) * 200, 1),
        cached,
      ),
      run(
        'cached pan, zoomed in ×8',
        'fast',
        (i) => view(Math.sin(i / 20) * 2000, Math.cos(i / 25) * 1500, 8),
        cached,
      ),
      run('cached zoom gesture ×1–×3', 'fast', (i) => view(0, 0, 1 + (i % 60) / 30), cached),
    ],
  };
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const chromiumRuns = [];
for (const deviceScaleFactor of [1, 2]) {
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: HEIGHT },
    deviceScaleFactor,
  });
  const page = await context.newPage();
  await page.setContent('<!doctype html><html><body style="margin:0"></body></html>');
  await page.addScriptTag({ content: bundle });
  chromiumRuns.push(
    await page.evaluate(pageBench, {
      topologyText,
      municipalities,
      regions,
      frames: FRAMES,
      width: WIDTH,
      height: HEIGHT,
    }),
  );
  await context.close();
}
await browser.close();

// The JavaScript alone: the same draw against a context whose calls do nothing.
// The IIFE declares `var GeoBench`: inside a Function body that is a local, so hand it back.
const G = new Function(`${bundle}\nreturn GeoBench;`)();
const model = G.buildGeoModel(
  G.parseTopology(topologyText),
  municipalities.map((m) => m.code),
);
const population = new Map(municipalities.map((m) => [m.code, m.population]));
const noop = new Proxy({}, { get: () => () => undefined, set: () => true });
const nodeScene = {
  model,
  fills: G.batchByColor(model.features.map((f) => G.sizeClassColor(population.get(f.code)))),
  regions: G.buildRegions(model, regions),
  selected: null,
  hovered: null,
  selectedRegion: null,
  labelWidth: (text) => text.length * 6.5,
};
const fit = G.fitView(model.bounds, WIDTH, HEIGHT);
const nodeTimes = [];
for (let i = 0; i < 1000; i++) {
  const start = performance.now();
  G.drawGeoScene(
    noop,
    nodeScene,
    { ...fit, x: fit.x + (i % 50), width: WIDTH, height: HEIGHT, pixelRatio: 1 },
    { quality: i % 2 ? 'fast' : 'full', background: null },
  );
  nodeTimes.push(performance.now() - start);
}
const nodeMedian = [...nodeTimes].sort((a, b) => a - b)[500];

const round = (v) => Math.round(v * 100) / 100;
console.log(
  `\nGeographic view, ${WIDTH}×${HEIGHT} CSS px, ${FRAMES} frames per row, ${cpus()[0]?.model ?? ''}`,
);
console.log(
  'dpr | scenario                   | quality | p10 ms | median ms | p95 ms | max ms | of which JS (median) | fills | points | labels | base redrawn',
);
for (const run of chromiumRuns)
  for (const r of run.results)
    console.log(
      `${run.pixelRatio}   | ${r.name.padEnd(26)} | ${r.quality.padEnd(7)} | ${String(round(r.p10)).padStart(6)} | ${String(round(r.median)).padStart(9)} | ${String(round(r.p95)).padStart(6)} | ${String(round(r.max)).padStart(6)} | ${String(round(r.jsMedian)).padStart(20)} | ${String(r.fills).padStart(5)} | ${String(r.points).padStart(6)} | ${String(r.labels).padStart(6)} | ${r.name.startsWith('cached') ? `${r.redrawn} of ${FRAMES}` : ''}`,
    );
console.log(
  `load average during the run: ${loadavg().map(round).join(', ')} on ${cpus().length} cores`,
);
console.log(
  `model build ${round(chromiumRuns[0].modelMs)} ms, 25 GGD regions ${round(chromiumRuns[0].regionsMs)} ms (in Chromium); JS alone per frame in Node ${round(nodeMedian)} ms (median of 1000)`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/geo-draw.json',
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      cpu: cpus()[0]?.model ?? null,
      cores: cpus().length,
      // Other work on the machine moves these figures a lot; compare rows of one run.
      loadAverage: loadavg(),
      viewport: [WIDTH, HEIGHT],
      frames: FRAMES,
      chromium: chromiumRuns,
      nodeJsMedianMs: nodeMedian,
    },
    null,
    2,
  )}\n`,
);
