// axe-core on every page in both languages: no serious or critical WCAG 2.1 A/AA violation, no CSP breach.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, launchBrowser, openPage, seriousViolations, settled, uniqueWord } from './lib.mjs';

let browser;
let org;

before(async () => {
  browser = await launchBrowser();
  const services = (await api('GET', '/api/v1/ref/services')).items;
  org = await api('POST', '/api/v1/organisations', {
    name: `${uniqueWord('a11y')} Tillgänglighetsjouren`, kind: 'ngo_shelter',
    contact: { email: 'a11y@example.org', phone: '+46980123456' },
    coverage: { scope: 'counties', codes: ['25'] }, services: services.slice(0, 2).map((s) => s.code),
    languages: ['swe', 'eng'], capacity: [{ gender: 'women', age_group: 'adults', places: 4 }],
  });
});
after(async () => {
  await browser?.close();
});

// Paths are functions: the test organisation exists only once before() has run.
const pages = [
  ['home', () => '/'],
  ['directory', () => '/organisations'],
  ['directory, filtered', () => '/organisations?kind=ngo_shelter&municipality=2584&active=all'],
  ['organisation', () => `/organisations/${org.id}`],
  ['new organisation', () => '/organisations/new'],
  ['edit organisation', () => `/organisations/${org.id}/edit`],
  ['coverage tool', () => '/coverage'],
  ['coverage answer', () => '/coverage?municipality=2584'],
  ['geography', () => '/geography'],
  ['geography, county chosen', () => '/geography?county=25'],
  ['not found', () => '/no-such-page'],
];

for (const lang of ['sv', 'en']) {
  describe(`in ${lang === 'sv' ? 'Swedish' : 'English'}`, () => {
    for (const [label, path] of pages) {
      test(label, async () => {
        const page = await openPage(browser, { lang });
        await page.goto(path());
        await settled(page);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await seriousViolations(page), []);
        assert.equal(await page.locator('main').count(), 1);
        assert.equal(await page.locator('h1').count(), 1);
        assert.equal(await page.locator('[style]').count(), 0, 'no inline styles (CSP style-src self)');
        assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
        await page.context().close();
      });
    }
  });
}

test('the form with errors shown stays accessible', async () => {
  const page = await openPage(browser);
  await page.goto('/organisations/new');
  await settled(page);
  await page.getByLabel('E-post').fill('fel');
  await page.getByRole('button', { name: 'Skapa organisation' }).click();
  await page.locator('.error-summary').waitFor();
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('combobox', { name: 'Lägg till kommun' }).fill('Kir');
  await page.locator('[role=listbox] [role=option]').first().waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'with the suggestion list open');
});

test('the skip link moves focus to the main content', async () => {
  const page = await openPage(browser);
  await page.goto('/organisations');
  await settled(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Hoppa till innehållet');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
});
