// npm run bench: builds the app and measures it in headless Chromium on
// generated networks of 500, 2 000, 10 000 and 50 000 organisations, next to
// vasturiano/force-graph on the same graphs and d3-force alone in Node; and
// on the national data, the first frame and the map of the Netherlands while
// it is panned. Prints a table and writes JSON to bench/results/. Figures,
// never a test. `--only-national` skips the generated networks.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { forceCenter, forceLink, forceManyBody, forceSimulation } from 'd3';
import { generateNetwork } from './generate.mjs';
import { CHROMIUM_ARGS as TEST_CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.mjs';

const args = process.argv.slice(2);
const SIZES = (args.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '500,2000,10000,50000')
  .split(',')
  .map(Number);
const SKIP_BUILD = args.includes('--no-build');
const SKIP_PEER = args.includes('--no-force-graph');
const ONLY_NATIONAL = args.includes('--only-national');
// The test flags, plus precise heap figures.
const CHROMIUM_ARGS = [...TEST_CHROMIUM_ARGS, '--enable-precise-memory-info'];
const INTERACTION_MS = 5000;
const SETTLE_TIMEOUT_MS = 180_000;

if (!SKIP_BUILD) {
  const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const dataDir = mkdtempSync(join(tmpdir(), 'nk-bench-'));
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
function serve() {
  const roots = [
    ['/_bench/force-graph.min.js', resolve('node_modules/force-graph/dist/force-graph.min.js')],
    ['/_bench/forcegraph.html', resolve('bench/pages/forcegraph.html')],
  ];
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    let file = roots.find(([p]) => p === path)?.[1];
    if (!file && path.startsWith('/_bench/data-'))
      file = join(dataDir, path.slice('/_bench/'.length));
    if (!file) {
      file = normalize(join(resolve('dist'), path));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    }
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, url: `http://127.0.0.1:${server.address().port}/` }),
    ),
  );
}

// Collected in every page from the first script on: frame intervals and long tasks.
const INIT_SCRIPT = `
  window.__bench = { longTasks: [], frames: null };
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.longTasks.push({ start: e.startTime, duration: e.duration }); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  window.__benchStartFrames = () => {
    const frames = (window.__bench.frames = []);
    let last = performance.now();
    const loop = (t) => { frames.push(t - last); last = t; if (window.__bench.frames === frames) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  };
  window.__benchStopFrames = () => { const f = window.__bench.frames; window.__bench.frames = null; return f; };
`;

const quantile = (values, q) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const round = (v, d = 1) =>
  v === null || v === undefined ? null : Math.round(v * 10 ** d) / 10 ** d;

async function panAndZoom(page, selector) {
  const box = await page.locator(selector).boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => window.__benchStartFrames());
  const end = Date.now() + INTERACTION_MS;
  let step = 0;
  while (Date.now() < end) {
    // Drag on empty-ish space near the edge, then wheel zoom in and out.
    await page.mouse.move(box.x + 20, box.y + 20);
    await page.mouse.down();
    for (let i = 0; i < 10; i++)
      await page.mouse.move(
        box.x + 20 + i * 12 * (step % 2 ? -1 : 1) + (step % 2 ? 120 : 0),
        box.y + 20 + i * 6,
      );
    await page.mouse.up();
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, step % 2 ? 120 : -120);
    step++;
  }
  const frames = await page.evaluate(() => window.__benchStopFrames());
  const total = frames.reduce((a, b) => a + b, 0);
  return {
    fps: round((frames.length / total) * 1000),
    median: round(quantile(frames, 0.5)),
    p95: round(quantile(frames, 0.95)),
    max: round(Math.max(...frames)),
  };
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return round(metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1024 / 1024);
}

