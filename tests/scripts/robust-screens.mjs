// Screenshots of what a user sees when a damaged file is chosen (issue #19),
// and of the undo question between two tabs. Needs a build (npm run build).
// Usage: node tests/scripts/robust-screens.mjs [out-dir]
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { startServer } from '../e2e/staticServer.mjs';

const [outDir = 'screens'] = process.argv.slice(2);
const FIXTURES = 'tests/fixtures/damaged';
mkdirSync(outDir, { recursive: true });
const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

const files = [
  ['graphml-data', 'graphml-almere-data-not-closed.graphml', 'import-errors'],
  ['graphml-lt', 'graphml-lt-in-attribute.graphml', 'import-errors'],
  ['graphml-cut', 'graphml-cut-90pct.graphml', 'import-errors'],
  ['csv-quote', 'organisaties-quote-line-8.csv', 'import-preview'],
  ['windows-1252', 'organisaties-windows-1252.csv', 'import-preview'],
  ['json-nan', 'json-nan.json', 'import-errors'],
  ['control-char', 'json-control-character-in-name.json', 'import-errors'],
  ['forbidden-key', 'json-forbidden-key.json', 'import-errors'],
  ['zip', 'zip-size-understated.zip', 'import-errors'],
];

try {
  for (const [name, file, testId] of files) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${url}#/gegevens`);
    await page.getByTestId('org-count').waitFor();
    await page.locator('#import-file').setInputFiles({
      name: file,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(join(FIXTURES, file)),
    });
    const shown = page.getByTestId(testId);
    await shown.waitFor({ timeout: 20_000 });
    await shown.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(outDir, `robust-${name}.png`) });
    console.log(`robust-${name}: ${(await shown.textContent()).slice(0, 300)}`);
    await context.close();
  }

  // Two tabs: A changes Gouda's abbreviation, B changes it after; A undoes.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(`${url}#/kaart?org=GM0513`);
  await b.goto(`${url}#/kaart?org=GM0513`);
  for (const [page, value] of [
    [a, 'Gda-A'],
    [b, 'Gda-B'],
  ]) {
    const details = page.getByTestId('details');
    await details.waitFor();
    await page.waitForFunction(
      (wanted) =>
        !wanted || document.querySelector('[data-testid="details"]')?.textContent?.includes(wanted),
      value === 'Gda-B' ? 'Gda-A' : '',
    );
    await details.getByRole('button', { name: 'Bewerken' }).click();
    const form = page.getByTestId('organisation-form');
    await form.getByLabel('Afkorting').fill(value);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForFunction(
      (wanted) => document.querySelector('[data-testid="details"]')?.textContent?.includes(wanted),
      value,
    );
  }
  await a.bringToFront();
  await a.getByRole('button', { name: 'Ongedaan maken' }).click();
  await a.getByTestId('undo-conflict').waitFor();
  await a.screenshot({ path: join(outDir, 'robust-undo-conflict.png') });
  console.log(`robust-undo-conflict: ${await a.getByTestId('undo-conflict').textContent()}`);
  await context.close();
} finally {
  await browser.close();
  server.close();
}
