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

describe('what the data knows and does not know', () => {
  it('marks K80 as a partial list with its known total, in the table and in the details', async () => {
    const { page, context, errors } = await openApp(browser, '#/netwerken?zoek=K80');
    const row = page.locator('[data-testid="networks-table"] tr[data-id="k80"]');
    await row.waitFor();
    expect(await row.getByTestId('members').textContent()).toMatch(/^\d+ van 64 bekendonvolledig$/);
    // The share is the source's figure, and the known share is named as such.
    expect(await row.getByTestId('share').textContent()).toMatch(/18,7%.*volgens bron.*bekend/);
    await page.goto(page.url().replace(/#.*$/, '#/kaart?org=k80'));
    await page.getByTestId('fact-members').waitFor();
    expect(await page.getByTestId('fact-members').textContent()).toMatch(
      /van 64 bekend \(lijst onvolledig\)/,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a complete list reads as a plain count: VNG has all 342', async () => {
    const { page, context } = await openApp(browser, '#/netwerken?zoek=VNG');
    const row = page.locator('[data-testid="networks-table"] tr[data-id="vng"]');
    await row.waitFor();
    expect(await row.getByTestId('members').textContent()).toBe('342');
    await context.close();
  });

  it('shows the source of each relation in the details panel', async () => {
    const { page, context } = await openApp(browser, '#/kaart?org=GM0513');
    await page.getByTestId('details').waitFor();
    const sources = page.getByTestId('relation-source');
    // Every relation of Gouda in the national data is sourced.
    const relationCount = await page.locator('.relation-list li').count();
    expect(relationCount).toBeGreaterThan(10);
    expect(await sources.count()).toBe(relationCount);
    const jeugd = page.locator('.relation-list li', { hasText: 'Jeugdregio' }).first();
    expect(await jeugd.getByTestId('relation-source').textContent()).toMatch(
      /bron: CBS.*jeugdregio/i,
    );
    await context.close();
  });

  it('groups the networks by domain: the chips filter and count', async () => {
    const { page, context } = await openApp(browser, '#/netwerken');
    await page.getByTestId('networks-table').waitFor();
    const chip = page.getByTestId('domain-veiligheid');
    const label = (await chip.textContent())!;
    const n = Number(/\((\d+)\)/.exec(label)![1]);
    await chip.click();
    await page.waitForFunction(
      (expected) =>
        document.querySelectorAll('[data-testid="networks-table"] tbody tr').length === expected,
      n,
    );
    expect(page.url()).toContain('domein=veiligheid');
    expect(
      await page.locator('[data-testid="networks-table"] tbody tr[data-id^="vr-"]').count(),
    ).toBe(25);
    await context.close();
  });
});