async function measureOurs(browser, url, size, file) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT_SCRIPT);
  const setup = await context.newPage();
  await setup.goto(`${url}#/gegevens`);
  await setup.getByTestId('org-count').waitFor({ timeout: 60_000 });
  const t0 = Date.now();
  await setup.locator('#import-file').setInputFiles(file);
  await setup.getByRole('button', { name: 'Importeren bevestigen' }).click({ timeout: 120_000 });
  await setup.getByTestId('import-done').waitFor({ timeout: 120_000 });
  const importMs = Date.now() - t0;
  await setup.close();

  const page = await context.newPage();
  await page.goto(`${url}#/kaart`);
  await page.waitForFunction(() => window.__netwerkkaart?.firstFrameAt != null, null, {
    timeout: 120_000,
  });
  const firstFrameMs = await page.evaluate(() => window.__netwerkkaart.firstFrameAt);
  const running = await panAndZoom(page, '[data-testid=graph-canvas]');
  const layout = await measureLayout(
    page,
    '__netwerkkaart',
    'layoutSettledAt',
    '[data-testid=graph-canvas]',
  );
  await context.close();
  return {
    importMs,
    firstFrameMs: round(firstFrameMs, 0),
    running,
    settled: layout.settled,
    layoutMs: layout.layoutMs,
    layoutTicksPerSecond: round(layout.stats.layoutTicksPerSecond),
    longTasksDuringLayout: layout.longTasksDuringLayout,
    longestTaskMs: layout.longestTaskMs,
    heapMB: layout.heapMB,
  };
}

async function measureForceGraph(browser, url, size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  await page.goto(`${url}_bench/forcegraph.html?n=${size}`);
  const ok = await page
    .waitForFunction(() => window.__benchStats?.firstFrameAt != null, null, { timeout: 60_000 })
    .then(
      () => true,
      () => false,
    );
  if (!ok) {
    await context.close();
    return { firstFrameMs: null, running: null, note: 'no first frame within 60 s' };
  }
  const firstFrameMs = await page.evaluate(() => window.__benchStats.firstFrameAt);
  // At the largest sizes its layout can hold the main thread so long that the page stops answering.
  const running = await panAndZoom(page, '#graph canvas').catch(() => null);
  if (!running) {
    await context.close();
    return {
      firstFrameMs: round(firstFrameMs, 0),
      running,
      note: 'page did not answer during pan and zoom',
    };
  }
  const layout = await measureLayout(page, '__benchStats', 'settledAt', '#graph canvas');
  await context.close();
  return {
    firstFrameMs: round(firstFrameMs, 0),
    running,
    settled: layout.settled,
    layoutMs: layout.layoutMs,
    longTasksDuringLayout: layout.longTasksDuringLayout,
    longestTaskMs: layout.longestTaskMs,
    heapMB: layout.heapMB,
  };
}

/**
 * The same for both pages: wait for the layout to settle, then frame times
 * after it, the long tasks while it ran and the heap. `stats` names the
 * page's global with firstFrameAt, layoutStartedAt and the settle time.
 */
async function measureLayout(page, stats, settledKey, selector) {
  const settledOk = await page
    .waitForFunction(([name, key]) => window[name]?.[key] != null, [stats, settledKey], {
      timeout: SETTLE_TIMEOUT_MS,
    })
    .then(
      () => true,
      () => false,
    );
  const seen = await page.evaluate(
    (name) => ({ ...window[name], longTasks: window.__bench.longTasks }),
    stats,
  );
  const settled = settledOk ? await panAndZoom(page, selector).catch(() => null) : null;
  const end = seen[settledKey];
  const during = seen.longTasks.filter(
    (t) => t.start >= seen.firstFrameAt && (!settledOk || t.start <= end),
  );
  return {
    stats: seen,
    settled,
    layoutMs: settledOk ? round(end - seen.layoutStartedAt, 0) : null,
    longTasksDuringLayout: during.length,
    longestTaskMs: round(Math.max(0, ...during.map((t) => t.duration)), 0),
    heapMB: await heapMB(page).catch(() => null),
  };
}

/** d3-force alone in Node on the same graph: the ceiling for the worker's ticks per second. */
function d3Alone(doc) {
  const index = new Map(doc.organisations.map((o, i) => [o.id, i]));
  const nodes = doc.organisations.map(() => ({}));
  const links = doc.relations.map((r) => ({
    source: index.get(r.source),
    target: index.get(r.target),
  }));
  const sim = forceSimulation(nodes)
    .force('link', forceLink(links))
    .force('charge', forceManyBody())
    .force('center', forceCenter())
    .stop();
  const t0 = performance.now();
  let ticks = 0;
  while (performance.now() - t0 < 3000 && ticks < 300) {
    sim.tick();
    ticks++;
  }
  return round((ticks / (performance.now() - t0)) * 1000);
}

const { server, url } = await serve();
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});

