import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonText } from '../../src/io/importNetwork';
import { sampleDocument } from '../unit/fixtures';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const embedded = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as {
  organisations: unknown[];
  relations: unknown[];
};
const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);

async function storedCounts(page: Page) {
  await page.getByTestId('org-count').waitFor();
  // Both read in one go, so they come from the same render.
  return page.evaluate(() => ({
    orgs: document.querySelector('[data-testid="org-count"]')?.textContent ?? null,
    rels: document.querySelector('[data-testid="rel-count"]')?.textContent ?? null,
  }));
}

async function chooseFile(page: Page, name: string, content: string | Buffer) {
  if (typeof content !== 'string' && content.length > 40 * 1024 * 1024) {
    // Playwright passes big files by path, not by buffer.
    const path = join(mkdtempSync(join(tmpdir(), 'nk-')), name);
    writeFileSync(path, content);
    await page.locator('#import-file').setInputFiles(path);
    return;
  }
  await page.locator('#import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
}

function docWith(change: (d: Record<string, any>) => void): string {
  const d = sampleDocument() as Record<string, any>;
  change(d);
  return JSON.stringify(d);
}

describe('data page', () => {
  it('opens on the embedded national dataset', async () => {
    const { page, context, errors } = await openApp(browser, '#/gegevens');
    await expect
      .poll(() => storedCounts(page))
      .toEqual({
        orgs: nl(embedded.organisations.length),
        rels: nl(embedded.relations.length),
      });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports a valid file (replace) after the preview, and keeps it after a reload', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await storedCounts(page);
    await chooseFile(page, 'klein.json', JSON.stringify(sampleDocument()));
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Netwerkkaart, versie 1');
    expect(await page.getByTestId('preview-relations').textContent()).toBe('7');
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await expect
      .poll(() => page.getByTestId('import-done').textContent())
      .toContain('6 organisaties en 7 relaties');
    await expect.poll(() => storedCounts(page)).toEqual({ orgs: '6', rels: '7' });
    // The replaced national network was kept as an automatic snapshot.
    expect(await page.getByTestId('snapshot-table').textContent()).toContain(
      'vóór import van klein.json',
    );
    await page.reload();
    await expect.poll(() => storedCounts(page)).toEqual({ orgs: '6', rels: '7' });
    await context.close();
  });

  it('cancelling the preview writes nothing', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    const before = await storedCounts(page);
    await chooseFile(page, 'klein.json', JSON.stringify(sampleDocument()));
    await page.getByTestId('import-preview').waitFor();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await page.reload();
    await expect.poll(() => storedCounts(page)).toEqual(before);
    await context.close();
  });

  const badFiles: [string, string | Buffer, RegExp][] = [
    ['kapot.json', '{"format": "netwerkkaart", "version": 1,, }', /geen geldige JSON/],
    ['gephi.json', docWith((d) => (d.format = 'gephi')), /Dit is geen Netwerkkaart-bestand/],
    ['versie2.json', docWith((d) => (d.version = 2)), /leest versie 1/],
    [
      'types.json',
      docWith((d) => (d.organisations[0].name = 42)),
      /organisatie 1 \(id "GM0513"\), veld "name".*verwacht tekst/,
    ],
    [
      'soort.json',
      docWith((d) => (d.organisations[3].kind = 'provincie')),
      /veld "kind".*verwacht een van/,
    ],
    [
      'relatie.json',
      docWith((d) => (d.relations[0].type = 'owns')),
      /veld "type".*member, uses, partner, knowledge/,
    ],
    [
      'dubbel.json',
      docWith((d) => (d.organisations[5].id = 'vng')),
      /komt al voor bij organisatie 4/,
    ],
    [
      'verwijzing.json',
      docWith((d) => (d.relations[0].target = 'g99')),
      /verwijst naar organisatie "g99"/,
    ],
    ['negatief.json', docWith((d) => (d.organisations[0].population = -5)), /niet negatief/],
    ['breuk.json', docWith((d) => (d.organisations[0].population = 1.5)), /zonder decimalen/],
    [
      'cbs.json',
      docWith((d) => (d.organisations[0].cbsCode = 'GM513')),
      /GM gevolgd door vier cijfers/,
    ],
    [
      'web.json',
      docWith((d) => (d.organisations[3].website = 'javascript:alert(1)')),
      /http:\/\/ of https:\/\//,
    ],
    [
      'proto.json',
      JSON.stringify(sampleDocument()).replace('"tags":[]', '"__proto__":{"x":1},"tags":[]'),
      /"__proto__"/,
    ],
    ['lang.json', docWith((d) => (d.organisations[0].name = 'x'.repeat(5000))), /te lang/],
    [
      'groot.json',
      Buffer.alloc(101 * 1024 * 1024, 32),
      /101,0 MB groot; Netwerkkaart leest bestanden tot 100,0 MB/,
    ],
  ];

  it('rejects each kind of bad file with its own message and leaves the store unchanged', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    const before = await storedCounts(page);
    for (const [name, content, message] of badFiles) {
      await chooseFile(page, name, content);
      const box = page.getByTestId('import-errors');
      await expect
        .poll(async () => (await box.count()) && (await box.textContent()), { timeout: 20_000 })
        .toContain(name);
      expect(await box.textContent(), name).toMatch(message);
      await expect.poll(() => storedCounts(page), { message: name }).toEqual(before);
    }
    await page.reload();
    await expect.poll(() => storedCounts(page)).toEqual(before);
    await context.close();
  });

  it('merges and reports added, updated and unchanged', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await storedCounts(page);
    await chooseFile(page, 'klein.json', JSON.stringify(sampleDocument()));
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await page.getByTestId('import-done').waitFor();
    const changed = docWith((d) => {
      d.organisations[0].population = 71_000;
      d.organisations.push({ id: 'g40', kind: 'association', name: 'G40-stedennetwerk' });
      d.relations.push({ source: 'GM0513', target: 'g40', type: 'member' });
    });
    await chooseFile(page, 'wijziging.json', changed);
    await page.getByLabel(/Samenvoegen/).check();
    expect(await page.getByTestId('merge-plan').textContent()).toContain(
      'organisaties 1 nieuw, 1 bijgewerkt en 5 ongewijzigd',
    );
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await expect
      .poll(() => page.getByTestId('import-done').textContent())
      .toContain(
        'Organisaties: 1 toegevoegd, 1 bijgewerkt, 5 ongewijzigd. Relaties: 1 toegevoegd, 0 bijgewerkt, 7 ongewijzigd.',
      );
    await expect.poll(() => storedCounts(page)).toEqual({ orgs: '7', rels: '8' });
    await context.close();
  });

  it('exports a file that parses and validates', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await storedCounts(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'JSON downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^netwerkkaart-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const result = importJsonText(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.network.organisations).toHaveLength(embedded.organisations.length);
    await context.close();
  });

  it('a snapshot saved, the network replaced, the snapshot restored gives the first network back', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    const first = await storedCounts(page);
    await page.getByLabel('Naam').fill('Stand vóór test');
    await page.getByRole('button', { name: 'Momentopname opslaan' }).click();
    await expect
      .poll(() => page.getByTestId('snapshot-table').textContent())
      .toContain('Stand vóór test');
    await chooseFile(page, 'klein.json', JSON.stringify(sampleDocument()));
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await page.getByTestId('import-done').waitFor();
    await expect.poll(() => storedCounts(page)).toEqual({ orgs: '6', rels: '7' });
    await page.getByRole('button', { name: 'Momentopname Stand vóór test terugzetten' }).click();
    await page.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await expect.poll(() => storedCounts(page)).toEqual(first);
    await context.close();
  });

  it('reset brings the embedded data back', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    const first = await storedCounts(page);
    await chooseFile(page, 'klein.json', JSON.stringify(sampleDocument()));
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('button', { name: 'Landelijke gegevens terugzetten' }).click();
    await page.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await expect.poll(() => storedCounts(page)).toEqual(first);
    await context.close();
  });

  it('imports the plain d3 shape, asking which kind nodes without one are', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await storedCounts(page);
    const d3 = JSON.stringify({
      nodes: [
        { id: 'a', name: 'Alfa' },
        { id: 'b', name: 'Beta' },
      ],
      links: [{ source: 'a', target: 'b' }],
    });
    await chooseFile(page, 'd3.json', d3);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-preview').textContent()).toContain(
      '2 organisaties hebben geen soort',
    );
    await page.getByLabel(/organisaties hebben geen soort/).selectOption('chainPartner');
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await page.getByTestId('import-done').waitFor();
    await expect.poll(() => storedCounts(page)).toEqual({ orgs: '2', rels: '1' });
    await context.close();
  });

  it('imports a CSV with a bad row: only the good rows, and only after the report is confirmed', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await storedCounts(page);
    const organisations = [
      'id;soort;naam;inwoners',
      'GM0513;gemeente;Gouda;75.758',
      'GM0268;gemeente;Nijmegen;187.049',
      'x1;provincie;Onbekende soort;',
      'g40;vereniging;G40-stedennetwerk;',
    ].join('\r\n');
    const relations = [
      'van;naar;soort',
      'GM0513;g40;lid',
      'GM0268;g40;lid',
      'GM0268;nergens;lid',
    ].join('\r\n');
    await page.locator('#import-file').setInputFiles([
      { name: 'organisaties.csv', mimeType: 'text/csv', buffer: Buffer.from(organisations) },
      { name: 'relaties.csv', mimeType: 'text/csv', buffer: Buffer.from(relations) },
    ]);
    const report = page.getByTestId('rejected-rows');
    await report.waitFor();
    expect(await report.textContent()).toContain('2 rijen worden niet ingelezen');
    expect(await report.textContent()).toMatch(/regel 4/);
    const confirm = page.getByRole('button', { name: 'Importeren bevestigen' });
    expect(await confirm.isDisabled()).toBe(true);
    await report.getByRole('checkbox').check();
    await confirm.click();
    await page.getByTestId('import-done').waitFor();
    await expect.poll(() => storedCounts(page)).toEqual({ orgs: '3', rels: '2' });
    await context.close();
  });
});
