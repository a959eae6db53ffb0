import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openApp } from './browser';

// The map of the Netherlands in Chromium: the boundaries drawn from the
// committed file, a network's members in the member colour, a division's
// regions outlined and named, a click on a municipality, the URL, exports.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface GeoHook {
  screenPointOf(code: string): [number, number] | null;
  drawn(): { areas: string[]; labels: string[] };
}
type WithHook = { __netwerkkaart?: { geo?: GeoHook } };

const MEMBER = [0x00, 0x72, 0xb2]; // GEO_COLORS.member
const OTHER = [0xe3, 0xe6, 0xea]; // GEO_COLORS.other
const OUTSIDE = [0xf0, 0xf1, 0xf3]; // GEO_COLORS.outside: greyed by a filter

/** The geographic view is drawn and its test hook answers. */
async function waitForGeo(page: Page) {
  await page.getByTestId('geo-canvas').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => (window as unknown as WithHook).__netwerkkaart?.geo?.screenPointOf('GM0513') != null,
    null,
    { timeout: 30_000 },
  );
}

/**
 * Share of the canvas pixels within `radius` CSS pixels of a municipality's
 * name point that are close to `rgb`: a name drawn there covers some of them.
 */
async function shareNear(page: Page, code: string, rgb: number[], radius = 6): Promise<number> {
  return page.evaluate(
    ({ code, rgb, radius }) => {
      const hook = (window as unknown as WithHook).__netwerkkaart!.geo!;
      const point = hook.screenPointOf(code);
      if (!point) return -1;
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=geo-canvas]')!;
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const cx = Math.round((point[0] - rect.left) * scale);
      const cy = Math.round((point[1] - rect.top) * scale);
      const r = Math.round(radius * scale);
      const data = canvas.getContext('2d')!.getImageData(cx - r, cy - r, 2 * r + 1, 2 * r + 1).data;
      let near = 0;
      for (let i = 0; i < data.length; i += 4) {
        const d = Math.hypot(data[i]! - rgb[0]!, data[i + 1]! - rgb[1]!, data[i + 2]! - rgb[2]!);
        if (d < 24) near++;
      }
      return near / (data.length / 4);
    },
    { code, rgb, radius },
  );
}

async function download(page: Page, label: string): Promise<Download> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).click(),
  ]);
  return file;
}

const drawn = (page: Page) =>
  page.evaluate(() => (window as unknown as WithHook).__netwerkkaart!.geo!.drawn());

// K80 members of the national data (11 of 64 listed), and Gouda, which is not one.
const K80_MEMBER = 'GM1773'; // Olst-Wijhe
const GOUDA = 'GM0513';

