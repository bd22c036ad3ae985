// TOTP re-enrolment after an administrator's reset, in the browser: the administrator resets a user's
// password and TOTP (the user's sessions end); the user logs in with the one-time password, chooses a
// new one, enrols TOTP again from the QR code, sees ten new recovery codes once and lands on the page
// they asked for. The old recovery codes no longer work; the new ones do.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ApiSession, createAccount, freshTotp, launchBrowser, newPassword, openPage, saveAccount, seriousViolations, settled,
  submitLogin,
} from './lib.mjs';

let browser;
/** The account as it was before the reset: its first login (through the API) enrolled TOTP. */
let account;
let oneTimePassword;
let creds;

before(async () => {
  browser = await launchBrowser();
  // An organisation administrator sees personal data, so the server makes them enrol TOTP.
  account = await createAccount({ roles: ['organisation_administrator'], prefix: 'reenrol' });
});
after(async () => {
  await browser?.close();
});

test('an administrator resets the password and TOTP; the user is logged out everywhere', async () => {
  const admin = await openPage(browser);
  await admin.goto(`/users/${account.user.id}`);
  await settled(admin);
  const totpStatus = admin.locator('.details dd').nth(3);
  assert.equal(await totpStatus.textContent(), 'Aktiverad');

  await admin.getByRole('button', { name: 'Återställ lösenord' }).click();
  await admin.getByRole('button', { name: 'Ja, återställ lösenordet' }).click();
  await admin.getByRole('heading', { name: 'Engångslösenord', exact: true }).waitFor();
  oneTimePassword = (await admin.locator('#one-time-password').textContent()).trim();
  assert.ok(oneTimePassword.length >= 12);

  await admin.getByRole('button', { name: 'Återställ tvåstegsverifiering' }).click();
  await admin.getByRole('button', { name: 'Ja, återställ' }).click();
  await admin.getByText('Tvåstegsverifieringen är återställd.', { exact: false }).waitFor();
  // The page shows the account as it is now, and the one-time password is still there to hand over.
  await admin.waitForFunction(() => document.querySelectorAll('.details dd')[3]?.textContent === 'Inte aktiverad ännu');
  assert.equal((await admin.locator('#one-time-password').textContent()).trim(), oneTimePassword);
  assert.deepEqual(admin.problems, []);
  await admin.context().close();

  assert.equal((await account.session.raw('GET', '/api/v1/session')).status, 401, 'the user\'s sessions ended');
});

test('the user logs in with the one-time password, changes it, enrols TOTP again and sees new recovery codes once', async () => {
  assert.ok(oneTimePassword, 'needs the reset');
  const { username } = account.creds;
  const page = await openPage(browser, { as: null });
  await page.goto('/notifications');
  await page.waitForURL(/\/login\?next=%2Fnotifications$/);

  await submitLogin(page, username, oneTimePassword);
  await page.getByRole('heading', { level: 1, name: 'Välj ett eget lösenord' }).waitFor();
  const password = newPassword();
  await page.getByLabel('Engångslösenord').fill(oneTimePassword);
  await page.getByLabel('Nytt lösenord').fill(password);
  await page.getByLabel('Upprepa det nya lösenordet').fill(password);
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();

  // Enrolment again: a new QR code (loaded under the CSP) and a new secret, with a word on removing
  // the old entry from the app.
  await page.getByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' }).waitFor();
  await page.getByText(/Ta då bort det gamla OpenNRM-kontot i appen/).waitFor();
  const qr = page.getByRole('img', { name: /QR-kod/ });
  assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  await page.waitForFunction(() => (document.querySelector('img.qr')?.naturalWidth ?? 0) > 0);
  const secret = (await page.locator('#enrol-secret').textContent()).replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]+$/);
  assert.notEqual(secret, account.creds.secret, 'a new secret, not the reset one');
  assert.deepEqual(await seriousViolations(page), [], 'enrolment step');
  await page.getByLabel('Kod från appen').fill(await freshTotp(username, secret));
  await page.getByRole('button', { name: 'Aktivera' }).click();

  await page.getByRole('heading', { level: 1, name: 'Spara dina återställningskoder' }).waitFor();
  const codes = await page.locator('.code-list code').allTextContents();
  assert.equal(codes.length, 10);
  for (const c of codes) assert.ok(!account.creds.recoveryCodes.includes(c), `${c} is new`);
  creds = { username, password, secret, recoveryCodes: codes };
  saveAccount(creds);
  await page.getByLabel('Jag har sparat koderna').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();

  await page.waitForURL(/\/notifications$/);
  await page.getByRole('heading', { level: 1, name: 'Aviseringar' }).waitFor();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
  // Shown once: back on the login page the session is active, and the app moves on without them.
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: 'OpenNRM' }).waitFor();
  assert.equal(await page.locator('.code-list').count(), 0);
  assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
  await page.context().close();
});

test('the old recovery codes no longer work; a new one does', async () => {
  assert.ok(creds, 'needs the re-enrolment');
  const probe = new ApiSession();
  const first = await probe.request('POST', '/api/v1/session', { username: creds.username, password: creds.password });
  assert.equal(first.stage, 'totp');
  const old = await probe.raw('POST', '/api/v1/session/totp', { recovery_code: account.creds.recoveryCodes[0] });
  assert.equal(old.status, 401, 'an old recovery code is refused');
  const fresh = await probe.request('POST', '/api/v1/session/totp', { recovery_code: creds.recoveryCodes[0] });
  assert.equal(fresh.stage, 'active');
  saveAccount({ ...creds, recoveryCodes: creds.recoveryCodes.slice(1) });
  await probe.raw('DELETE', '/api/v1/session');
});
