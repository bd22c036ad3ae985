// User administration in the browser: a system administrator creates an organisation administrator,
// who logs in and manages the users and API tokens of their organisation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  api, firstLoginViaApi, launchBrowser, loginInBrowser, openPage, seriousViolations, settled, uniqueWord,
} from './lib.mjs';

let browser;
let org;
let admin;
let orgAdmin;
const orgAdminName = uniqueWord('oa');
let orgAdminOtp;
let worker;
let workerUrl;
let workerOtp;

before(async () => {
  browser = await launchBrowser();
  org = await api('POST', '/api/v1/organisations', {
    name: `${uniqueWord('ua')} Skyddade boendet`, kind: 'ngo_shelter', coverage: { scope: 'national', codes: [] },
  });
  admin = await openPage(browser);
  await admin.context().grantPermissions(['clipboard-read', 'clipboard-write']);
});
after(async () => {
  await browser?.close();
});

test('a system administrator creates an organisation administrator and sees the one-time password once', async () => {
  await admin.goto('/users/new');
  await settled(admin);
  await admin.getByRole('combobox', { name: 'Organisation' }).fill(org.name.split(' ')[0]);
  await admin.getByRole('option', { name: new RegExp(`^${org.name}`) }).click();
  const roles = admin.getByRole('group', { name: 'Roller' });
  assert.deepEqual(await roles.getByRole('checkbox').evaluateAll((els) => els.map((e) => e.labels[0].textContent)), ['Organisationsadministratör']);

  await admin.getByRole('button', { name: 'Skapa användare' }).click();
  await admin.locator('.error-summary').waitFor();
  assert.match(await admin.locator('#user-username-error').textContent(), /Ange ett användarnamn/);
  assert.equal(await admin.getByLabel(/^Användarnamn/).getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await seriousViolations(admin), [], 'the form with errors');

  await admin.getByLabel(/^Användarnamn/).fill(orgAdminName);
  await admin.getByLabel(/^Namn/).fill('Olga Administratör');
  await roles.getByLabel('Organisationsadministratör').check();
  await admin.getByRole('button', { name: 'Skapa användare' }).click();
  await admin.getByRole('heading', { name: 'Engångslösenord', exact: true }).waitFor();
  orgAdminOtp = (await admin.locator('#one-time-password').textContent()).trim();
  assert.ok(orgAdminOtp.length >= 12);
  await admin.getByRole('button', { name: 'Kopiera engångslösenordet' }).click();
  await admin.getByText('Kopierat.').waitFor();
  assert.equal(await admin.evaluate(() => navigator.clipboard.readText()), orgAdminOtp);
  assert.deepEqual(await seriousViolations(admin), [], 'the one-time password');

  await admin.goto(`/users?organisation=${org.id}`);
  await settled(admin);
  await admin.getByRole('link', { name: 'Olga Administratör' }).waitFor();
  assert.match(await admin.locator('.results-count').textContent(), /^1 användare hittades$/);
});

test('the organisation administrator logs in and is offered users and API tokens, not the audit log', async () => {
  assert.ok(orgAdminOtp, 'needs the account');
  const { creds } = await firstLoginViaApi(orgAdminName, orgAdminOtp);
  orgAdmin = await openPage(browser, { as: null });
  await loginInBrowser(orgAdmin, creds);
  const nav = orgAdmin.getByRole('navigation', { name: 'Huvudmeny' });
  await nav.waitFor();
  const links = await nav.getByRole('link').allTextContents();
  assert.ok(links.includes('Användare') && links.includes('API-nycklar'), links.join(', '));
  assert.ok(!links.includes('Granskningslogg'), links.join(', '));
});

test('an organisation administrator grants only what a shelter allows', async () => {
  await orgAdmin.goto('/users/new');
  await settled(orgAdmin);
  assert.equal(await orgAdmin.getByRole('combobox', { name: 'Organisation' }).count(), 0, 'their own organisation only');
  const roles = orgAdmin.getByRole('group', { name: 'Roller' });
  const offered = await roles.getByRole('checkbox').evaluateAll((els) => els.map((e) => e.labels[0].textContent));
  assert.ok(offered.includes('Medarbetare vid ideell organisation'), offered.join(', '));
  assert.ok(!offered.includes('Polisutredare') && !offered.includes('Systemadministratör'), offered.join(', '));

  await orgAdmin.getByLabel(/^Användarnamn/).fill(uniqueWord('nw'));
  await orgAdmin.getByLabel(/^Namn/).fill('Nora Medarbetare');
  await roles.getByLabel('Medarbetare vid ideell organisation').check();
  await orgAdmin.getByRole('button', { name: 'Skapa användare' }).click();
  await orgAdmin.getByRole('heading', { name: 'Engångslösenord', exact: true }).waitFor();
  await orgAdmin.getByRole('link', { name: 'Visa användaren' }).click();
  await orgAdmin.waitForURL(/\/users\/[0-9a-f]+$/);
  workerUrl = new URL(orgAdmin.url()).pathname;
  await orgAdmin.getByRole('heading', { level: 1, name: 'Nora Medarbetare' }).waitFor();
  assert.deepEqual(await seriousViolations(orgAdmin), [], 'the user page');
});

