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

describe('Content-Security-Policy', () => {
  it('is set in the built page and nothing the app does breaks it', async () => {
    const { page, context, errors } = await openApp(browser, '#/kaart');
    // Record violations from the first script on, in every document of the context.
    await context.addInitScript(() => {
      const w = window as unknown as { __cspViolations: string[] };
      w.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.reload();
    const policy = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    await page.getByTestId('graph-canvas').waitFor();
    await page.waitForSelector('[data-layout="settled"]', { timeout: 60_000 });
    // Every screen once, including the import worker on the data page.
    for (const route of [
      '#/netwerken',
      '#/gelijken?gemeente=GM0513',
      '#/vergelijken',
      '#/gegevens',
    ]) {
      await page.goto(page.url().replace(/#.*$/, route));
      await page.locator('main h1').first().waitFor();
    }
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({
        name: 'klein.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            format: 'netwerkkaart',
            version: 1,
            organisations: [{ id: 'a', kind: 'association', name: 'A' }],
            relations: [],
          }),
        ),
      });
    // The import ran in its worker and came back with a preview.
    await page.getByTestId('import-preview').waitFor();
    const violations = await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    );
    expect(violations).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    // The listener works: an inline script is blocked and recorded.
    const blocked = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 50));
      const w = window as unknown as { __cspViolations: string[]; __inlineRan?: boolean };
      return { ran: w.__inlineRan === true, recorded: w.__cspViolations.length };
    });
    expect(blocked).toEqual({ ran: false, recorded: 1 });
    await context.close();
  });
});
