import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNetwork } from '../../bench/generate.mjs';
import { describeViolations, seriousViolations } from './axe';
import { baseUrl, launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function search(page: Page, text: string) {
  const box = page.getByRole('combobox', { name: 'Zoek een organisatie' });
  // Clear first: typing the same text again would not reopen the list.
  await box.fill('');
  await box.fill(text);
  return page.getByRole('option', { name: new RegExp(text) });
}

describe('editing', () => {
  it('adds an organisation from the form; it is on the map after a reload; undo and redo', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    const form = page.getByTestId('organisation-form');
    await form.getByLabel('Soort').selectOption('association');
    await form.getByLabel('Naam', { exact: true }).fill('Netwerk Informatiebeheer Test');
    await form.getByLabel('Website').fill('ftp://fout.nl');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    // The same validation as import, with a message at the field.
    expect(await form.textContent()).toContain('http:// of https://');
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await form.getByLabel('Website').fill('https://example.org');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByTestId('details').waitFor();
    expect(await page.getByTestId('details').getByRole('heading', { level: 2 }).textContent()).toBe(
      'Netwerk Informatiebeheer Test',
    );
    await page.reload();
    await (await search(page, 'Informatiebeheer Test')).first().waitFor();

    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await page.getByRole('combobox', { name: 'Zoek een organisatie' }).fill('');
    await expect.poll(async () => (await search(page, 'Informatiebeheer Test')).count()).toBe(0);
    await page.getByRole('button', { name: 'Opnieuw', exact: true }).click();
    await expect.poll(async () => (await search(page, 'Informatiebeheer Test')).count()).toBe(1);
    await context.close();
  });

  it('corrects a municipality: inhabitants typed the Dutch way; its coordinates stay as they were', async () => {
    const { page, context } = await openApp(browser, '#/kaart?org=GM0513');
    const details = page.getByTestId('details');
    await details.waitFor();
    expect(await details.textContent()).toContain('85984NED');
    await details.getByRole('button', { name: 'Bewerken' }).click();
    const form = page.getByTestId('organisation-form');
    // The form takes the focus when it opens.
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe('Gouda');
    await form.getByLabel('Inwoners').fill('80.123');
    // A typed figure is not CBS's: unless the user says so, the source is let go.
    expect(await form.getByRole('checkbox', { name: /komen ook uit/ }).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => details.textContent()).toContain('80.123');
    expect(await details.textContent()).not.toContain('85984NED');
    await page.reload();
    await details.waitFor();
    expect(await details.textContent()).toContain('80.123');
    // A bad figure is refused at its field, which gets the focus.
    await details.getByRole('button', { name: 'Bewerken' }).click();
    await form.getByLabel('Inwoners').fill('veel');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => form.getByLabel('Inwoners').getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe('veel');
    await form.getByRole('button', { name: 'Annuleren' }).click();
    await context.close();
  });

  it('removes an organisation with its relations after a confirmation that counts them, and undo brings them back', async () => {
    const { page, context } = await openApp(browser, '#/kaart?org=GM0513');
    const details = page.getByTestId('details');
    await details.waitFor();
    const relations = await details.getByRole('heading', { name: /Relaties/ }).textContent();
    const n = Number(/\((\d+)\)/.exec(relations!)![1]);
    await details.getByRole('button', { name: 'Verwijderen' }).click();
    expect(await page.getByRole('alertdialog').textContent()).toContain(
      `Gouda verwijderen? ${n} relaties gaan mee`,
    );
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.goto(`${baseUrl()}#/gegevens`);
    const before = Number((await page.getByTestId('org-count').textContent())!.replace(/\./g, ''));
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () =>
        Number((await page.getByTestId('org-count').textContent())!.replace(/\./g, '')),
      )
      .toBe(before + 1);
    await context.close();
  });

  it('shows an edit made in one tab in a second tab within a second', async () => {
    const first = await openApp(browser, '#/kaart?org=GM0268');
    await first.page.getByTestId('details').waitFor();
    const second = await first.context.newPage();
    await second.goto(`${baseUrl()}#/kaart?org=GM0268`);
    await second.getByTestId('details').waitFor();
    await first.page.getByTestId('details').getByRole('button', { name: 'Bewerken' }).click();
    const form = first.page.getByTestId('organisation-form');
    await form.getByLabel('Afkorting').fill('Nijm');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    const t0 = Date.now();
    await expect
      .poll(() => second.getByTestId('details').textContent(), { timeout: 1000, interval: 50 })
      .toContain('Nijm');
    expect(Date.now() - t0).toBeLessThan(1000);
    await first.context.close();
  });

  it('a write refused for quota leaves the stored network unchanged and says so', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await page.getByTestId('org-count').waitFor();
    const before = await page.getByTestId('org-count').textContent();
    // The browser refuses writes as it does when its quota is full: IndexedDB
    // throws QuotaExceededError. (Chromium's quota override is not enforced headless.)
    await page.evaluate(() => {
      const { add, put } = IDBObjectStore.prototype;
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.add = refuse;
      IDBObjectStore.prototype.put = refuse;
      (window as unknown as { restoreIdb: () => void }).restoreIdb = () => {
        IDBObjectStore.prototype.add = add;
        IDBObjectStore.prototype.put = put;
      };
    });
    const big = JSON.stringify(generateNetwork(2000));
    await page.locator('#import-file').setInputFiles({
      name: 'groot.json',
      mimeType: 'application/json',
      buffer: Buffer.from(big),
    });
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'opslagruimte' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Er is niets gewijzigd');
    expect(await page.getByTestId('org-count').textContent()).toBe(before);
    await page.evaluate(() => (window as unknown as { restoreIdb: () => void }).restoreIdb());
    await page.reload();
    expect(await page.getByTestId('org-count').textContent()).toBe(before);
    await context.close();
  });

  it('adds a relation to an organisation picked in the table, and shows what was done', async () => {
    const { page, context } = await openApp(
      browser,
      '#/kaart?org=GM0513&weergave=tabel&soort=association',
    );
    const details = page.getByTestId('details');
    await details.waitFor();
    const before = await details.getByRole('heading', { name: /Relaties/ }).textContent();
    await details.getByRole('button', { name: 'Relatie toevoegen' }).click();
    const form = page.getByTestId('relation-form');
    // The table is virtualised: most relations first brings the national networks to the top.
    await page.getByTestId('org-table').getByRole('button', { name: 'Relaties' }).click();
    await page.getByTestId('org-table').getByText('M50', { exact: false }).first().click();
    expect(await form.getByTestId('relation-target').textContent()).toContain('M50');
    await form.getByLabel('Rol').selectOption('frontrunner');
    await form.getByRole('button', { name: 'Relatie opslaan' }).click();
    await page.getByTestId('details').waitFor();
    expect(await page.getByTestId('toast').textContent()).toContain('toegevoegd');
    const count = (t: string | null) => Number(/\((\d+)\)/.exec(t!)![1]);
    const heading = page.getByTestId('details').getByRole('heading', { name: /Relaties/ });
    await expect.poll(async () => count(await heading.textContent())).toBe(count(before) + 1);
    expect(await page.getByTestId('details').textContent()).toContain('koploper');
    await context.close();
  });
});
