// Notifications in the browser: the bell, the list and its unread filter.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAccount, launchBrowser, loginInBrowser, openPage, seriousViolations, settled } from './lib.mjs';

let browser;
let page;

before(async () => {
  browser = await launchBrowser();
  const { creds } = await createAccount({ roles: ['organisation_administrator'], prefix: 'notes' });
  page = await openPage(browser, { as: null });
  await loginInBrowser(page, creds);
});
after(async () => {
  await browser?.close();
});

test('the bell leads to the notifications, of which a new account has none', async () => {
  await page.goto('/');
  await settled(page);
  const bell = page.getByRole('banner').getByRole('link', { name: 'Aviseringar', exact: true });
  await bell.click();
  await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
  await page.getByText('Du har inga aviseringar.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Markera alla som lästa' }).isDisabled(), true);
  assert.deepEqual(await seriousViolations(page), []);
});

test('the unread filter lives in the address and survives a reload', async () => {
  await page.getByLabel('Bara olästa').check();
  await page.waitForURL(/\/notifications\?unread=true$/);
  await page.getByText('Du har inga olästa aviseringar.').waitFor();
  await page.reload();
  await settled(page);
  assert.equal(await page.getByLabel('Bara olästa').isChecked(), true);
  assert.deepEqual(page.problems, []);
});

// A real notification comes from break-glass: cases.test.mjs opens a case that way and checks that
// the organisation administrator's bell shows it, with the reason, and that "Markera som läst"
// clears the count ("Markera alla som lästa" is covered by the unit tests in
// web/src/features/notifications/notifications.test.tsx).
