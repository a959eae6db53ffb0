import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Doc {
  organisations: {
    id: string;
    kind: string;
    name: string;
    shortName?: string;
    population?: number;
    populationYear?: number;
    province?: string;
  }[];
  relations: { source: string; target: string; type: string }[];
}
const embedded = JSON.parse(readFileSync('data/netwerkkaart-nl.json', 'utf8')) as Doc;
const gouda = embedded.organisations.find((o) => o.id === 'GM0513')!;
const goudaNetworks = new Set(
  embedded.relations
    .filter((r) => r.source === 'GM0513' && (r.type === 'member' || r.type === 'uses'))
    .map((r) => r.target),
);
const nameOf = new Map(embedded.organisations.map((o) => [o.id, o.name]));

async function peerPopulations(page: Page): Promise<number[]> {
  await page.getByTestId('peer-list').waitFor();
  return page
    .getByTestId('peer-list')
    .locator('li')
    .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-population'))));
}

const municipalities = embedded.organisations.filter((o) => o.kind === 'municipality');
const byId = new Map(embedded.organisations.map((o) => [o.id, o]));

/** The names of the twenty municipalities nearest in size to `id`, on a log scale. */
function nearestInSize(id: string, count = 20): string[] {
  const self = byId.get(id)!;
  return municipalities
    .filter((o) => o.id !== id)
    .map((o) => ({ o, d: Math.abs(Math.log(o.population! / self.population!)) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, count)
    .map(({ o }) => o.name);
}

async function peerNames(page: Page): Promise<string[]> {
  await page.getByTestId('peer-list').waitFor();
  return page
    .getByTestId('peer-list')
    .locator('li .peer-head strong')
    .evaluateAll((items) => items.map((e) => e.textContent!));
}

/** The networks advised in "Waar kunt u instappen?"; none when the page says there is no advice. */
async function advisedIds(page: Page): Promise<string[]> {
  await page.locator('[data-testid="step-in"], [data-testid="no-step-in"]').first().waitFor();
  return page
    .locator('[data-testid="step-in"] tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')!));
}

