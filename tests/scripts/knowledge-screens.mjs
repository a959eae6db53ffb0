#!/usr/bin/env node
// Screenshots of the knowledge view (#/kennis) at 1366×768, for review:
//   npx vite build && node tests/scripts/knowledge-screens.mjs /work/screens
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { startServer } from '../e2e/staticServer.mjs';

const out = process.argv[2];
if (!out) {
  console.error('usage: node tests/scripts/knowledge-screens.mjs <folder for the PNGs>');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
page.on('pageerror', (e) => console.error('pageerror:', e.message));

/** Open a route; optionally bring a heading to the top of the scrolling main area. */
async function shot(route, file, { scrollTo, before } = {}) {
  // A fresh load: a hash change alone would keep the last page's scroll position.
  await page.goto('about:blank');
  await page.goto(url + route);
  await page.locator('h1').first().waitFor();
  await page.waitForTimeout(300);
  if (before) await before();
  if (scrollTo) {
    await page
      .getByRole('heading', { name: scrollTo })
      .first()
      .evaluate((h) => {
        h.scrollIntoView({ block: 'start' });
      });
  }
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(out, file) });
  console.log(join(out, file));
}

await shot('#/kennis', 'kennis-overzicht.png');
await shot('#/kennis?thema=verkiezingen', 'kennis-thema-verkiezingen.png');
await shot('#/kennis?thema=verkiezingen', 'kennis-thema-verkiezingen-trackrecord.png', {
  scrollTo: /Wat eruit kwam/,
});
await shot('#/kennis?thema=omgevingswet', 'kennis-thema-leeg-omgevingswet.png');
await shot('#/kennis?gemeente=GM0599', 'kennis-gemeente-rotterdam.png');
await shot('#/kennis?gemeente=GM0513', 'kennis-gemeente-gouda.png');
await shot('#/kennis?gemeente=GM0513', 'kennis-gemeente-gouda-leren.png', {
  scrollTo: /Van wie kunt u leren/,
});
await shot('#/kennis?thema=verkiezingen', 'kaart-verkiezingen-licht.png', {
  before: async () => {
    await page.getByRole('link', { name: 'Toon hen op de kaart' }).click();
    await page
      .getByRole('heading', { name: /Kaart|Zoek/ })
      .first()
      .waitFor({ timeout: 5000 })
      .catch(() => {});
    await page.waitForTimeout(2500);
  },
});
await shot('#/kaart?org=GM0513', 'kaart-gouda-vastleggen.png', {
  before: async () => {
    const details = page.getByTestId('details');
    await details.waitFor();
    await details.getByRole('button', { name: 'Koploper of volger…' }).click();
    const form = page.getByTestId('position-form');
    await form.waitFor();
    await form.evaluate((f) => f.scrollIntoView({ block: 'end' }));
  },
});
await browser.close();
server.close();
