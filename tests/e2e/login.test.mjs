// The login flow in the browser: the first login (one-time password → own password → TOTP enrolment,
// the code computed here from the secret on the page → recovery codes → the page asked for), the
// generic error, logging out, and logging in with a recovery code (once only).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import {
  adminApi, freshTotp, launchBrowser, newPassword, openPage, saveAccount, savedAccount, seriousViolations,
  submitLogin, totpAt, totpStep, uniqueWord,
} from './lib.mjs';

let browser;
let page;
/** The account whose first login this file performs: the first administrator on a fresh server. */
let account;
let creds;

before(async () => {
  browser = await launchBrowser();
  if (!savedAccount('admin')) {
    const otp = process.env.OPENNRM_E2E_ADMIN_PASSWORD;
    assert.ok(otp, 'OPENNRM_E2E_ADMIN_PASSWORD must hold the one-time password the server printed');
    account = { username: 'admin', oneTimePassword: otp };
  } else {
    // Another file already logged the first administrator in: a new account shows the same flow.
    const admin = await adminApi();
    const me = await admin.request('GET', '/api/v1/session');
    const username = uniqueWord('first');
    const created = await admin.request('POST', '/api/v1/users', {
      organisation_id: me.user.organisation.id, username, display_name: `Test ${username}`, roles: ['organisation_administrator'],
    });
    account = { username, oneTimePassword: created.one_time_password };
  }
  page = await openPage(browser, { as: null });
});
after(async () => {
  await browser?.close();
});

// The server slows down an address after a few failures (429); submitLogin waits that out, so each
// answer checked here is the one for these credentials.
const submitCredentials = submitLogin;