test('saving over someone else\'s change asks to reload instead', async () => {
  assert.ok(workerUrl, 'needs the user');
  const second = await openPage(browser, { as: await orgAdmin.context().storageState() });
  await second.goto(workerUrl);
  await settled(second);
  await orgAdmin.goto(workerUrl);
  await settled(orgAdmin);

  await orgAdmin.getByLabel(/^Namn/).fill('Nora Medarbetare Andersson');
  await orgAdmin.getByRole('button', { name: 'Spara ändringar' }).click();
  await orgAdmin.getByText('Ändringarna har sparats.').waitFor();

  await second.getByLabel(/^Namn/).fill('Nora M.');
  await second.getByRole('button', { name: 'Spara ändringar' }).click();
  await second.getByRole('heading', { name: 'Någon annan har ändrat användaren' }).waitFor();
  await second.getByRole('button', { name: 'Ladda om senaste versionen' }).click();
  await second.getByRole('heading', { level: 1, name: 'Nora Medarbetare Andersson' }).waitFor();
  assert.equal(await second.getByLabel(/^Namn/).inputValue(), 'Nora Medarbetare Andersson');
  await second.context().close();
});

test('resetting the password shows a new one-time password; resetting TOTP is confirmed', async () => {
  await orgAdmin.getByRole('button', { name: 'Återställ lösenord' }).click();
  await orgAdmin.getByRole('button', { name: 'Ja, återställ lösenordet' }).click();
  await orgAdmin.getByRole('heading', { name: 'Engångslösenord', exact: true }).waitFor();
  workerOtp = (await orgAdmin.locator('#one-time-password').textContent()).trim();
  await orgAdmin.getByRole('button', { name: 'Återställ tvåstegsverifiering' }).click();
  await orgAdmin.getByRole('button', { name: 'Ja, återställ' }).click();
  await orgAdmin.getByText('Tvåstegsverifieringen är återställd.', { exact: false }).waitFor();
  worker = (await orgAdmin.locator('.details dd').first().textContent()).trim();
});

test('a user without an administrator role sees no user administration', async () => {
  assert.ok(worker && workerOtp, 'needs the reset account');
  const { creds } = await firstLoginViaApi(worker, workerOtp);
  const page = await openPage(browser, { as: null });
  await loginInBrowser(page, creds);
  const links = await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents();
  // A shelter's worker keeps cases, but administers nothing.
  assert.deepEqual(links, ['Start', 'Ärenden', 'Mina uppgifter', 'Remissinkorg', 'Organisationer', 'Vem täcker kommunen?', 'Geografi']);
  await page.goto('/users');
  await page.getByRole('heading', { level: 1, name: 'Du har inte behörighet' }).waitFor();
  await page.goto(`/organisations/${org.id}`);
  await settled(page);
  assert.equal(await page.getByRole('link', { name: 'Redigera' }).count(), 0, 'only system administrators edit organisations');
  await page.context().close();
});

test('API tokens: created, shown once, revoked', async () => {
  const name = uniqueWord('tok');
  await orgAdmin.goto('/tokens');
  await settled(orgAdmin);
  await orgAdmin.getByLabel(/^Namn/).fill(name);
  await orgAdmin.getByLabel('Läsa organisationskatalogen').check();
  await orgAdmin.getByRole('button', { name: 'Skapa nyckel' }).click();
  await orgAdmin.getByRole('heading', { name: `Nyckeln ${name} har skapats` }).waitFor();
  assert.ok(((await orgAdmin.locator('#created-token').textContent()) ?? '').length >= 20);
  const row = orgAdmin.locator('tbody tr', { has: orgAdmin.getByRole('rowheader', { name }) });
  await row.waitFor();
  assert.deepEqual(await seriousViolations(orgAdmin), [], 'the tokens page');
  await row.getByRole('button', { name: `Återkalla ${name}` }).click();
  await row.getByRole('button', { name: 'Ja, återkalla' }).click();
  await orgAdmin.getByText(`Nyckeln ${name} är återkallad.`).waitFor();
  await row.getByText('Återkallad').waitFor();
  assert.deepEqual(orgAdmin.problems, []);
});
