import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

// Debian's Chromium, with the flags that keep it quiet on a closed network.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export const baseUrl = (): string => inject('baseUrl');

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Errors the page threw or logged, to assert that a journey ran clean. */
  errors: string[];
}

/** A fresh profile (empty IndexedDB) with the app open at a hash route. */
export async function openApp(
  browser: Browser,
  route = '#/kaart',
  context?: BrowserContext,
): Promise<AppPage> {
  const ctx =
    context ??
    (await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true }));
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(baseUrl() + route);
  return { context: ctx, page, errors };
}