test('the first login: one-time password → own password → TOTP → recovery codes → the page asked for', async () => {
  await page.goto('/account/sessions');
  await page.waitForURL(/\/login\?next=%2Faccount%2Fsessions$/);
  await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Huvudmeny' }).count(), 0, 'no navigation before login');

  await submitCredentials(page, account.username, 'inte-rätt-lösenord');
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.match(await summary.textContent(), /Fel användarnamn eller lösenord\./);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  assert.deepEqual(await seriousViolations(page), [], 'credentials step with an error');

  await submitCredentials(page, account.username, account.oneTimePassword);
  await page.getByRole('heading', { level: 1, name: 'Välj ett eget lösenord' }).waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'password step');
  await page.getByLabel('Engångslösenord').fill(account.oneTimePassword);
  await page.getByLabel('Nytt lösenord').fill('kort');
  assert.equal(await page.locator('#password-new-counter').textContent(), '4 tecken av minst 12');
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();
  assert.match(await page.locator('#password-new-error').textContent(), /minst 12 tecken/);
  assert.equal(await page.getByLabel('Nytt lösenord').getAttribute('aria-invalid'), 'true');
  const password = newPassword();
  await page.getByLabel('Nytt lösenord').fill(password);
  assert.match(await page.locator('#password-new-counter').textContent(), /tillräckligt långt/);
  await page.getByLabel('Upprepa det nya lösenordet').fill(password);
  await page.getByRole('button', { name: 'Spara lösenordet' }).click();

  await page.getByRole('heading', { level: 1, name: 'Aktivera tvåstegsverifiering' }).waitFor();
  const qr = page.getByRole('img', { name: /QR-kod/ });
  assert.match(await qr.getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  // The image loaded: the CSP (img-src 'self' data:) lets it through and nothing else was needed.
  await page.waitForFunction(() => (document.querySelector('img.qr')?.naturalWidth ?? 0) > 0);
  const grouped = await page.locator('#enrol-secret').textContent();
  assert.match(grouped, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/, 'the secret in groups of four');
  const secret = grouped.replace(/\s/g, '');
  assert.deepEqual(await seriousViolations(page), [], 'enrolment step');

  await page.getByLabel('Kod från appen').fill(totpAt(secret, totpStep() - 20));
  await page.getByRole('button', { name: 'Aktivera' }).click();
  assert.match(await page.locator('.error-summary').textContent(), /Koden stämmer inte/);
  await page.getByLabel('Kod från appen').fill(await freshTotp(account.username, secret));
  await page.getByRole('button', { name: 'Aktivera' }).click();

  await page.getByRole('heading', { level: 1, name: 'Spara dina återställningskoder' }).waitFor();
  const codes = await page.locator('.code-list code').allTextContents();
  assert.equal(codes.length, 10);
  for (const c of codes) assert.match(c, /^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  creds = { username: account.username, password, secret, recoveryCodes: codes };
  saveAccount(creds);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ned som textfil' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `opennrm-recovery-codes-${account.username}.txt`);
  const file = await readFile(await download.path(), 'utf8');
  for (const c of codes) assert.ok(file.includes(c), `the file holds ${c}`);
  assert.deepEqual(await seriousViolations(page), [], 'recovery codes step');

  await page.getByRole('button', { name: 'Fortsätt' }).click();
  assert.match(await page.locator('#recovery-saved-error').textContent(), /Bekräfta att du har sparat koderna/);
  await page.getByLabel('Jag har sparat koderna').check();
  await page.getByRole('button', { name: 'Fortsätt' }).click();

  await page.waitForURL(/\/account\/sessions$/);
  await page.getByRole('heading', { level: 1, name: 'Sessioner' }).waitFor();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
  await page.getByRole('button', { name: 'Logga ut', exact: true }).waitFor();
  assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
});

test('after logging out, a recovery code logs in once; the same code is refused the second time', async () => {
  assert.ok(creds, 'needs the first login');
  const code = creds.recoveryCodes[0];
  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await page.getByText('Du har loggat ut.').waitFor();
  assert.equal((await page.request.get('/api/v1/session')).status(), 401, 'the server forgot the session');

  await submitCredentials(page, creds.username, creds.password);
  await page.getByRole('heading', { level: 1, name: 'Tvåstegsverifiering' }).waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'TOTP step');
  await page.getByRole('button', { name: 'Använd en återställningskod i stället' }).click();
  await page.getByLabel('Återställningskod').fill(code);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByRole('heading', { level: 1, name: 'OpenNRM' }).waitFor();

  await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
  await page.getByText('Du har loggat ut.').waitFor();
  await submitCredentials(page, creds.username, creds.password);
  await page.getByRole('button', { name: 'Använd en återställningskod i stället' }).click();
  await page.getByLabel('Återställningskod').fill(code);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  assert.match(await page.locator('#totp-recovery-code-error').textContent(), /har redan använts/);

  await page.getByRole('button', { name: 'Använd koden från appen i stället' }).click();
  await page.getByLabel('Engångskod').fill(await freshTotp(creds.username, creds.secret));
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.getByRole('heading', { level: 1, name: 'OpenNRM' }).waitFor();
  saveAccount({ ...creds, recoveryCodes: creds.recoveryCodes.slice(1) });
  assert.deepEqual(page.problems, []);
});

test('a wrong password and an unknown user get the same answer', async () => {
  assert.ok(creds, 'needs the first login');
  const anon = await openPage(browser, { as: null });
  await anon.goto('/login');
  const first = await submitCredentials(anon, creds.username, `${creds.password}x`);
  await anon.locator('.error-summary').waitFor();
  const wrong = await anon.locator('.error-summary').textContent();
  const second = await submitCredentials(anon, uniqueWord('nobody'), 'vilket lösenord som helst');
  // Each failure moves focus back to the summary once it shows the new answer.
  await anon.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.equal(await anon.locator('.error-summary').textContent(), wrong);
  assert.equal(first.status(), 401);
  assert.equal(second.status(), 401);
  assert.equal((await first.json()).type, (await second.json()).type, 'the server answers both alike');
  await anon.context().close();
});
