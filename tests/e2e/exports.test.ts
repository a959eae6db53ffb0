import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonText } from '../../src/io/importNetwork';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function exportAs(page: Page, label: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).click(),
  ]);
  return download;
}

async function openExportMenu(page: Page) {
  await page.getByTestId('graph-canvas').waitFor();
  await page.waitForFunction(
    () =>
      (window as unknown as { __netwerkkaart?: { firstFrameAt?: number } }).__netwerkkaart
        ?.firstFrameAt,
  );
  await page.getByRole('button', { name: 'Exporteren…' }).click();
  await page.getByTestId('export-menu').waitFor();
}

describe('exports from the map', () => {
  it('exports what is on screen as JSON, PNG and SVG, with the filter in the file name', async () => {
    const { page, context } = await openApp(
      browser,
      '#/kaart?provincie=Utrecht&soort=municipality',
    );
    await openExportMenu(page);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const shown = Number((await page.getByTestId('shown-nodes').textContent())!.replace(/\./g, ''));

    const json = await exportAs(page, 'JSON (Netwerkkaart)');
    expect(json.suggestedFilename()).toMatch(
      /^netwerkkaart-\d{4}-\d{2}-\d{2}-gemeenten-utrecht\.json$/,
    );
    const parsed = importJsonText(readFileSync((await json.path())!, 'utf8'));
    expect(parsed.ok && parsed.network.organisations.length).toBe(shown);

    const svg = await exportAs(page, 'SVG (vector)');
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    const circles = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return -1;
      return doc.querySelectorAll('circle.organisatie').length;
    }, svgText);
    expect(circles).toBe(shown);

    const png = await exportAs(page, 'PNG (afbeelding)');
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const b64 = readFileSync((await png.path())!).toString('base64');
    const info = await page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      for (let i = 0; i < px.length; i += 40)
        if (px[i]! < 200 || px[i + 1]! < 200 || px[i + 2]! < 200) inked++;
      return { width: img.width, height: img.height, inked };
    }, b64);
    // The same framed picture as the SVG, at twice its resolution: cropped to what is drawn.
    const svgSize = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgText)!;
    expect(info.width).toBe(Number(svgSize[1]) * 2);
    expect(info.height).toBe(Number(svgSize[2]) * 2);
    expect(info.inked).toBeGreaterThan(100);
    await context.close();
  });

  it('the export menu is a dialog for the keyboard: focus in, Escape out, focus back', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    await openExportMenu(page);
    const inMenu = () =>
      page.evaluate(() => !!document.activeElement?.closest('[data-testid="export-menu"]'));
    await expect.poll(inMenu).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('export-menu').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Exporteren…');
    await context.close();
  });

  it('exports everything as CSV for Excel with semicolons and a byte-order mark', async () => {
    const { page, context } = await openApp(browser, '#/kaart');
    await openExportMenu(page);
    await page.getByLabel('Alles (').check();
    const zip = await exportAs(page, 'CSV voor Excel (zip)');
    expect(zip.suggestedFilename()).toMatch(/^netwerkkaart-\d{4}-\d{2}-\d{2}\.zip$/);
    const bytes = readFileSync((await zip.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    for (const [label, extension, root] of [
      ['GEXF (Gephi)', 'gexf', 'gexf'],
      ['GraphML', 'graphml', 'graphml'],
    ] as const) {
      const file = await exportAs(page, label);
      expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${extension}$`));
      const text = readFileSync((await file.path())!, 'utf8');
      const nodes = await page.evaluate(
        ([xml, tag]) => {
          const doc = new DOMParser().parseFromString(xml, 'application/xml');
          if (doc.querySelector('parsererror') || doc.documentElement.nodeName !== tag) return -1;
          return doc.getElementsByTagName('node').length;
        },
        [text, root] as const,
      );
      expect(nodes, label).toBe(
        Number((await page.getByTestId('shown-nodes').textContent())!.replace(/\./g, '')),
      );
    }
    await context.close();
  });
});
