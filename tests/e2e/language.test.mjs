// The language switch: Swedish by default, English on request, remembered across visits.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, settled } from './lib.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('Swedish is the default; the switch turns texts and <html lang> to English and back', async () => {
  const page = await openPage(browser);
  await page.goto('/organisations');
  await settled(page);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Svenska' }).getAttribute('aria-pressed'), 'true');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('link', { name: 'Geography' }).waitFor();
  await page.getByLabel('Search terms').waitFor();
  assert.match(await page.title(), /^Organisations/);

  await page.reload();
  await settled(page);
  await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('opennrm.lang')), 'en');

  await page.getByRole('button', { name: 'Svenska' }).click();
  await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
});

test('the map and its county list speak English too', async () => {
  const page = await openPage(browser, { lang: 'en' });
  await page.goto('/geography');
  await settled(page);
  await page.getByRole('heading', { level: 1, name: 'Geography' }).waitFor();
  await page.getByRole('button', { name: /^Norrbottens län, Police Region North/ }).click();
  await page.getByRole('heading', { name: 'Municipalities in Norrbottens län' }).waitFor();
  assert.match(await page.locator('.county-detail [role=status]').textContent(), /^14 municipalities/);
});
