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

// The peers screen's code, swapped for a component that throws while drawing.
const THROWING_PAGE = `export function PeersPage() { throw new Error('Proeffout: dit scherm tekent niet.'); }`;
const PEERS_CHUNK = /\/assets\/PeersPage-[^/]*\.js$/;

describe('a screen that fails', () => {
  it('says so in Dutch inside the app, with a way back to the map and a reload', async () => {
    // No service worker: it would answer from its cache, past the swapped file.
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      serviceWorkers: 'block',
    });
    await context.route(PEERS_CHUNK, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: THROWING_PAGE }),
    );
    const { page } = await openApp(browser, '#/kaart', context);
    await page.getByTestId('graph-canvas').waitFor();

    await page.getByRole('link', { name: 'Vergelijkbare gemeenten' }).click();
    const alert = page.getByTestId('route-error').getByRole('alert');
    await alert.waitFor();
    expect(await alert.getByRole('heading').textContent()).toBe('Er ging iets mis op dit scherm');
    expect(await alert.textContent()).toContain('Proeffout: dit scherm tekent niet.');
    // The rest of the app is still there.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Naar de kaart' }).click();
    await page.getByTestId('graph-canvas').waitFor();
    expect(page.url()).toMatch(/#\/kaart$/);
    expect(await page.getByTestId('route-error').count()).toBe(0);

    // Once the screen works again, "Opnieuw laden" brings it back.
    await page.getByRole('link', { name: 'Vergelijkbare gemeenten' }).click();
    await alert.waitFor();
    await context.unroute(PEERS_CHUNK);
    await page.getByRole('button', { name: 'Opnieuw laden' }).click();
    await page.getByRole('combobox', { name: 'Gemeente' }).waitFor();
    expect(await page.getByTestId('route-error').count()).toBe(0);
    await context.close();
  });
});
