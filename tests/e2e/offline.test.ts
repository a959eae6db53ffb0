import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline', () => {
  it('opens with its data after a reload with the network cut off', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await page.getByTestId('org-count').waitFor();
    const count = await page.getByTestId('org-count').textContent();
    // Wait until the service worker has cached the app and controls the page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
      timeout: 30_000,
    });
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('org-count').waitFor();
    expect(await page.getByTestId('org-count').textContent()).toBe(count);
    // The municipal boundaries are not in the bundle but precached, for the geographic view.
    const boundaries = await page.evaluate(async () => {
      const response = await fetch('geo/gemeente-2025.topojson');
      return { ok: response.ok, length: (await response.text()).length };
    });
    expect(boundaries).toEqual({ ok: true, length: 131_804 });
    await page.goto(page.url().replace('#/gegevens', '#/kaart?org=GM0513'));
    await page.getByTestId('details').waitFor();
    expect(await page.getByTestId('fact-province').textContent()).toBe('Zuid-Holland');
    await context.close();
  });
});
