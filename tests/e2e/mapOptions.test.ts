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

const shownNodes = async (page: Page) =>
  Number((await page.getByTestId('shown-nodes').textContent())!.replace(/\./g, ''));

describe('the neighbourhood, roles on a theme and the date of the data', () => {
  it('two steps from Gouda stop at VNG and IBD unless asked to walk through them', async () => {
    const { page, context, errors } = await openApp(
      browser,
      '#/kaart?org=GM0513&stappen=2&focus=1',
    );
    await page.getByTestId('through-hubs').waitFor();
    const total = Number(
      (await page.getByTestId('shown-counts').textContent())!
        .match(/van ([\d.]+) organisaties/)![1]!
        .replace(/\./g, ''),
    );
    const skipped = await shownNodes(page);
    // Gouda's own networks and their members, not the whole country through VNG.
    expect(skipped).toBeGreaterThan(20);
    expect(skipped).toBeLessThan(total / 3);
    await page.getByTestId('through-hubs').check();
    await page.waitForURL(/knooppunten=1/);
    // Through VNG every one of the 342 municipalities is two steps away.
    await expect.poll(() => shownNodes(page)).toBeGreaterThan(342);
    const through = await shownNodes(page);
    expect(through).toBeGreaterThan(3 * skipped);
    // The link keeps the choice.
    await page.reload();
    await expect.poll(() => shownNodes(page)).toBe(through);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('colours koplopers and volgers on a theme, with a key that counts them', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    await page.getByTestId('graph-canvas').waitFor();
    await page.getByLabel('Kleur').selectOption({ label: 'Verkiezingen' });
    await page.waitForURL(/thema=verkiezingen/);
    const legend = page.getByTestId('theme-legend');
    await legend.waitFor();
    // The national data: Rotterdam leads on the StembureauApp, five municipalities follow.
    expect(await legend.textContent()).toMatch(/Koploper op Verkiezingen \(1\)/);
    expect(await legend.textContent()).toMatch(/Volger op Verkiezingen \(5\)/);
    await page.getByLabel('Kleur').selectOption('soort');
    await page.waitForURL((url) => !url.hash.includes('thema='));
    await context.close();
  });

  it('chooses networks and services by domain, and keeps the choice in the URL', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    await page.getByTestId('filter-domain-veiligheid').waitFor();
    const all = await shownNodes(page);
    await page.getByTestId('filter-domain-veiligheid').check();
    await page.waitForURL(/domein=veiligheid/);
    // The 342 municipalities stay; of the rest only what works on safety: 25 safety
    // regions, 10 police units, the ministry of Justice and Security and the NCSC.
    await expect.poll(() => shownNodes(page)).toBeLessThan(all);
    expect(await shownNodes(page)).toBe(342 + 25 + 10 + 2);
    await context.close();
  });

  it('names the date of the data beside the map', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    expect(await page.getByTestId('data-date').textContent()).toMatch(
      /Gegevens van 1 januari 2025 · \d+ bronnen/,
    );
    await context.close();
  });
});
