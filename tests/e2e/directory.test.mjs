// The organisation directory: search, filters, paging and the detail page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, launchBrowser, openPage, settled, uniqueWord } from './lib.mjs';

let browser;
const word = uniqueWord('dir');
let alfa;
let service;

before(async () => {
  browser = await launchBrowser();
  service = (await api('GET', '/api/v1/ref/services')).items[0];
  alfa = await api('POST', '/api/v1/organisations', {
    name: `${word} Alfajouren`, kind: 'ngo_shelter',
    coverage: { scope: 'municipalities', codes: ['2584'] }, services: [service.code], languages: ['swe'],
  });
  await api('POST', '/api/v1/organisations', {
    name: `${word} Betaenheten`, kind: 'county_board', coverage: { scope: 'counties', codes: ['01'] },
  });
});
after(async () => {
  await browser?.close();
});

const count = (page) => page.locator('.results-count');
const titles = (page) => page.locator('.org-list .org-card-title').allTextContents();

test('free-text search finds both test organisations', async () => {
  const page = await openPage(browser);
  await page.goto('/organisations');
  await settled(page);
  await page.getByLabel('Sökord').fill(word);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.waitForURL(new RegExp(`q=${word}`));
  await assert.doesNotReject(count(page).filter({ hasText: '2 organisationer' }).waitFor());
  assert.deepEqual((await titles(page)).sort(), [`${word} Alfajouren`, `${word} Betaenheten`]);
});

test('kind, municipality and service filters narrow the list', async () => {
  const page = await openPage(browser);
  await page.goto(`/organisations?q=${word}`);
  await settled(page);
  await page.getByLabel('Typ av organisation').selectOption('ngo_shelter');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await count(page).filter({ hasText: '1 organisation hittades' }).waitFor();
  assert.deepEqual(await titles(page), [`${word} Alfajouren`]);

  await page.goto(`/organisations?q=${word}`);
  await settled(page);
  const picker = page.getByRole('combobox', { name: 'Kommun' });
  await picker.fill('Kiru');
  await page.getByRole('option', { name: /^Kiruna/ }).click();
  assert.equal(await picker.inputValue(), 'Kiruna');
  await page.getByLabel('Tjänst').selectOption(service.code);
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await page.waitForURL(/municipality=2584/);
  await count(page).filter({ hasText: '1 organisation hittades' }).waitFor();
  assert.deepEqual(await titles(page), [`${word} Alfajouren`]);
  assert.match(page.url(), new RegExp(`service=${service.code}`));
});

test('the list pages through the whole directory', async () => {
  const page = await openPage(browser);
  await page.goto('/organisations?active=all');
  await settled(page);
  const next = page.getByRole('link', { name: 'Nästa sida' });
  await page.locator('.org-card').first().waitFor();
  if ((await page.locator('.org-card').count()) < 20) return; // too few organisations to page
  const first = await titles(page);
  await next.click();
  await page.waitForURL(/page=2/);
  await page.getByText('Sida 2 av').waitFor();
  assert.notDeepEqual(await titles(page), first);
});

test('a result opens the organisation’s page', async () => {
  const page = await openPage(browser);
  await page.goto(`/organisations?q=${word}`);
  await settled(page);
  await page.getByRole('link', { name: `${word} Alfajouren` }).click();
  await page.waitForURL(`**/organisations/${alfa.id}`);
  await page.getByRole('heading', { level: 1, name: `${word} Alfajouren` }).waitFor();
  await page.waitForFunction(() => document.querySelector('.details')?.textContent?.includes('Kiruna'));
  const details = await page.locator('.details').textContent();
  assert.match(details, /Kiruna/);
  assert.match(details, new RegExp(service.name_sv));
  assert.deepEqual(page.problems, []);
});