describe('peers', () => {
  it('lists peers of Gouda within the tolerance, and they change with it', async () => {
    const { page, context } = await openApp(browser, '#/gelijken');
    const box = page.getByRole('combobox', { name: 'Gemeente' });
    await box.fill('Gouda');
    await page.getByRole('option', { name: /Gouda/ }).first().waitFor();
    await box.press('Enter');
    expect(await page.getByTestId('peers-of').textContent()).toBe('Gouda');
    const wide = await peerPopulations(page);
    expect(wide.length).toBeGreaterThan(3);
    for (const p of wide)
      expect(Math.abs(p - gouda.population!) / gouda.population!).toBeLessThanOrEqual(0.25);
    await page.getByLabel('Verschil in inwoners (±%)').fill('5');
    await expect.poll(() => page.url()).toContain('marge=5');
    const narrow = await peerPopulations(page);
    expect(narrow).not.toEqual(wide);
    // Within ±5% lie fewer than ten: the nearest in size fill the list, and the page says so.
    expect(narrow.length).toBeGreaterThanOrEqual(10);
    expect(await page.getByTestId('widened').textContent()).toMatch(/Binnen ±5% .* verruimd/);
    const within = await page
      .getByTestId('peer-list')
      .locator('li[data-within="1"]')
      .evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-population'))));
    for (const p of within)
      expect(Math.abs(p - gouda.population!) / gouda.population!).toBeLessThanOrEqual(0.05);

    // Typing goes as typed: an emptied field stays empty, a value out of bounds is
    // named and not used while typing.
    const field = page.getByLabel('Verschil in inwoners (±%)');
    await field.fill('');
    expect(await field.inputValue()).toBe('');
    await field.pressSequentially('40');
    expect(await field.inputValue()).toBe('40');
    await expect.poll(() => page.url()).toContain('marge=40');
    await field.fill('500');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.criteria').textContent()).toContain('van 1 tot en met 200');
    expect(page.url()).toContain('marge=40');
    // Leaving the field takes the nearest bound, not the last value typed within bounds.
    await field.blur();
    await expect.poll(() => page.url()).toContain('marge=200');
    expect(await field.inputValue()).toBe('200');
    await context.close();
  });

  it('the page scrolls inside, never the window past its end', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0513');
    await page.getByTestId('step-in').waitFor();
    // Screen-reader captions placed absolutely once stretched the window far below the page.
    expect(
      await page.evaluate(() => document.scrollingElement!.scrollHeight - window.innerHeight),
    ).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('"where to step in" names only networks Gouda is not in', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0513');
    const table = page.getByTestId('step-in');
    await table.waitFor();
    const names = await table.locator('tbody tr td:first-child').allTextContents();
    // M50: the figure says how many peers and how common it is nationally.
    expect(await table.locator('tr[data-id="m50"]').textContent()).toMatch(
      /\d+ van 25 vergelijkbare gemeenten, landelijk 18%/,
    );
    expect(names.length).toBeGreaterThan(0);
    const goudaNames = new Set([...goudaNetworks].map((id) => nameOf.get(id)));
    for (const n of names) expect(goudaNames.has(n), n).toBe(false);
    await context.close();
  });

  it('a comparison has a deep link that survives a reload', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0513&vergelijk=GM0268');
    const compare = page.getByTestId('compare');
    await compare.waitFor();
    expect(await compare.textContent()).toContain('Gouda en Nijmegen vergeleken');
    await page.reload();
    await page.getByTestId('compare').waitFor();
    await context.close();
  });

  for (const [id, name] of [
    ['GM0344', 'Utrecht'],
    ['GM0513', 'Gouda'],
    ['GM0096', 'Vlieland'],
    ['GM0339', 'Renswoude'],
  ] as const)
    it(`${name} gets at least ten peers, the first five among the twenty nearest in size`, async () => {
      const { page, context } = await openApp(browser, `#/gelijken?gemeente=${id}`);
      const names = await peerNames(page);
      expect(names.length).toBeGreaterThanOrEqual(10);
      const near = nearestInSize(id);
      for (const n of names.slice(0, 5)) expect(near, n).toContain(n);
      await context.close();
    });

  it('Amsterdam gets the other large cities, and the page says the range was widened', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0363');
    const names = await peerNames(page);
    expect(names.slice(0, 3)).toEqual(['Rotterdam', "'s-Gravenhage", 'Utrecht']);
    for (const n of names)
      expect(municipalities.find((o) => o.name === n)!.population!).toBeGreaterThan(150_000);
    expect(await page.getByTestId('widened').textContent()).toContain(
      'Binnen ±25% vallen geen gemeenten',
    );
    await context.close();
  });

  it('Vlieland gets the smallest municipalities, and learns how far the range was widened', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0096');
    const names = await peerNames(page);
    expect(names[0]).toBe('Schiermonnikoog');
    const smallest = municipalities
      .filter((o) => o.id !== 'GM0096')
      .sort((a, b) => a.population! - b.population!)
      .slice(0, 10)
      .map((o) => o.name);
    expect([...names].sort()).toEqual([...smallest].sort());
    expect(await page.getByTestId('widened').textContent()).toMatch(
      /Binnen ±25% valt 1 gemeente\. Het bereik is daarom verruimd .* van 972 tot [\d.]+ inwoners \(-23% tot \+\d+%\)/,
    );
    await context.close();
  });

  it('Utrecht is not advised M50, K80 or P10; G40 is shown apart with its size band', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0344');
    const advised = await advisedIds(page);
    for (const id of ['m50', 'k80', 'p10', 'g40']) expect(advised).not.toContain(id);
    const apart = page.getByTestId('step-in-other-size');
    expect(await apart.locator('li[data-id="g40"]').textContent()).toMatch(
      /voor gemeenten van 69\.701 tot 246\.417 inwoners; \d+ van 10 vergelijkbare gemeenten, landelijk 12%/,
    );
    await context.close();
  });

  it('Wijk bij Duurstede is not advised P10', async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0352');
    expect(await advisedIds(page)).not.toContain('p10');
    await context.close();
  });

  it('any two municipalities compare side by side, with figures, chosen in two search fields', async () => {
    const { page, context, errors } = await openApp(browser, '#/gelijken');
    const first = page.getByRole('combobox', { name: 'Gemeente' });
    await first.fill('Gouda');
    await page.getByRole('option', { name: /Gouda/ }).first().waitFor();
    await first.press('Enter');
    await expect.poll(() => page.url()).toContain('gemeente=GM0513');

    const second = page.getByRole('combobox', { name: 'Vergelijk met' });
    await second.fill('Vlieland');
    await page
      .getByRole('option', { name: /Vlieland/ })
      .first()
      .waitFor();
    await second.press('Enter');
    await expect.poll(() => page.url()).toContain('vergelijk=GM0096');
    // Choosing in the field leaves the focus there.
    expect(await second.evaluate((e) => e === document.activeElement)).toBe(true);

    const table = page.getByTestId('compare-table');
    await table.waitFor();
    const vlieland = byId.get('GM0096')!;
    expect(await table.locator('thead').textContent()).toBe('GoudaVlieland');
    const row = (label: string) =>
      table
        .locator('tbody tr')
        .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
        .locator('td')
        .allTextContents();
    expect(await row('Inwoners (jaar)')).toEqual([
      `75.758 (${gouda.populationYear})`,
      `1.255 (${vlieland.populationYear})-98% ten opzichte van Gouda`,
    ]);
    expect(await row('Provincie')).toEqual(['Zuid-Holland', 'Fryslân']);
    expect((await row('Grootteklasse (CBS)')).map((t) => t.slice(0, 2))).toEqual(['5 ', '1 ']);
    const count = (id: string) =>
      embedded.relations.filter(
        (r) => r.source === id && (r.type === 'member' || r.type === 'uses'),
      ).length;
    expect(await row('Netwerken en diensten')).toEqual([
      String(count('GM0513')),
      String(count('GM0096')),
    ]);
    // They share VNG and IBD, and no region.
    const compare = page.getByTestId('compare');
    expect(await compare.getByRole('heading', { name: /^Allebei/ }).textContent()).toBe(
      'Allebei (2)',
    );
    expect(await page.getByTestId('compare-regions').textContent()).toContain(
      'liggen in geen enkele regio samen',
    );

    // Another first municipality keeps the second; the comparison is a link.
    // Typed once more if the list does not open: in one CI run of 2026-11-30 it
    // stayed closed (not reproduced since, also not at 6x CPU throttling); a
    // second failure still fails the test, with what the field held.
    const renswoude = page.getByRole('option', { name: /Renswoude/ }).first();
    await first.fill('Renswoude');
    const opened = await renswoude
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (!opened) {
      const state = `${await first.inputValue()} / ${await first.getAttribute('aria-expanded')}`;
      await first.fill('');
      await first.fill('Renswoude');
      await renswoude.waitFor({ timeout: 10_000 }).catch(() => {
        throw new Error(`the list did not open twice; field was "${state}"`);
      });
    }
    await first.press('Enter');
    await expect.poll(() => page.url()).toContain('gemeente=GM0339');
    expect(page.url()).toContain('vergelijk=GM0096');
    await page.reload();
    await page.getByTestId('compare-table').waitFor();
    expect(await page.locator('#compare-result').textContent()).toBe(
      'Renswoude en Vlieland vergeleken',
    );
    const violations = await seriousViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a peer's compare button fills the second side and brings the comparison into view", async () => {
    const { page, context } = await openApp(browser, '#/gelijken?gemeente=GM0513');
    const names = await peerNames(page);
    await page.getByRole('button', { name: `Vergelijk ${names[1]} met Gouda` }).click();
    const id = municipalities.find((o) => o.name === names[1])!.id;
    await expect.poll(() => page.url()).toContain(`vergelijk=${id}`);
    const heading = page.locator('#compare-result');
    await expect.poll(() => heading.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await heading.textContent()).toBe(`Gouda en ${names[1]} vergeleken`);
    expect(await page.getByRole('combobox', { name: 'Vergelijk met' }).inputValue()).toBe(names[1]);
    await context.close();
  });

  it('the networks overview counts members as the data does', async () => {
    const { page, context } = await openApp(browser, '#/netwerken');
    await page.getByTestId('networks-table').waitFor();
    const municipalities = new Set(
      embedded.organisations.filter((o) => o.kind === 'municipality').map((o) => o.id),
    );
    for (const id of ['vng', 'g40', 'ibd']) {
      const expected = new Set(
        embedded.relations
          .filter(
            (r) =>
              r.target === id &&
              (r.type === 'member' || r.type === 'uses') &&
              municipalities.has(r.source),
          )
          .map((r) => r.source),
      ).size;
      const row = page.locator(`tr[data-id="${id}"]`);
      if ((await row.count()) === 0) continue;
      expect(Number((await row.getByTestId('members').textContent())!.replace(/\./g, '')), id).toBe(
        expected,
      );
    }
    await page.getByLabel('Soort').selectOption('chainPartner');
    await expect.poll(() => page.url()).toContain('soort=chainPartner');
    await page.reload();
    expect(await page.getByLabel('Soort').inputValue()).toBe('chainPartner');
    await context.close();
  });

  it('the networks table sorts by the column header clicked, and turns round on a second click', async () => {
    const { page, context } = await openApp(browser, '#/netwerken');
    const table = page.getByTestId('networks-table');
    await table.waitFor();
    const names = () =>
      table.locator('tbody tr td:first-child a').evaluateAll((as) => as.map((a) => a.textContent!));
    const members = () =>
      table
        .getByTestId('members')
        .evaluateAll((cells) => cells.map((c) => Number(c.textContent!.replace(/\./g, ''))));
    // Default: most municipalities first.
    const byMembers = await members();
    expect(byMembers).toEqual([...byMembers].sort((a, b) => b - a));
    const header = (name: string) => table.getByRole('columnheader', { name });

    await header('Naam').getByRole('button').click();
    await expect.poll(() => page.url()).toContain('sorteer=naam');
    expect(await header('Naam').getAttribute('aria-sort')).toBe('ascending');
    const az = await names();
    expect(az).toEqual([...az].sort((a, b) => a.localeCompare(b, 'nl')));

    await header('Naam').getByRole('button').click();
    await expect.poll(() => page.url()).toContain('richting=af');
    expect(await header('Naam').getAttribute('aria-sort')).toBe('descending');
    expect(await names()).toEqual([...az].reverse());

    // The order is part of the link.
    await page.reload();
    await table.waitFor();
    expect(await names()).toEqual([...az].reverse());

    await header('Gemeenten').getByRole('button').click();
    await expect.poll(() => page.url()).not.toContain('sorteer=');
    expect(await members()).toEqual(byMembers);
    await context.close();
  });
});
