import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