/** The embedded national dataset: first visit (seeding included) and a later visit (stored, laid out). */
async function measureNational() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const firstFrame = async () => {
    await page.waitForFunction(() => window.__netwerkkaart?.firstFrameAt != null, null, {
      timeout: 60_000,
    });
    return round(await page.evaluate(() => window.__netwerkkaart.firstFrameAt), 0);
  };
  await page.goto(`${url}#/kaart`);
  const firstVisit = await firstFrame();
  await page.waitForFunction(() => window.__netwerkkaart?.layoutSettledAt != null, null, {
    timeout: 60_000,
  });
  await page.waitForTimeout(500);
  await page.reload();
  const laterVisit = await firstFrame();
  await context.close();
  return { firstVisitFirstFrameMs: firstVisit, laterVisitFirstFrameMs: laterVisit };
}
/**
 * The map of the Netherlands on the national data (K80 coloured, the 25 GGD
 * regions outlined and named): how long until it is drawn, and the paint time
 * of each frame while it is dragged and while it is zoomed with the wheel,
 * from the view's own frame timer, next to the interval between frames.
 */
async function measureGeo(deviceScaleFactor) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor,
  });
  await context.addInitScript(INIT_SCRIPT);
  const page = await context.newPage();
  const hook = () => window.__netwerkkaart?.geo?.drawn().labels.length > 0;
  // A first visit seeds the database; the figure that counts is a visit after it.
  await page.goto(`${url}#/kaart?weergave=land&netwerk=k80&indeling=ggd`);
  await page.waitForFunction(hook, null, { timeout: 60_000 });
  await page.reload();
  const t0 = Date.now();
  await page.waitForFunction(hook, null, { timeout: 60_000 });
  const drawnMs = Date.now() - t0;
  await page.waitForTimeout(500);
  const box = await page.getByTestId('geo-canvas').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const phase = async (name, act) => {
    await page.evaluate(() => {
      window.__netwerkkaart.paintMs = [];
      // Paint times with the rasteriser's work (see mapSurface.ts), not only the calls.
      window.__netwerkkaart.rasterTimes = true;
      window.__benchStartFrames();
    });
    const end = Date.now() + INTERACTION_MS;
    for (let step = 0; Date.now() < end; step++) await act(step);
    const { paints, frames } = await page.evaluate(() => ({
      paints: window.__netwerkkaart.paintMs,
      frames: window.__benchStopFrames(),
    }));
    const total = frames.reduce((a, b) => a + b, 0);
    return {
      name,
      frames: paints.length,
      paintMedian: round(quantile(paints, 0.5), 2),
      paintP95: round(quantile(paints, 0.95), 2),
      paintMax: round(Math.max(...paints), 2),
      fps: round((frames.length / total) * 1000),
      intervalP95: round(quantile(frames, 0.95)),
    };
  };
  // Drag across the country and back, as a user looks for a region.
  const pan = await phase('slepen', async (step) => {
    const dir = step % 2 ? -1 : 1;
    await page.mouse.move(cx - dir * 150, cy - dir * 80);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++)
      await page.mouse.move(cx - dir * 150 + dir * i * 15, cy - dir * 80 + dir * i * 8);
    await page.mouse.up();
  });
  const zoom = await phase('zoomen', async (step) => {
    await page.mouse.move(cx, cy);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, step % 2 ? 120 : -120);
  });
  await context.close();
  return { deviceScaleFactor, drawnMs, pan, zoom };
}

const national = await measureNational();
console.log(
  `Landelijke gegevens: eerste beeld ${national.firstVisitFirstFrameMs} ms (eerste bezoek), ${national.laterVisitFirstFrameMs} ms (later bezoek)`,
);
const geoLine = (g) =>
  `Kaart van Nederland (K80, GGD-regio's; DPR ${g.deviceScaleFactor}): getekend ${g.drawnMs} ms na laden; ` +
  [g.pan, g.zoom]
    .map(
      (p) =>
        `${p.name}: frame ${p.paintMedian} ms mediaan, ${p.paintP95} ms p95, ${p.paintMax} ms max (${p.frames} frames, getekend en gerasterd), ${p.fps} fps`,
    )
    .join('; ');
