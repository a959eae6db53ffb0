import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGexf } from '../../src/io/gexfFormat';
import { importXlsx } from '../../src/io/xlsxFormat';
import { sampleNetwork } from '../unit/fixtures';
import { launchBrowser, openApp } from './browser';

// Issue #18 in the browser: a file laid out elsewhere opens as it was laid
// out, a merge preview says what it changes, and the workbook goes out and
// comes back in under the app's Content-Security-Policy.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function chooseFile(page: Page, name: string, content: string | Buffer, mimeType: string) {
  await page.locator('#import-file').setInputFiles({
    name,
    mimeType,
    buffer: typeof content === 'string' ? Buffer.from(content) : content,
  });
}

interface StoredLayout {
  fingerprint: string;
  positions: Record<string, [number, number]>;
}

/** The saved layout as IndexedDB holds it. */
function storedLayout(page: Page): Promise<StoredLayout | null> {
  return page.evaluate(
    () =>
      new Promise<StoredLayout | null>((resolve, reject) => {
        const open = indexedDB.open('netwerkkaart');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('meta').objectStore('meta').get('layout');
          request.onsuccess = () => {
            const record = request.result as
              | { fingerprint: string; ids: string[]; xs: Float32Array; ys: Float32Array }
              | undefined;
            open.result.close();
            if (!record) return resolve(null);
            const positions: Record<string, [number, number]> = {};
            record.ids.forEach((id, i) => (positions[id] = [record.xs[i]!, record.ys[i]!]));
            resolve({ fingerprint: record.fingerprint, positions });
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

async function confirmImport(page: Page, expected: string) {
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
  await expect.poll(() => page.getByTestId('import-done').textContent()).toContain(expected);
}

describe('a GEXF laid out elsewhere', () => {
  it('opens on the map with its positions, without running the layout; "Opnieuw indelen" lays out', async () => {
    const network = sampleNetwork();
    // Positions as Gephi writes them (y upwards), in the map's scale.
    const positions = new Map(
      network.organisations.map((o, i) => [o.id, { x: i * 15 - 40, y: 30 - i * 9 }]),
    );
    const gexf = exportGexf(network, { positions });
    const { page, context, errors } = await openApp(browser, '#/gegevens');
    await page.getByTestId('org-count').waitFor();
    await chooseFile(page, 'gephi.gexf', gexf, 'application/gexf+xml');
    await page.getByTestId('preview-positions').waitFor();
    await confirmImport(page, 'met de posities uit het bestand');

    const saved = await storedLayout(page);
    expect(saved).not.toBeNull();
    expect(saved!.fingerprint.startsWith('deels:')).toBe(false);
    for (const [id, p] of positions) expect(saved!.positions[id]).toEqual([p.x, p.y]);

    await page.goto(page.url().replace(/#.*$/, '#/kaart'));
    await page.waitForSelector('[data-layout="settled"]', { timeout: 30_000 });
    const stats = await page.evaluate(
      () =>
        (window as unknown as { __netwerkkaart?: { layoutStartedAt?: number } }).__netwerkkaart ??
        {},
    );
    // Settled from the saved layout: the layout never started.
    expect(stats.layoutStartedAt).toBeUndefined();
    expect(await storedLayout(page)).toEqual(saved);

    await page.getByRole('button', { name: 'Opnieuw indelen' }).click();
    await page.waitForSelector('[data-layout="settled"]', { timeout: 60_000 });
    await expect
      .poll(async () => (await storedLayout(page))?.positions)
      .not.toEqual(saved!.positions);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a merge of a d3 file that names Gouda', () => {
  it('lists Gouda as updated with its fields, keeps its kind unless chosen, and adds nothing', async () => {
    const d3 = JSON.stringify({
      nodes: [{ id: 'gouda', name: 'Gouda', population: 76_543 }],
      links: [],
    });
    const { page, context, errors } = await openApp(browser, '#/gegevens');
    const before = await page.getByTestId('org-count').textContent();
    await chooseFile(page, 'gouda.json', d3, 'application/json');
    await page.getByTestId('import-preview').waitFor();
    await page.getByLabel(/Samenvoegen: bijwerken/).check();
    const preview = page.getByTestId('merge-preview');
    await preview.waitFor();
    expect(await page.getByTestId('merge-plan').textContent()).toContain(
      'bij organisaties 0 nieuw, 1 bijgewerkt',
    );
    const gouda = page.getByTestId('organisation-changes').locator('li[data-id="GM0513"]');
    expect(await gouda.getAttribute('data-status')).toBe('updated');
    const text = await gouda.textContent();
    expect(text).toContain('Gouda: bijgewerkt (herkend aan de naam; in het bestand "gouda")');
    expect(text).toMatch(/inwoners: [\d.]+ → 76\.543/);
    expect(text).not.toContain('soort');
    // The d3 node had no kind: the default (association) is offered, not applied.
    expect(await page.getByTestId('kind-conflicts').textContent()).toContain(
      'Gouda: soort Gemeente wijzigen in Vereniging / netwerk',
    );
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await expect
      .poll(() => page.getByTestId('import-done').textContent())
      .toContain('0 toegevoegd, 1 bijgewerkt');
    expect(await page.getByTestId('org-count').textContent()).toBe(before);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the Excel workbook', () => {
  it('is exported from the map and read back on the data page, under the CSP', async () => {
    const { page, context, errors } = await openApp(browser, '#/kaart');
    await page.getByTestId('graph-canvas').waitFor();
    await page.waitForFunction(
      () =>
        (window as unknown as { __netwerkkaart?: { firstFrameAt?: number } }).__netwerkkaart
          ?.firstFrameAt,
    );
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    await page.getByTestId('export-menu').waitFor();
    await page.getByLabel(/^Alles/).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Excel-werkmap (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^netwerkkaart-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = readFileSync((await download.path())!);
    const read = await importXlsx(new Uint8Array(bytes));
    expect(read.ok).toBe(true);
    const embedded = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as {
      organisations: unknown[];
    };
    expect(read.ok && read.network.organisations.length).toBe(embedded.organisations.length);
    expect(read.ok && read.positions?.size).toBe(embedded.organisations.length);

    await page.goto(page.url().replace(/#.*$/, '#/gegevens'));
    await page.getByTestId('org-count').waitFor();
    await chooseFile(
      page,
      'netwerk.xlsx',
      bytes,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const preview = page.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.textContent()).toContain('Formaat: Excel-werkmap');
    expect(errors).toEqual([]);
    await context.close();
  });
});
