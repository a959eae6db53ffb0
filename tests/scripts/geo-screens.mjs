#!/usr/bin/env node
// Screenshots of the map of the Netherlands (#/kaart?weergave=land) at 1366×768, for review:
//   npx vite build && node tests/scripts/geo-screens.mjs /work/screens
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { startServer } from '../e2e/staticServer.mjs';

const out = process.argv[2];
if (!out) {
  console.error('usage: node tests/scripts/geo-screens.mjs <folder for the PNGs>');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', (e) => console.error('pageerror:', e.message));

async function shot(query, file, { before } = {}) {
  await page.goto('about:blank');
  await page.goto(`${url}#/kaart?weergave=land${query ? `&${query}` : ''}`);
  await page.getByTestId('geo-canvas').waitFor({ timeout: 60_000 });
  // Drawn at full quality once the view stands still: names are placed then.
  await page.waitForFunction(
    () => (window.__netwerkkaart?.geo?.drawn().labels.length ?? 0) > 0,
    null,
    {
      timeout: 60_000,
    },
  );
  if (before) await before();
  await page.waitForTimeout(900);
  await page.screenshot({ path: join(out, file) });
  console.log(join(out, file));
}

await shot('netwerk=k80', 'geo-k80.png');
await shot('indeling=ggd', 'geo-ggd.png');
await shot('indeling=ggd&org=GM0513', 'geo-gouda.png');
await shot('landkleur=grootteklasse', 'geo-grootteklasse.png');
await shot('netwerk=vng', 'geo-vng.png');
await shot('netwerk=g40&landkleur=grootteklasse&org=GM0363', 'geo-g40-amsterdam.png');
await shot('indeling=veiligheidsregio&org=GM0096', 'geo-vlieland.png');
// What the export makes of the view: the PNG and the SVG as a report would take them.
{
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const exporter = await context.newPage();
  await exporter.goto(`${url}#/kaart?weergave=land&netwerk=k80&indeling=ggd`);
  await exporter.getByTestId('geo-canvas').waitFor({ timeout: 60_000 });
  await exporter.waitForFunction(
    () => (window.__netwerkkaart?.geo?.drawn().labels.length ?? 0) > 0,
    null,
    { timeout: 60_000 },
  );
  await exporter.getByRole('button', { name: 'Exporteren…' }).click();
  for (const [label, file] of [
    ['PNG (afbeelding)', 'geo-export-k80-ggd.png'],
    ['SVG (vector)', 'geo-export-k80-ggd.svg'],
  ]) {
    const [download] = await Promise.all([
      exporter.waitForEvent('download'),
      exporter.getByRole('button', { name: label }).click(),
    ]);
    await download.saveAs(join(out, file));
    console.log(join(out, file));
  }
  await context.close();
}
await browser.close();
server.close();
