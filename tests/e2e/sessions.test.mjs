// My sessions, password change and new recovery codes, in the browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ApiSession, createAccount, freshTotp, launchBrowser, loginInBrowser, newPassword, openPage, saveAccount, seriousViolations,
  settled,
} from './lib.mjs';

let browser;
let page;
let creds;
/** The same account logged in elsewhere (this process, standing for another device). */
let other;

before(async () => {
  browser = await launchBrowser();
  ({ creds, session: other } = await createAccount({ roles: ['organisation_administrator'], prefix: 'sess' }));
  page = await openPage(browser, { as: null });
  await loginInBrowser(page, creds);
});
after(async () => {
  await browser?.close();
});

test('my sessions lists this browser and the other device; ending the other one logs it out', async () => {
  await page.goto('/account/sessions');
  await settled(page);
  const rows = page.locator('table tbody tr');
  assert.equal(await rows.count(), 2);
  assert.equal(await rows.filter({ hasText: 'Den här sessionen' }).count(), 1);
  assert.deepEqual(await seriousViolations(page), []);

  await rows.filter({ hasNotText: 'Den här sessionen' }).getByRole('button', { name: /^Avsluta/ }).click();
  await page.getByText('Sessionen har avslutats.').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr').length === 1);
  assert.equal((await other.raw('GET', '/api/v1/session')).status, 401, 'the other device is logged out');
});

test('changing the password: the new one works and the old one does not', async () => {
  await page.goto('/account/password');
  await settled(page);
  const password = newPassword();
  await page.getByLabel('Nuvarande lösenord').fill(creds.password);
  await page.getByLabel('Nytt lösenord').fill(password);
  await page.getByLabel('Upprepa det nya lösenordet').fill(password);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await page.getByText('Lösenordet har bytts.').waitFor();

  const probe = new ApiSession();
  assert.equal((await probe.raw('POST', '/api/v1/session', { username: creds.username, password: creds.password })).status, 401);
  const ok = await probe.raw('POST', '/api/v1/session', { username: creds.username, password });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.stage, 'totp');
  await probe.raw('DELETE', '/api/v1/session');
  creds = { ...creds, password };
  saveAccount(creds);
});

test('new recovery codes need a TOTP code', async () => {
  await page.goto('/account/recovery-codes');
  await settled(page);
  await page.getByRole('button', { name: 'Skapa nya koder' }).click();
  assert.match(await page.locator('#regenerate-code-error').textContent(), /Ange koden/);
  await page.getByLabel('Engångskod').fill(await freshTotp(creds.username, creds.secret));
  await page.getByRole('button', { name: 'Skapa nya koder' }).click();
  await page.getByText('Nya återställningskoder har skapats.').waitFor();
  const codes = await page.locator('.code-list code').allTextContents();
  assert.equal(codes.length, 10);
  assert.deepEqual(await seriousViolations(page), []);
  creds = { ...creds, recoveryCodes: codes };
  saveAccount(creds);
});

test('logging out everywhere ends this session too', async () => {
  await page.goto('/account/sessions');
  await settled(page);
  await page.getByRole('button', { name: 'Logga ut överallt' }).click();
  await page.getByRole('button', { name: 'Ja, logga ut överallt' }).click();
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  await page.goto('/account');
  await page.waitForURL(/\/login\?next=%2Faccount$/);
  assert.deepEqual(page.problems, []);
});
