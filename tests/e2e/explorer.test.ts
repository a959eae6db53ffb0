import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe';
import { baseUrl, launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Share of canvas pixels that differ from the background: 0 for a blank map. */
async function inkedShare(page: Page): Promise<number> {
  return page.getByTestId('graph-canvas').evaluate((el) => {
    const canvas = el as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
    let inked = 0;
    for (let i = 0; i < data.length; i += 16) {
      if (data[i + 3]! > 0 && (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235)) inked++;
    }
    return inked / (data.length / 16);
  });
}

async function shownCounts(page: Page) {
  return {
    nodes: Number((await page.getByTestId('shown-nodes').textContent())!.replace(/\./g, '')),
    edges: Number((await page.getByTestId('shown-edges').textContent())!.replace(/\./g, '')),
  };
}

describe('explorer', () => {
  it('draws the national network on the canvas', async () => {
    const { page, context, errors } = await openApp(browser, '#/kaart');
    await page.getByTestId('graph-canvas').waitFor();
    await expect.poll(() => inkedShare(page), { timeout: 20_000 }).toBeGreaterThan(0.01);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('search "Gouda" selects it, shows province and inhabitants, and the URL reopens it', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    const search = page.getByRole('combobox', { name: 'Zoek een organisatie' });
    await search.fill('Gouda');
    await page.getByRole('option', { name: /Gouda/ }).first().waitFor();
    await search.press('Enter');
    const details = page.getByTestId('details');
    await details.waitFor();
    expect(await details.getByRole('heading', { level: 2 }).textContent()).toBe('Gouda');
    expect(await page.getByTestId('fact-province').textContent()).toBe('Zuid-Holland');
    expect(await page.getByTestId('fact-population').textContent()).toMatch(
      /^\d{2}\.\d{3} \(1 januari 20\d\d\)$/,
    );
    expect(page.url()).toContain('org=GM0513');
    const url = page.url();
    // A fresh page (same profile) opens the same selection.
    const second = await context.newPage();
    await second.goto(url);
    await second.getByTestId('details').waitFor();
    expect(await second.getByTestId('fact-province').textContent()).toBe('Zuid-Holland');
    await second.reload();
    await second.getByTestId('details').waitFor();
    expect(
      await second.getByTestId('details').getByRole('heading', { level: 2 }).textContent(),
    ).toBe('Gouda');
    await context.close();
  });

  it('a link opens the same screen in a new browser profile', async () => {
    const { page, context } = await openApp(
      browser,
      '#/kaart?org=GM0268&weergave=tabel&soort=municipality',
    );
    await page.getByTestId('details').waitFor();
    expect(await page.getByTestId('details').getByRole('heading', { level: 2 }).textContent()).toBe(
      'Nijmegen',
    );
    await page.getByTestId('org-table').waitFor();
    expect(
      await page.getByRole('checkbox', { name: /Verenigingen en netwerken/ }).isChecked(),
    ).toBe(false);
    await context.close();
  });

  it('filters change the counts in graph and table alike', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    await page.getByTestId('shown-nodes').waitFor();
    const all = await shownCounts(page);
    // A slow machine: the checkbox must show the click before the URL has caught up.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    await page.getByRole('checkbox', { name: 'Ketenpartners', exact: true }).uncheck();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect.poll(async () => (await shownCounts(page)).nodes).toBeLessThan(all.nodes);
    const withoutPartners = await shownCounts(page);
    await page
      .getByRole('group', { name: 'Provincie (gemeenten)' })
      .getByRole('checkbox', { name: 'Zuid-Holland' })
      .check();
    await expect
      .poll(async () => (await shownCounts(page)).nodes)
      .toBeLessThan(withoutPartners.nodes);
    expect(page.url()).toContain('provincie=Zuid-Holland');
    const filtered = await shownCounts(page);
    expect(filtered.nodes).toBeLessThan(all.nodes);
    expect(filtered.edges).toBeLessThan(all.edges);
    await page.getByRole('button', { name: 'Tabel', exact: true }).click();
    const table = page.getByTestId('org-table');
    await table.waitFor();
    expect(Number(await table.getAttribute('aria-rowcount')) - 1).toBe(filtered.nodes);
    expect(await shownCounts(page)).toEqual(filtered);
    await context.close();
  });

  it('"only the neighbourhood" counts what it shows', async () => {
    const { page, context } = await openApp(browser, '#/kaart?org=GM0513');
    const details = page.getByTestId('details');
    await details.waitFor();
    const heading = await details.getByRole('heading', { name: /Relaties/ }).textContent();
    const relations = Number(/\((\d+)\)/.exec(heading!)![1]);
    const all = await shownCounts(page);
    await page.getByRole('button', { name: 'Alleen omgeving' }).click();
    // Gouda and the organisations it is related to (each once); its relations and
    // those among its neighbours.
    await expect.poll(async () => (await shownCounts(page)).nodes).toBe(relations + 1);
    const focused = await shownCounts(page);
    expect(focused.edges).toBeGreaterThanOrEqual(relations);
    expect(focused.edges).toBeLessThan(all.edges);
    await context.close();
  });

  it('colours by group with a key that names each group by its best-connected members', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    await page.getByLabel('Kleur').selectOption('cluster');
    await expect.poll(() => page.url()).toContain('kleur=cluster');
    const key = page.getByTestId('group-key');
    await key.waitFor();
    const items = await key.locator('li').allTextContents();
    expect(items.length).toBeGreaterThan(2);
    // VNG has the most relations of all, so it leads its group.
    expect(items.some((t) => t.startsWith('VNG'))).toBe(true);
    expect(await page.getByTestId('cluster-legend').textContent()).toMatch(/\d+ groepen/);
    await context.close();
  });

  it('choosing a table row selects the organisation, by keyboard too', async () => {
    const { page, context } = await openApp(browser, '#/kaart?weergave=tabel&soort=municipality');
    const table = page.getByTestId('org-table');
    await table.waitFor();
    const firstRow = table.locator('[role=row][tabindex="0"]');
    await firstRow.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('details').waitFor();
    const name = await page.getByTestId('details').getByRole('heading', { level: 2 }).textContent();
    const focused = await page.evaluate(
      () => document.activeElement?.querySelector('.col-name')?.textContent,
    );
    expect(name).toBe(focused);
    expect(page.url()).toMatch(/org=GM\d{4}/);
    await context.close();
  });

  it('the relations in the details panel are links to the other organisation', async () => {
    const { page, context } = await openApp(browser, '#/kaart?org=GM0513');
    await page.getByTestId('details').waitFor();
    await page
      .getByTestId('details')
      .getByRole('button', { name: /Vereniging van Nederlandse Gemeenten/ })
      .click();
    await expect.poll(() => page.url()).toContain('org=vng');
    await context.close();
  });

  for (const route of [
    '#/kaart',
    '#/kaart?org=GM0513',
    '#/kaart?weergave=tabel',
    '#/netwerken',
    '#/gelijken?gemeente=GM0513',
    '#/gegevens',
  ]) {
    it(`has no serious or critical axe violations on ${route}`, async () => {
      const { page, context } = await openApp(browser, route);
      await page.locator('main h1, main h2').first().waitFor();
      await page.waitForTimeout(300);
      const violations = await seriousViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
      await context.close();
    });
  }

  it('serves deep links from a plain static server', async () => {
    const response = await fetch(baseUrl());
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });
});
