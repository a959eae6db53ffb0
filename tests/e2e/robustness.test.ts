import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, openApp } from './browser';

// Issue #19 in the page: damaged files from tests/fixtures/damaged are chosen
// as a user chooses them, read in the import worker, and refused or named as
// the user sees it; two tabs each undo their own edit.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FIXTURES = 'tests/fixtures/damaged';
const embedded = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as {
  organisations: unknown[];
  relations: unknown[];
};
const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);

async function storedCounts(page: Page) {
  await page.getByTestId('org-count').waitFor();
  return page.evaluate(() => ({
    orgs: document.querySelector('[data-testid="org-count"]')?.textContent ?? null,
    rels: document.querySelector('[data-testid="rel-count"]')?.textContent ?? null,
  }));
}

async function choose(page: Page, name: string) {
  await page.locator('#import-file').setInputFiles({
    name,
    mimeType: 'application/octet-stream',
    buffer: readFileSync(join(FIXTURES, name)),
  });
}

describe('damaged files in the page (issue #19)', () => {
  it('refuses the GraphML with a missing </data>, at the line where it breaks, and stores nothing', async () => {
    const { page, context, errors } = await openApp(browser, '#/gegevens');
    const before = await storedCounts(page);
    expect(before.orgs).toBe(nl(embedded.organisations.length));
    await choose(page, 'graphml-almere-data-not-closed.graphml');
    const box = page.getByTestId('import-errors');
    await box.waitFor({ timeout: 20_000 });
    const text = await box.textContent();
    expect(text).toMatch(/is geen geldige XML op regel \d+, kolom 5/);
    expect(text).toContain('de sluittag </node> past niet bij <data>');
    expect(text).toContain('Er is niets gewijzigd');
    expect(await storedCounts(page)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('imports the organisations CSV with a stray quote on line 8 with all rows but the named ones', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await storedCounts(page);
    await choose(page, 'organisaties-quote-line-8.csv');
    const rejected = page.getByTestId('rejected-rows');
    await rejected.waitFor({ timeout: 20_000 });
    const listed = await rejected.textContent();
    const span = /regel 8 tot en met (\d+)/.exec(listed ?? '');
    expect(span).not.toBeNull();
    const lastLine = Number(span![1]);
    const lost = lastLine - 8 + 1;
    // The heading counts every lost line, not one row.
    expect(listed).toContain(`${nl(lost)} rijen worden niet ingelezen`);
    await rejected.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await expect
      .poll(() => storedCounts(page), { timeout: 20_000 })
      .toEqual({ orgs: nl(embedded.organisations.length - lost), rels: '0' });
    await context.close();
  });

  it('answers a GraphML cut at 90 % within 5 seconds, at its last line', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await storedCounts(page);
    const name = 'graphml-cut-90pct.graphml';
    const lines = readFileSync(join(FIXTURES, name), 'utf8').split('\n').length;
    const started = Date.now();
    await choose(page, name);
    const box = page.getByTestId('import-errors');
    await box.waitFor({ timeout: 5_000 });
    const ms = Date.now() - started;
    expect(ms).toBeLessThan(5_000);
    const text = await box.textContent();
    expect(text).toContain(`op regel ${lines}, kolom`);
    expect(text).toContain('Is het bestand volledig?');
    await context.close();
  });
});

describe('undo per tab (issue #19)', () => {
  async function editAbbreviation(page: Page, value: string) {
    const details = page.getByTestId('details');
    await details.getByRole('button', { name: 'Bewerken' }).click();
    const form = page.getByTestId('organisation-form');
    await form.getByLabel('Afkorting').fill(value);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => details.textContent()).toContain(value);
  }

  it('each of two tabs undoes only its own edit', async () => {
    const first = await openApp(browser, '#/kaart?org=GM0513');
    const a = first.page;
    const b = await first.context.newPage();
    await b.goto(`${baseUrl()}#/kaart?org=GM0268`);
    await a.getByTestId('details').waitFor();
    await b.getByTestId('details').waitFor();

    await editAbbreviation(a, 'Gda-A');
    await editAbbreviation(b, 'Nijm-B');

    // Undo in tab A: A's own edit goes, B's newer one stays.
    await a.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect
      .poll(() => a.getByTestId('toast').textContent())
      .toContain('Ongedaan gemaakt: Gemeente Gda-A gewijzigd');
    await expect.poll(() => a.getByTestId('details').textContent()).not.toContain('Gda-A');
    await expect.poll(() => b.getByTestId('details').textContent()).toContain('Nijm-B');
    // A has nothing left to undo; B still has its own step.
    await expect
      .poll(() => a.getByRole('button', { name: 'Ongedaan maken' }).isDisabled())
      .toBe(true);
    await b.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(() => b.getByTestId('details').textContent()).not.toContain('Nijm-B');
    await first.context.close();
  });

  it('asks before an undo overwrites what the other tab changed since', async () => {
    const first = await openApp(browser, '#/kaart?org=GM0513');
    const a = first.page;
    const b = await first.context.newPage();
    await b.goto(`${baseUrl()}#/kaart?org=GM0513`);
    await a.getByTestId('details').waitFor();
    await b.getByTestId('details').waitFor();
    await editAbbreviation(a, 'Gda-A');
    await expect.poll(() => b.getByTestId('details').textContent()).toContain('Gda-A');
    await editAbbreviation(b, 'Gda-B');

    await a.getByRole('button', { name: 'Ongedaan maken' }).click();
    const conflict = a.getByTestId('undo-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain(
      'korte naam (nu "Gda-B") is daarna in een ander tabblad gewijzigd',
    );
    // Nothing was overwritten until the user says so.
    expect(await b.getByTestId('details').textContent()).toContain('Gda-B');
    await conflict.getByRole('button', { name: 'Toch ongedaan maken' }).click();
    await expect.poll(() => b.getByTestId('details').textContent()).not.toContain('Gda-B');
    await first.context.close();
  });
});
