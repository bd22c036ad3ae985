// Create, fix a validation error, edit and deactivate an organisation through the form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, settled, uniqueWord } from './lib.mjs';

let browser;
let page;
const name = `${uniqueWord('form')} Stödboendet`;

before(async () => {
  browser = await launchBrowser();
  page = await openPage(browser);
});
after(async () => {
  await browser?.close();
});

test('an invalid e-mail is reported beside the field and in the summary', async () => {
  await page.goto('/organisations/new');
  await settled(page);
  await page.getByLabel(/^Namn/).fill(name);
  await page.getByLabel(/^Typ av organisation/).selectOption('ngo_shelter');
  await page.getByLabel('Telefon').fill('+46980123456');
  await page.getByLabel('E-post').fill('inte-en-adress');
  await page.getByRole('combobox', { name: 'Lägg till kommun' }).fill('Kiru');
  await page.getByRole('option', { name: /^Kiruna/ }).click();
  await page.locator('#org-services input[type=checkbox]').first().check();
  await page.getByRole('combobox', { name: /^Språk som organisationen/ }).fill('swe');
  await page.getByRole('option', { name: /\(swe\)$/ }).click();
  await page.getByRole('button', { name: 'Lägg till platsrad' }).click();
  await page.getByLabel('Kön').selectOption('women');
  await page.getByLabel('Åldersgrupp').selectOption('adults');
  await page.getByLabel('Antal platser').fill('6');
  await page.getByLabel('Skyddad adress').fill('Hemlig gatan 1, 981 00 Kiruna');
  await page.getByRole('button', { name: 'Skapa organisation' }).click();

  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /E-post/);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  const email = page.getByLabel('E-post');
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  assert.match(await email.getAttribute('aria-describedby'), /org-contact-email-error/);
  assert.match(await page.locator('#org-contact-email-error').textContent(), /e-postadress/);
  assert.ok(await page.locator('#org-contact-email-error').isVisible());
  assert.match(page.url(), /\/organisations\/new$/);

  await summary.getByRole('link').first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'org-contact-email');
});

test('after fixing the e-mail the organisation is saved and shown', async () => {
  await page.getByLabel('E-post').fill('kontakt@example.org');
  await page.getByRole('button', { name: 'Skapa organisation' }).click();
  await page.waitForURL(/\/organisations\/[0-9a-f]{32}$/);
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText('Organisationen har skapats.').waitFor();
  const details = await page.locator('.details').textContent();
  assert.match(details, /kontakt@example\.org/);
  assert.match(details, /Finns \(visas aldrig\)/);
  assert.doesNotMatch(await page.content(), /Hemlig gatan/, 'the protected address is never shown');
});

test('editing changes the stored organisation', async () => {
  await page.getByRole('link', { name: 'Redigera' }).click();
  await page.getByRole('heading', { level: 1, name: `Redigera ${name}` }).waitFor();
  assert.equal(await page.getByLabel('E-post').inputValue(), 'kontakt@example.org');
  assert.equal(await page.getByLabel('Skyddad adress').inputValue(), '', 'write-only: never filled in again');
  await page.getByLabel('Webbplats').fill('https://example.org/jour');
  await page.getByLabel(/^Namn/).fill(`${name} Norr`);
  await page.getByRole('button', { name: 'Spara ändringar' }).click();
  await page.getByRole('heading', { level: 1, name: `${name} Norr` }).waitFor();
  await page.getByText('Ändringarna har sparats.').waitFor();
  assert.match(await page.locator('.details').textContent(), /https:\/\/example\.org\/jour/);
  assert.match(await page.locator('.details').textContent(), /Finns \(visas aldrig\)/, 'still stored after an edit');
});

test('deactivating marks it inactive and keeps it out of the active list', async () => {
  await page.getByRole('button', { name: 'Inaktivera' }).click();
  await page.locator('.badge', { hasText: 'Inaktiv' }).waitFor();
  await page.getByRole('button', { name: 'Aktivera' }).waitFor();

  const word = name.split(' ')[0];
  await page.goto(`/organisations?q=${word}`);
  await settled(page);
  await page.getByText('0 organisationer hittades').waitFor();
  await page.goto(`/organisations?q=${word}&active=false`);
  await settled(page);
  await page.getByRole('link', { name: `${name} Norr` }).waitFor();
  assert.deepEqual(page.problems, []);
});
