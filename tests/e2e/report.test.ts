import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../unit/fixtures';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openApp } from './browser';

// Issue #16: a one-page network profile for the college and the raad, pictures
// fit for a report, and a comparison whose change can be seen. The PDFs are
// the browser's own A4 printing; their text is read with poppler's pdftotext
// (tests/scripts/ensure-chromium.sh installs it next to Chromium).

let browser: Browser;
const work = mkdtempSync(join(tmpdir(), 'netwerkkaart-report-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages in a PDF: its page objects (not the /Pages tree). */
const pageCount = (pdf: Buffer) =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

function pdfText(pdf: Buffer, name: string): string {
  const path = join(work, `${name}.pdf`);
  writeFileSync(path, pdf);
  // -layout keeps a line a line; the text goes to stdout.
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

async function printProfile(page: Page, id: string) {
  await page.goto(page.url().replace(/#.*$/, `#/profiel?gemeente=${id}`));
  await page.getByTestId('profile').waitFor();
  const peers = await page.getByTestId('profile-peers').locator('li a').allTextContents();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  return { pdf, peers };
}

async function download(page: Page, label: string): Promise<Download> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label }).click(),
  ]);
  return file;
}

describe('network profile', () => {
  it('Gouda: one A4 page with the name, the inhabitants, peers and the source line; accessible', async () => {
    const { page, context, errors } = await openApp(browser, '#/profiel?gemeente=GM0513');
    await page.getByTestId('profile').waitFor();
    expect(await page.title()).toBe('Netwerkprofiel Gouda · Netwerkkaart');
    expect(await page.getByRole('button', { name: 'Afdrukken / opslaan als PDF' }).count()).toBe(1);
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    const { pdf, peers } = await printProfile(page, 'GM0513');
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf, 'gouda');
    expect(text).toContain('Gouda');
    expect(text).toContain('75.758 inwoners');
    expect(text).toContain('Gegevens van 1 januari 2025');
    expect(peers).toHaveLength(10);
    const named = peers.filter((name) => text.includes(name));
    expect(named.length, `peers in the PDF: ${named.join(', ')}`).toBeGreaterThanOrEqual(5);
    expect(text).toMatch(/Bron: CBS \(CC BY 4\.0\)/);
    expect(text).toContain('#/profiel?gemeente=GM0513');
    // The controls of the screen stay off the paper.
    expect(text).not.toContain('Afdrukken / opslaan als PDF');
    expect(text).not.toContain('Ongedaan maken');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Amsterdam, with the most relations, and Vlieland, with few, each fit one page', async () => {
    const { page, context } = await openApp(browser, '#/profiel?gemeente=GM0363');
    for (const [id, name, inhabitants] of [
      ['GM0363', 'Amsterdam', '931.298'],
      ['GM0096', 'Vlieland', '1.255'],
    ] as const) {
      const { pdf, peers } = await printProfile(page, id);
      expect(pageCount(pdf), name).toBe(1);
      const text = pdfText(pdf, name);
      expect(text).toContain(name);
      expect(text).toContain(`${inhabitants} inwoners`);
      expect(peers.filter((p) => text.includes(p)).length).toBeGreaterThanOrEqual(5);
      expect(text).toMatch(/Bron: CBS \(CC BY 4\.0\)/);
    }
    // Amsterdam leads on themes: the page says where.
    await page.goto(page.url().replace(/#.*$/, '#/profiel?gemeente=GM0363'));
    expect(await page.getByTestId('profile-roles').textContent()).toContain('Koploper');
    await context.close();
  });

  it('is reached from the details panel of a municipality and from the peers page', async () => {
    const { page, context } = await openApp(browser, '#/kaart?org=GM0513');
    await page.getByTestId('profile-link').click();
    await page.getByTestId('profile').waitFor();
    expect(new URL(page.url()).hash).toBe('#/profiel?gemeente=GM0513');
    await page.goto(page.url().replace(/#.*$/, '#/gelijken?gemeente=GM0096'));
    await page.getByTestId('peers-profile-link').click();
    await expect.poll(() => page.locator('#profile-title').textContent()).toBe('Vlieland');
    await context.close();
  });
});

describe('pictures fit for a report', () => {
  it("Gouda's neighbourhood as SVG: date, sources, a legend of only what is drawn, no name over a disc", async () => {
    const { page, context } = await openApp(browser, '#/kaart?org=GM0513&focus=1');
    await page.getByTestId('graph-canvas').waitFor();
    await page.waitForSelector('[data-layout="settled"]', { timeout: 60_000 });
    await page.getByRole('button', { name: 'Exporteren…' }).click();
    const svg = readFileSync((await (await download(page, 'SVG (vector)')).path())!, 'utf8');
    expect(svg).toContain('Gegevens van 1 januari 2025');
    expect(svg).toMatch(/Bron: CBS \(CC BY 4\.0\)/);
    expect(svg).toContain('omgeving Gouda');
    // Gouda works with no chain partner: the legend has no entry for one.
    expect(svg).not.toContain('>Ketenpartner</text>');
    expect(svg).toContain('>Gemeente</text>');
    expect(svg).toContain('>Gedeelde dienst</text>');

    // Measured by the browser: no name covers a disc or another name, and the crop is tight.
    const check = await page.evaluate((text) => {
      const host = document.createElement('div');
      host.innerHTML = text;
      document.body.append(host);
      const svgEl = host.querySelector('svg')!;
      const box = (el: Element) => (el as SVGGraphicsElement).getBBox();
      const overlap = (a: DOMRect, b: DOMRect) =>
        a.x < b.x + b.width - 0.5 &&
        b.x < a.x + a.width - 0.5 &&
        a.y < b.y + b.height - 0.5 &&
        b.y < a.y + a.height - 0.5;
      const names = [...svgEl.querySelectorAll('#namen text')].map(box);
      const discs = [...svgEl.querySelectorAll('circle.organisatie')].map(box);
      let clashes = 0;
      names.forEach((a, i) => {
        for (const b of names.slice(i + 1)) if (overlap(a, b)) clashes++;
        for (const d of discs) if (overlap(a, d)) clashes++;
      });
      const drawing = box(svgEl.querySelector('#tekening')!);
      const top =
        drawing.y +
        Number(
          /translate\([\d.-]+ ([\d.-]+)\)/.exec(
            svgEl.querySelector('#tekening')!.getAttribute('transform')!,
          )![1],
        );
      host.remove();
      return { names: names.length, discs: discs.length, clashes, top };
    }, svg);
    expect(check.discs).toBe(19);
    expect(check.names).toBeGreaterThanOrEqual(12);
    expect(check.clashes).toBe(0);
    // The drawing starts right under the title and date: no empty band at the top.
    expect(check.top).toBeLessThan(80);

    const png = await download(page, 'PNG (afbeelding)');
    expect(png.suggestedFilename()).toMatch(/omgeving-gouda\.png$/);
    await context.close();
  });

  it('the map prints the drawing and its legend, not the controls', async () => {
    const { page, context } = await openApp(browser, '#/kaart?org=GM0513&focus=1');
    await page.waitForSelector('[data-layout="settled"]', { timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).display !== 'none');
    expect(await shown('[data-testid="graph-canvas"]')).toBe(true);
    expect(await shown('.legend')).toBe(true);
    expect(await shown('.filters')).toBe(false);
    expect(await shown('.toolbar')).toBe(false);
    expect(await shown('[data-testid="details"]')).toBe(false);
    // Back to the default: page.pdf() prints with the print stylesheet itself.
    await page.emulateMedia({ media: null });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    const text = pdfText(pdf, 'kaart');
    expect(text).toContain('omgeving Gouda');
    expect(text).toContain('Legenda');
    expect(text).not.toContain('Exporteren');
    await context.close();
  });
});

describe('change you can see', () => {
  it('after one added relation the map shows that relation and its two ends only; CSV for Excel', async () => {
    const { page, context } = await openApp(browser, '#/gegevens');
    await page.getByTestId('org-count').waitFor();
    const importReplacing = async (name: string, doc: unknown) => {
      await page.locator('#import-file').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(doc)),
      });
      await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
      await page.getByTestId('import-done').waitFor();
    };
    await importReplacing('voor.json', sampleDocument());
    await page.getByLabel('Naam').fill('Voor');
    await page.getByRole('button', { name: 'Momentopname opslaan' }).click();
    await expect.poll(() => page.getByTestId('snapshot-table').textContent()).toContain('Voor');
    const after = sampleDocument() as { relations: unknown[] };
    after.relations.push({ source: 'GM0268', target: 'ibd', type: 'uses' });
    await importReplacing('na.json', after);
    await page.getByRole('link', { name: 'Momentopname Voor vergelijken met nu' }).click();
    await page.getByTestId('diff-summary').waitFor();
    expect(await page.getByTestId('rels-added').textContent()).toBe('1');

    await page.getByRole('button', { name: 'Op de kaart tonen' }).click();
    const map = page.getByTestId('diff-map');
    await map.waitFor();
    expect(await map.getAttribute('data-shown')).toBe('2');
    await page.waitForSelector('[data-testid="diff-map"] [data-layout="settled"]', {
      timeout: 60_000,
    });
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    const svg = readFileSync((await (await download(page, 'Kaart als SVG')).path())!, 'utf8');
    expect(svg.match(/<circle class="organisatie"/g)).toHaveLength(2);
    expect(svg).toContain('wijziging-added');
    expect(svg).toContain('>Relatie toegevoegd</text>');
    expect(svg).not.toContain('>Verwijderd</text>');

    const csv = await download(page, 'Vergelijking downloaden (CSV voor Excel)');
    expect(csv.suggestedFilename()).toMatch(/-vergelijking\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFFwat;soort;id;naam;van;naar;veld;oud;nieuw\r\n')).toBe(true);
    expect(text).toContain('toegevoegd;relatie (gebruik van dienst);;Nijmegen gebruikt');
    await context.close();
  });
});
