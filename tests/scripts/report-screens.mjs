// The network profile as a secretary sees it on screen (1366×768, whole page)
// and on paper (the browser's own A4 PDF, rendered to PNG with pdftoppm), and
// an exported picture of a municipality's neighbourhood on the map. To judge
// by eye; needs a build (npm run build) and poppler-utils. Usage:
//   node tests/scripts/report-screens.mjs [out-dir] [GMxxxx ...]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium.mjs';
import { startServer } from '../e2e/staticServer.mjs';

const [outDir = 'screens', ...ids] = process.argv.slice(2);
const municipalities = ids.length ? ids : ['GM0513', 'GM0363', 'GM0096'];
mkdirSync(outDir, { recursive: true });
const { server, url } = await startServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const slug = (text) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
try {
  for (const id of municipalities) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${url}#/profiel?gemeente=${id}`);
    await page.getByTestId('profile').waitFor();
    const name = slug(await page.locator('#profile-title').textContent());
    await page.waitForTimeout(300);
    // The whole page: main scrolls, so it is opened up to its full height first.
    const height = await page.evaluate(() => document.querySelector('main').scrollHeight + 60);
    await page.setViewportSize({ width: 1366, height: Math.max(768, height) });
    await page.screenshot({ path: join(outDir, `report-profile-${name}.png`) });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pdfPath = join(outDir, `report-profile-${name}.pdf`);
    writeFileSync(pdfPath, pdf);
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    execFileSync('pdftoppm', ['-png', '-r', '80', pdfPath, join(outDir, `report-pdf-${name}`)]);
    console.log(`${name}: ${pages} page(s), screen ${height}px`);
    await context.close();
  }

  // An exported picture: Gouda's neighbourhood on the map, and everything.
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  for (const [route, file, all] of [
    ['#/kaart?org=GM0513&focus=1', 'report-export-gouda', false],
    ['#/kaart', 'report-export-alles', true],
  ]) {
    await page.goto(`${url}${route}`);
    await page.getByTestId('graph-canvas').waitFor();
    await page.waitForSelector('[data-layout="settled"]', { timeout: 120_000 });
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    if (all) await page.getByLabel('Alles (').check();
    for (const [label, ext] of [
      ['PNG (afbeelding)', 'png'],
      ['SVG (vector)', 'svg'],
    ]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      copyFileSync(await download.path(), join(outDir, `${file}.${ext}`));
    }
    await page.getByRole('button', { name: 'Exporteren sluiten' }).click();
    console.log(`${file}: png and svg`);
  }
  // The map on paper: the drawing and its legend.
  await page.goto(`${url}#/kaart?org=GM0513&focus=1`);
  await page.waitForSelector('[data-layout="settled"]', { timeout: 120_000 });
  await page.waitForTimeout(800);
  const mapPdf = join(outDir, 'report-map-print.pdf');
  writeFileSync(mapPdf, await page.pdf({ format: 'A4', printBackground: true }));
  execFileSync('pdftoppm', ['-png', '-r', '60', mapPdf, join(outDir, 'report-map-print')]);

  // A comparison: the national data, then Gouda joins Signalen and a body is removed.
  await page.goto(`${url}#/gegevens`);
  await page.getByTestId('org-count').waitFor();
  await page.getByLabel('Naam').fill('Landelijk');
  await page.getByRole('button', { name: 'Momentopname opslaan' }).click();
  await page.getByTestId('snapshot-table').getByText('Landelijk').waitFor();
  const doc = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8'));
  doc.relations.push({ source: 'GM0513', target: 'signalen', type: 'uses', since: '2026-11' });
  const gone = 'rec-twiske-waterland';
  doc.organisations = doc.organisations.filter((o) => o.id !== gone);
  doc.relations = doc.relations.filter((r) => r.source !== gone && r.target !== gone);
  doc.organisations.find((o) => o.id === 'GM0513').population = 76_200;
  await page.locator('#import-file').setInputFiles({
    name: 'gewijzigd.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
  await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
  await page.getByRole('link', { name: 'Momentopname Landelijk vergelijken met nu' }).click();
  await page.getByRole('button', { name: 'Op de kaart tonen' }).click();
  await page.waitForSelector('[data-testid="diff-map"] [data-layout="settled"]', {
    timeout: 60_000,
  });
  await page.waitForTimeout(700);
  await page.getByTestId('diff-map').screenshot({ path: join(outDir, 'report-compare-map.png') });
  const [diffPng] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Kaart als PNG' }).click(),
  ]);
  copyFileSync(await diffPng.path(), join(outDir, 'report-compare-export.png'));
  const [diffCsv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Vergelijking downloaden (CSV voor Excel)' }).click(),
  ]);
  copyFileSync(await diffCsv.path(), join(outDir, 'report-compare.csv'));
  console.log('comparison: map, png and csv');
  await context.close();
} finally {
  await browser.close();
  server.close();
}
