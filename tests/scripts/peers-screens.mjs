// Screenshots of the peers page as a secretary first sees it (1366×768), to
// judge by eye. Needs a build (npm run build). Usage:
//   node tests/scripts/peers-screens.mjs [out-dir] [GMxxxx ...]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { startServer } from '../e2e/staticServer.mjs';

const [outDir = 'screens', ...ids] = process.argv.slice(2);
const routes = ids.length ? ids : ['GM0344', 'GM0096'];
mkdirSync(outDir, { recursive: true });
const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const route of routes) {
    const [id, extra = ''] = route.split('?');
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${url}#/gelijken?gemeente=${id}${extra ? `&${extra}` : ''}`);
    const of = await page.getByTestId('peers-of').textContent();
    await page.waitForTimeout(300);
    const slug = (text) =>
      text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    const name = `peers-${slug(of)}${extra ? `-${slug(extra)}` : ''}`;
    await page.screenshot({ path: join(outDir, `${name}.png`) });
    // The rest of the page, scrolled inside main one screen at a time.
    const height = await page.evaluate(() => document.querySelector('main').scrollHeight);
    for (let y = 700, k = 2; y < height && k <= 4; y += 700, k++) {
      await page.evaluate((top) => document.querySelector('main').scrollTo(0, top), y);
      await page.screenshot({ path: join(outDir, `${name}-${k}.png`) });
    }
    console.log(`${name}: ${height}px`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
