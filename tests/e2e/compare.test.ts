import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../unit/fixtures';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function importReplacing(page: Page, name: string, doc: unknown) {
  await page.locator('#import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(doc)),
  });
  await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
  await page.getByTestId('import-done').waitFor();
}

async function saveSnapshot(page: Page, name: string) {
  await page.getByLabel('Naam').fill(name);
  await page.getByRole('button', { name: 'Momentopname opslaan' }).click();
  await expect.poll(() => page.getByTestId('snapshot-table').textContent()).toContain(name);
}

describe('snapshot comparison', () => {
  it('says there is nothing to compare yet, without an error, on a first visit', async () => {
    const { page, context } = await openApp(browser, '#/vergelijken');
    await expect.poll(() => page.locator('main').textContent()).toContain('nog geen momentopnamen');
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('lists exactly the changes between two snapshots', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await page.getByTestId('org-count').waitFor();
    const first = sampleDocument() as Record<string, any>;
    await importReplacing(page, 'januari.json', first);
    await saveSnapshot(page, 'Januari');
    // Known changes: one organisation added, one removed (with its relation), one changed field.
    const second = sampleDocument() as Record<string, any>;
    second.organisations = second.organisations.filter((o: { id: string }) => o.id !== 'min-bzk');
    second.relations = second.relations.filter((r: { target: string }) => r.target !== 'min-bzk');
    second.organisations.push({ id: 'g40', kind: 'association', name: 'G40-stedennetwerk' });
    second.relations.push({ source: 'GM0513', target: 'g40', type: 'member' });
    second.organisations[0].population = 76_000;
    await importReplacing(page, 'februari.json', second);
    await saveSnapshot(page, 'Februari');
    await page.getByRole('link', { name: 'Momentopname Januari vergelijken met nu' }).click();
    await page.getByTestId('diff-summary').waitFor();
    const count = (id: string) => page.getByTestId(id).textContent();
    expect([
      await count('orgs-added'),
      await count('orgs-removed'),
      await count('orgs-changed'),
    ]).toEqual(['1', '1', '1']);
    expect([
      await count('rels-added'),
      await count('rels-removed'),
      await count('rels-changed'),
    ]).toEqual(['1', '1', '0']);
    expect(await page.getByTestId('list-orgs-added').textContent()).toContain('G40-stedennetwerk');
    expect(await page.getByTestId('list-orgs-removed').textContent()).toContain(
      'Ministerie van BZK',
    );
    const changed = await page.getByTestId('list-orgs-changed').textContent();
    // The field as the forms name it, not as the file spells it.
    expect(changed).toContain('inwonertal');
    expect(changed).not.toContain('population');
    expect(changed).toContain('70.000');
    expect(changed).toContain('76.000');
    // The same comparison between the two saved snapshots, by URL.
    const url = new URL(page.url());
    expect(url.hash).toMatch(/van=\d+/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Vergelijking downloaden (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^netwerkkaart-\d{4}-\d{2}-\d{2}-vergelijking\.json$/,
    );
    await page.getByRole('button', { name: 'Op de kaart tonen' }).click();
    await page.getByTestId('graph-canvas').waitFor();
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await context.close();
  });
});
