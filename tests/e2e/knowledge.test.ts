import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesOnTheme } from '../../src/analysis/knowledge';
import { importJsonText } from '../../src/io/importNetwork';
import { describeViolations, seriousViolations } from './axe';
import { baseUrl, launchBrowser, openApp } from './browser';

// Issue #15: record in half a minute, see it in the knowledge view, share it
// as a file, and get it back with its provenance after a reset.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const RECORDED_BY = /Vastgelegd door gemeente Gouda op \d{1,2} [a-z]+ \d{4}/;

async function expectAccessible(page: Page) {
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(violations)).toEqual([]);
}

async function goto(page: Page, route: string) {
  await page.goto(`${baseUrl()}${route}`);
}

describe('knowledge exchange', () => {
  it('records Gouda as volger on informatieveiligheid, learned from Nijmegen, shares it and gets it back after a reset', async () => {
    const { page, context, errors } = await openApp(browser, '#/kaart?org=GM0513');
    const details = page.getByTestId('details');
    await details.waitFor();

    // "Wij zijn volger op …", from the details panel; the same checks as every edit.
    await details.getByRole('button', { name: 'Koploper of volger…' }).click();
    const position = page.getByTestId('position-form');
    await position.waitFor();
    await position.getByLabel(/volger: wij nemen over/).check();
    await position.getByRole('button', { name: 'Vastleggen' }).click();
    expect(await position.textContent()).toContain('Kies een thema');
    await expect.poll(() => position.getByLabel('Thema').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await position.getByLabel('Thema').selectOption({ label: 'Informatieveiligheid' });
    await position
      .getByLabel('In netwerk of dienst (niet verplicht)')
      .selectOption({ label: 'Informatiebeveiligingsdienst voor gemeenten' });
    await position.getByLabel('Sinds (niet verplicht)').fill('1-3-2024');
    await position
      .getByLabel('Argumenten voor de keuze (niet verplicht)')
      .fill('Wij nemen de aanpak van de IBD over in plaats van een eigen beleid te schrijven.');
    expect(await position.getByTestId('recorder-line').textContent()).toContain('gemeente Gouda');
    await position.getByRole('button', { name: 'Vastleggen' }).click();
    await position.waitFor({ state: 'detached' });
    await expect
      .poll(() => details.getByTestId('details-standings').textContent())
      .toContain('Informatieveiligheid');

    // "Geleerd van …": search the other side, theme, date, reason.
    await details.getByRole('button', { name: 'Geleerd van…' }).click();
    const learned = page.getByTestId('learned-form');
    const search = learned.getByRole('combobox', { name: /Geleerd van/ });
    await search.fill('Nijmegen');
    await learned
      .getByRole('option', { name: /Nijmegen/ })
      .first()
      .click();
    expect(await learned.getByTestId('learned-target').textContent()).toContain('Nijmegen');
    await learned.getByLabel('Thema').selectOption({ label: 'Informatieveiligheid' });
    await learned.getByLabel('Sinds (niet verplicht)').fill('2024');
    await learned
      .getByLabel(/Argumenten voor de keuze/)
      .fill('Nijmegen had het incidentdraaiboek al klaar en deelde het.');
    await learned.getByRole('button', { name: 'Vastleggen' }).click();
    await learned.waitFor({ state: 'detached' });
    await expect
      .poll(() => details.getByTestId('details-standings').textContent())
      .toContain('leerde van Nijmegen');

    // Undoable like every edit.
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect
      .poll(() => details.getByTestId('details-standings').textContent())
      .not.toContain('leerde van Nijmegen');
    await page.getByRole('button', { name: 'Opnieuw', exact: true }).click();
    await expect
      .poll(() => details.getByTestId('details-standings').textContent())
      .toContain('leerde van Nijmegen');

    // The knowledge view shows it, with its provenance.
    await goto(page, '#/kennis?thema=informatieveiligheid');
    const theme = page.getByTestId('theme-section');
    await theme.waitFor();
    await expect.poll(() => theme.textContent()).toContain('Gouda');
    const text = (await theme.textContent())!;
    expect(text).toContain('Leerde van:');
    expect(text).toContain('Nijmegen');
    expect(text).toContain('incidentdraaiboek');
    expect(text).toMatch(RECORDED_BY);
    expect(text).toContain('sinds 1 maart 2024');
    await expectAccessible(page);
    await goto(page, '#/kennis?gemeente=GM0513');
    const municipality = page.getByTestId('municipality-section');
    await municipality.waitFor();
    expect(await municipality.getByTestId('standing-summary').textContent()).toMatch(
      /Volger op\s*Informatieveiligheid/,
    );
    await expectAccessible(page);

    // "Mijn aanvullingen": only what was added since the national data.
    await goto(page, '#/gegevens');
    const panel = page.getByTestId('recorder-panel');
    await panel.waitFor();
    expect(await panel.getByTestId('recorder-setting').textContent()).toContain('gemeente Gouda');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Mijn aanvullingen downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^netwerkkaart-.*-aanvullingen-gouda\.json$/);
    const fileText = readFileSync((await download.path())!, 'utf8');
    const file = importJsonText(fileText);
    expect(file.ok ? [] : file.errors).toEqual([]);
    if (!file.ok) return;
    expect(file.network.relations).toHaveLength(1);
    expect(file.network.organisations.map((o) => o.id).sort()).toEqual(['GM0268', 'GM0513', 'ibd']);
    // The role function the map will use says the same.
    const roles = rolesOnTheme(file.network, 'informatieveiligheid');
    expect(roles.get('GM0513')).toEqual({ role: 'follower', stated: true });
    expect(roles.get('GM0268')).toEqual({ role: 'frontrunner', stated: false });

    // Back to the national data: the facts are gone.
    await page.getByRole('button', { name: 'Landelijke gegevens terugzetten' }).click();
    await page.getByRole('button', { name: 'Ja, terugzetten' }).click();
    await page
      .getByRole('region', { name: 'Terugzetten' })
      .getByText('De landelijke gegevens zijn teruggezet')
      .waitFor();
    await goto(page, '#/kennis?thema=informatieveiligheid');
    await page.getByTestId('theme-empty').waitFor();
    await expectAccessible(page);

    // Merge the file: the preview says what it adds, and then it is back.
    await goto(page, '#/gegevens');
    await page.locator('#import-file').setInputFiles({
      name: download.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(fileText),
    });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    await preview.getByLabel(/Samenvoegen/).check();
    const incoming = preview.getByTestId('incoming-knowledge');
    await incoming.waitFor();
    const adds = (await incoming.textContent())!;
    expect(adds).toContain('Gouda is volger op het thema Informatieveiligheid');
    expect(adds).toContain('Gouda leerde van Nijmegen (thema Informatieveiligheid)');
    expect(adds).toMatch(RECORDED_BY);
    expect(await preview.getByTestId('merge-plan').textContent()).toContain('bij relaties 1 nieuw');
    await page.getByRole('button', { name: 'Importeren bevestigen' }).click();
    await page.getByTestId('import-done').waitFor();

    await goto(page, '#/kennis?thema=informatieveiligheid');
    await expect.poll(() => theme.textContent()).toContain('incidentdraaiboek');
    const back = (await theme.textContent())!;
    expect(back).toMatch(RECORDED_BY);
    expect(back).toContain('Wij nemen de aanpak van de IBD over');
    expect(await page.getByTestId('theme-counts').textContent()).toContain('1 volger');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an explained empty state with the button to record, and keeps the view in the URL', async () => {
    const { page, context } = await openApp(browser, '#/kennis?thema=omgevingswet');
    const empty = page.getByTestId('theme-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('zelden een koploper');
    await empty.getByRole('button', { name: 'Koploper of volger vastleggen…' }).click();
    await empty.getByRole('combobox', { name: 'Over welke gemeente gaat het?' }).fill('Gouda');
    await page.getByRole('option', { name: /Gouda/ }).first().click();
    await expect
      .poll(() => page.getByTestId('position-form').getByLabel('Thema').inputValue())
      .toBe('omgevingswet');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Verkiezingen' }).first().click();
    await expect.poll(() => page.url()).toContain('thema=verkiezingen');
    await page.getByTestId('service-card').first().waitFor();
    expect(await page.getByTestId('theme-section').textContent()).toContain('Rotterdam');
    await page
      .getByRole('img', { name: /StembureauApp: deelnemende gemeenten per jaar/ })
      .waitFor();
    await expectAccessible(page);
    await page.reload();
    await page.getByTestId('service-card').first().waitFor();
    await context.close();
  });
});
