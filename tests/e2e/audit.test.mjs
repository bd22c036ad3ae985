// The audit viewer in the browser, as a national auditor: the event of an account's creation found
// by its filters from the URL, the filter form, and no "does not verify" warning on an intact log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createAccount, launchBrowser, loginInBrowser, openPage, seriousViolations, settled, sleep } from './lib.mjs';

let browser;
let page;
let orgAdmin;
let auditor;

before(async () => {
  browser = await launchBrowser();
  // A national auditor sits in the national unit; its organisation administrator creates one.
  orgAdmin = await createAccount({ roles: ['organisation_administrator'], prefix: 'audoa' });
  auditor = await createAccount({ roles: ['national_auditor'], by: orgAdmin.session, prefix: 'audit' });
  page = await openPage(browser, { as: null });
  await loginInBrowser(page, auditor.creds);
});
after(async () => {
  await browser?.close();
});

/** The audit page at `path`, reloaded until its table has a row: events appear once sequenced (a second or two). */
async function auditRows(path) {
  const rows = page.locator('table tbody tr');
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.goto(path);
    await settled(page);
    if ((await rows.count()) > 0) return rows;
    await sleep(500);
  }
  throw new Error(`no audit events at ${path}`);
}

test('finds the event of an account\'s creation by its filters, with who did it', async () => {
  const rows = await auditRows(`/audit?action=user.created&object_id=${auditor.user.id}`);
  assert.equal(await rows.count(), 1);
  const row = rows.first();
  assert.match(await row.getByRole('rowheader').textContent(), /^\d+$/);
  await row.getByText('user.created', { exact: true }).waitFor();
  await row.getByText(orgAdmin.user.id, { exact: true }).waitFor();
  await row.getByText('Tillåten', { exact: true }).waitFor();
  assert.equal(await page.getByText('1 händelse', { exact: true }).count(), 1);
  assert.equal(await page.getByRole('heading', { name: 'Loggen går inte att verifiera' }).count(), 0);
  await page.getByRole('heading', { name: 'Senaste signerade kontrollpunkt' }).waitFor();
  assert.deepEqual(await seriousViolations(page), []);
});

test('the filter form puts the search in the address and shows the auditor\'s own logins', async () => {
  await page.goto('/audit');
  await settled(page);
  await page.getByLabel('Åtgärd').fill('session.login');
  await page.getByLabel('Utförd av (användar-id)').fill(auditor.user.id);
  await page.getByRole('button', { name: 'Sök' }).click();
  await page.waitForURL((url) => url.searchParams.get('action') === 'session.login' && url.searchParams.get('actor') === auditor.user.id);
  const rows = await auditRows(new URL(page.url()).pathname + new URL(page.url()).search);
  assert.ok((await rows.count()) >= 1);
  for (const action of await rows.locator('td code:not(.hash)').allTextContents()) assert.equal(action, 'session.login');
  assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
});
