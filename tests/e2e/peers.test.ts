import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Doc {
  organisations: { id: string; kind: string; name: string; population?: number }[];
  relations: { source: string; target: string; type: string }[];
}
const embedded = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as Doc;
const gouda = embedded.organisations.find((o) => o.id === 'GM0513')!;
const goudaNetworks = new Set(
  embedded.relations
    .filter((r) => r.source === 'GM0513' && (r.type === 'member' || r.type === 'uses'))
    .map((r) => r.target),
);
const nameOf = new Map(embedded.organisations.map((o) => [o.id, o.name]));

async function peerPopulations(page: Page): Promise<number[]> {
  await page.getByTestId('peer-list').waitFor();
  return page
    .getByTestId('peer-list')
    .locator('li')
    .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-population'))));
}

describe('peers', () => {
  it('lists peers of Gouda within the tolerance, and they change with it', async () => {
    const { page, context } = await openApp(browser, '#/gelijken');
    const box = page.getByRole('combobox', { name: 'Gemeente' });
    await box.fill('Gouda');
    await page.getByRole('option', { name: /Gouda/ }).first().waitFor();
    await box.press('Enter');
    expect(await page.getByTestId('peers-of').textContent()).toBe('Gouda');
    const wide = await peerPopulations(page);
    expect(wide.length).toBeGreaterThan(3);
    for (const p of wide)
      expect(Math.abs(p - gouda.population!) / gouda.population!).toBeLessThanOrEqual(0.25);
    await page.getByLabel('Verschil in inwoners (±%)').fill('5');
    await expect.poll(() => page.url()).toContain('marge=5');
    const narrow = await peerPopulations(page);
    for (const p of narrow)
      expect(Math.abs(p - gouda.population!) / gouda.population!).toBeLessThanOrEqual(0.05);
    expect(narrow).not.toEqual(wide);

    // Typing goes as typed: an emptied field stays empty, a value out of bounds is
    // named and not used while typing.
    const field = page.getByLabel('Verschil in inwoners (±%)');
    await field.fill('');
    expect(await field.inputValue()).toBe('');
    await field.pressSequentially('40');
    expect(await field.inputValue()).toBe('40');
    await expect.poll(() => page.url()).toContain('marge=40');
    await field.fill('500');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.criteria').textContent()).toContain('van 1 tot en met 200');
    expect(page.url()).toContain('marge=40');
    // Leaving the field takes the nearest bound, not the last value typed within bounds.
    await field.blur();
    await expect.poll(() => page.url()).toContain('marge=200');
    expect(await field.inputValue()).toBe('200');
    await context.close();
  });

  it('the page scrolls inside, never the window past its end', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0513');
    await page.getByTestId('step-in').waitFor();
    // Screen-reader captions placed absolutely once stretched the window far below the page.
    expect(
      await page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight),
    ).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('"where to step in" names only networks Gouda is not in', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0513&marge=40');
    const table = page.getByTestId('step-in');
    await table.waitFor();
    const names = await table.locator('tbody tr td:first-child').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    const goudaNames = new Set([...goudaNetworks].map((id) => nameOf.get(id)));
    for (const n of names) expect(goudaNames.has(n), n).toBe(false);
    await context.close();
  });

  it('a comparison has a deep link that survives a reload', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0513&vergelijk=GM0268');
    const compare = page.getByTestId('compare');
    await compare.waitFor();
    expect(await compare.textContent()).toContain('Gouda en Nijmegen vergeleken');
    await page.reload();
    await page.getByTestId('compare').waitFor();
    await context.close();
  });

  it('the networks overview counts members as the data does', async () => {
    const { page, context } = await openApp(browser, '#/netwerken');
    await page.getByTestId('networks-table').waitFor();
    const municipalities = new Set(
      embedded.organisations.filter((o) => o.kind === 'municipality').map((o) => o.id),
    );
    for (const id of ['vng', 'g40', 'ibd']) {
      const expected = new Set(
        embedded.relations
          .filter(
            (r) =>
              r.target === id &&
              (r.type === 'member' || r.type === 'uses') &&
              municipalities.has(r.source),
          )
          .map((r) => r.source),
      ).size;
      const row = page.locator(`tr[data-id="${id}"]`);
      if ((await row.count()) === 0) continue;
      expect(Number((await row.getByTestId('members').textContent())!.replace(/\./g, '')), id).toBe(
        expected,
      );
    }
    await page.getByLabel('Soort').selectOption('chainPartner');
    await expect.poll(() => page.url()).toContain('soort=chainPartner');
    await page.reload();
    expect(await page.getByLabel('Soort').inputValue()).toBe('chainPartner');
    await context.close();
  });

  it('the networks table sorts by the column header clicked, and turns round on a second click', async () => {
    const { page, context } = await openApp(browser, '#/netwerken');
    const table = page.getByTestId('networks-table');
    await table.waitFor();
    const names = () =>
      table.locator('tbody tr td:first-child a').evaluateAll((as) => as.map((a) => a.textContent!));
    const members = () =>
      table
        .getByTestId('members')
        .evaluateAll((cells) => cells.map((c) => Number(c.textContent!.replace(/\./g, ''))));
    // Default: most municipalities first.
    const byMembers = await members();
    expect(byMembers).toEqual([...byMembers].sort((a, b) => b - a));
    const header = (name: string) => table.getByRole('columnheader', { name });

    await header('Naam').getByRole('button').click();
    await expect.poll(() => page.url()).toContain('sorteer=naam');
    expect(await header('Naam').getAttribute('aria-sort')).toBe('ascending');
    const az = await names();
    expect(az).toEqual([...az].sort((a, b) => a.localeCompare(b, 'nl')));

    await header('Naam').getByRole('button').click();
    await expect.poll(() => page.url()).toContain('richting=af');
    expect(await header('Naam').getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toEqual([...az].reverse());

    // The order is part of the link.
    await page.reload();
    await table.waitFor();
    expect(await names()).toEqual([...az].reverse());

    await header('Gemeenten').getByRole('button').click();
    await expect.poll(() => page.url()).not.toContain('sorteer=');
    expect(await members()).toEqual(byMembers);
    await context.close();
  });
});