const geo = [];
for (const dpr of [1, 2]) {
  const g = await measureGeo(dpr).catch((e) => ({
    deviceScaleFactor: dpr,
    error: String(e.message ?? e).split('\n')[0],
  }));
  geo.push(g);
  console.log(g.error ? `Kaart van Nederland (DPR ${dpr}): ${g.error}` : geoLine(g));
}
const results = [];
for (const size of ONLY_NATIONAL ? [] : SIZES) {
  const doc = generateNetwork(size);
  const file = join(dataDir, `data-${size}.json`);
  writeFileSync(file, JSON.stringify(doc));
  console.log(`\n${size} organisaties, ${doc.relations.length} relaties`);
  const ours = await measureOurs(browser, url, size, file).catch((e) => ({
    error: String(e.message ?? e).split('\n')[0],
  }));
  console.log('  Netwerkkaart', JSON.stringify(ours));
  const peer = SKIP_PEER
    ? null
    : await measureForceGraph(browser, url, size).catch((e) => ({
        error: String(e.message ?? e).split('\n')[0],
      }));
  if (peer) console.log('  force-graph ', JSON.stringify(peer));
  const d3TicksPerSecond = d3Alone(doc);
  console.log(`  d3-force alone in Node: ${d3TicksPerSecond} ticks/s`);
  results.push({ size, relations: doc.relations.length, ours, forceGraph: peer, d3TicksPerSecond });
}
await browser.close();
server.close();

const fmt = (v, unit = '') => (v === null || v === undefined ? '—' : `${v}${unit}`);
const longTasks = (m) =>
  m?.longTasksDuringLayout === undefined
    ? '—'
    : `${m.longTasksDuringLayout} (${fmt(m.longestTaskMs, ' ms')})`;
const ratio = (a, b) => (a && b ? `${round(a / b)}×` : '—');
const rows = [
  [
    'organisaties',
    'import',
    '1e frame (wij / fg)',
    'fps tijdens indeling (wij / fg / ratio)',
    'p95 frame (wij / fg)',
    'fps na indeling (wij / fg)',
    'indeling (wij / fg)',
    'ticks/s (worker / d3 alleen)',
    'long tasks, max (wij / fg)',
    'heap (wij / fg)',
  ],
  ...results.map((r) => [
    String(r.size),
    fmt(r.ours.importMs, ' ms'),
    `${fmt(r.ours.firstFrameMs, ' ms')} / ${fmt(r.forceGraph?.firstFrameMs, ' ms')}`,
    `${fmt(r.ours.running?.fps)} / ${fmt(r.forceGraph?.running?.fps)} / ${ratio(r.ours.running?.fps, r.forceGraph?.running?.fps)}`,
    `${fmt(r.ours.running?.p95, ' ms')} / ${fmt(r.forceGraph?.running?.p95, ' ms')}`,
    `${fmt(r.ours.settled?.fps)} / ${fmt(r.forceGraph?.settled?.fps)}`,
    `${fmt(r.ours.layoutMs, ' ms')} / ${fmt(r.forceGraph?.layoutMs, ' ms')}`,
    `${fmt(r.ours.layoutTicksPerSecond)} / ${fmt(r.d3TicksPerSecond)}`,
    `${longTasks(r.ours)} / ${longTasks(r.forceGraph)}`,
    `${fmt(r.ours.heapMB, ' MB')} / ${fmt(r.forceGraph?.heapMB, ' MB')}`,
  ]),
];
const table = rows.map((r) => `| ${r.join(' | ')} |`);
table.splice(1, 0, `|${rows[0].map(() => '---').join('|')}|`);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Chromium headless, software rendering`;
const date = new Date().toISOString().slice(0, 10);
console.log(`\nNetwerkkaart benchmark ${date} (${machine})\n`);
console.log(
  `Landelijke gegevens: eerste beeld ${national.firstVisitFirstFrameMs} ms (eerste bezoek), ${national.laterVisitFirstFrameMs} ms (later bezoek)`,
);
for (const g of geo) if (!g.error) console.log(geoLine(g));
console.log(
  `belasting tijdens de meting: ${loadavg()
    .map((v) => round(v, 2))
    .join(', ')}\n`,
);
if (results.length) console.log(table.join('\n'));
mkdirSync('bench/results', { recursive: true });
const out = {
  date,
  machine,
  interactionMs: INTERACTION_MS,
  national,
  geo,
  loadAverage: loadavg(),
  results,
  table: table.join('\n'),
};
// Only a full run replaces the published figures; a partial one is kept aside.
const full = SIZES.join(',') === '500,2000,10000,50000' && !SKIP_PEER && !ONLY_NATIONAL;
const name = full ? `${date}.json` : `partial-${date}.json`;
writeFileSync(`bench/results/${name}`, `${JSON.stringify(out, null, 2)}\n`);
if (full) writeFileSync('bench/results/latest.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nbench/results/${name} geschreven.`);