describe('map of the Netherlands', () => {
  it('colours K80, outlines the 25 GGD regions, selects Gouda, and a link reopens it', async () => {
    const { page, context, errors } = await openApp(browser, '#/kaart');
    await page.getByRole('button', { name: 'Nederland', exact: true }).click();
    await waitForGeo(page);
    expect(page.url()).toContain('weergave=land');

    // Choose K80 in the searchable select.
    const network = page.getByRole('combobox', { name: 'Netwerk of dienst' });
    await network.fill('K80');
    await page.getByRole('option', { name: /K80/ }).first().waitFor();
    await network.press('Enter');
    await expect.poll(() => page.url()).toContain('netwerk=k80');
    await expect
      .poll(() => page.getByTestId('geo-count').textContent())
      .toContain('K80: 11 van 64 bekend');
    // Members in the member colour, the rest grey: read from the canvas itself. A member's
    // name is drawn at the same point, so around it the member colour is counted against
    // the grey, not against every pixel.
    await expect
      .poll(() => shareNear(page, K80_MEMBER, MEMBER), { timeout: 10_000 })
      .toBeGreaterThan(0.1);
    expect(await shareNear(page, K80_MEMBER, MEMBER)).toBeGreaterThan(
      2 * (await shareNear(page, K80_MEMBER, OTHER)),
    );
    expect(await shareNear(page, GOUDA, OTHER)).toBeGreaterThan(0.6);
    expect(await shareNear(page, GOUDA, MEMBER)).toBe(0);
    // The members are named on the map, and listed beside it.
    await expect.poll(async () => (await drawn(page)).labels).toContain('Olst-Wijhe');
    const classes = page.getByTestId('geo-classes');
    expect(await classes.locator('tbody tr').count()).toBe(8);

    // Click Gouda: its details open, as on the graph.
    const gouda = await page.evaluate(
      (code) => (window as unknown as WithHook).__netwerkkaart!.geo!.screenPointOf(code),
      GOUDA,
    );
    await page.mouse.click(gouda![0], gouda![1]);
    const details = page.getByTestId('details');
    await details.waitFor();
    expect(await details.getByRole('heading', { level: 2 }).textContent()).toBe('Gouda');
    await expect.poll(() => page.url()).toContain('org=GM0513');

    // The GGD division: 25 regions drawn as areas with their names, and listed in words.
    await page.getByTestId('geo-division').selectOption('ggd');
    await expect.poll(() => page.url()).toContain('indeling=ggd');
    await expect.poll(async () => (await drawn(page)).areas.length).toBe(25);
    const regionList = page.getByTestId('geo-regions').locator('li');
    expect(await regionList.count()).toBe(25);
    expect(await page.getByTestId('geo-regions').textContent()).toContain('GGD Hollands-Midden');
    expect((await drawn(page)).areas).toContain('Hollands-Midden');
    // Names where they fit: most of them at this size, never on top of each other.
    await expect
      .poll(async () => (await drawn(page)).labels.filter((l) => l !== 'Gouda').length)
      .toBeGreaterThan(12);

    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    // To the graph and the table and back: the map is where it was.
    const before = await page.evaluate(
      (code) => (window as unknown as WithHook).__netwerkkaart!.geo!.screenPointOf(code),
      GOUDA,
    );
    for (const other of ['Kaart', 'Tabel']) {
      await page.getByRole('button', { name: other, exact: true }).click();
      await expect.poll(() => page.url()).not.toContain('weergave=land');
      await page.getByRole('button', { name: 'Nederland', exact: true }).click();
      await page.getByTestId('geo-canvas').waitFor();
      const after = await page.evaluate(
        (code) => (window as unknown as WithHook).__netwerkkaart!.geo!.screenPointOf(code),
        GOUDA,
      );
      expect(Math.hypot(after![0] - before![0], after![1] - before![1]), other).toBeLessThan(1);
    }

    // The same URL in a new tab opens the same map.
    const url = page.url();
    const second = await context.newPage();
    await second.goto(url);
    await waitForGeo(second);
    await second.getByTestId('details').waitFor();
    expect(
      await second.getByTestId('details').getByRole('heading', { level: 2 }).textContent(),
    ).toBe('Gouda');
    expect(await second.getByRole('combobox', { name: 'Netwerk of dienst' }).inputValue()).toBe(
      'K80',
    );
    expect(await second.getByTestId('geo-division').inputValue()).toBe('ggd');
    await expect.poll(async () => (await drawn(second)).areas.length).toBe(25);
    await expect.poll(() => shareNear(second, K80_MEMBER, MEMBER)).toBeGreaterThan(0.1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('greys what the filters leave out, as the table lists, and exports with the source', async () => {
    const { page, context } = await openApp(
      browser,
      '#/kaart?weergave=land&provincie=Zuid-Holland&landkleur=grootteklasse',
    );
    await waitForGeo(page);
    // Utrecht (GM0344) is outside the filter: greyed; Gouda is in it: coloured by its class.
    await expect.poll(() => shareNear(page, 'GM0344', OUTSIDE)).toBeGreaterThan(0.5);
    expect(await shareNear(page, GOUDA, OUTSIDE)).toBeLessThan(0.2);
    expect(await page.getByTestId('geo-legend').textContent()).toContain('buiten de filters');

    const menu = page.getByRole('button', { name: 'Exporteren…' });
    await menu.click();
    await page.getByTestId('export-menu').waitFor();
    const svg = readFileSync((await (await download(page, 'SVG (vector)')).path())!, 'utf8');
    expect(svg).toContain('Grenzen: CBS/PDOK, CC BY 4.0');
    expect(svg).toContain('gegevens van 1 januari 2025');
    expect((svg.match(/data-code="GM\d{4}"/g) ?? []).length).toBe(342);
    const png = await download(page, 'PNG (afbeelding)');
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    // The table lists the same municipalities the map shows in colour.
    await page.getByRole('button', { name: 'Tabel', exact: true }).click();
    const table = page.getByTestId('org-table');
    await table.waitFor();
    const shown = Number((await page.getByTestId('shown-nodes').textContent())!.replace(/\./g, ''));
    expect(Number(await table.getAttribute('aria-rowcount')) - 1).toBe(shown);
    await context.close();
  });
});
