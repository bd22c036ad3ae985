// Persons of a case in the browser: a social worker of a municipality's social services adds a person
// with a Cyrillic original name to their case, sees both spellings listed, and then finds the person
// on the search page by a different Latin spelling. axe-core on both pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  api, createAccount, launchBrowser, loginInBrowser, openPage, seriousViolations, settled, uniqueWord,
} from './lib.mjs';

let browser;
let worker;
let caseId;

before(async () => {
  browser = await launchBrowser();
  const org = await api('POST', '/api/v1/organisations', {
    name: `${uniqueWord('persons')} socialtjänst`, kind: 'municipal_social_services',
    coverage: { scope: 'municipalities', codes: ['2584'] },
  });
  const orgAdmin = await createAccount({ roles: ['organisation_administrator'], organisationId: org.id, prefix: 'persoa' });
  const sw = await createAccount({ roles: ['social_worker'], organisationId: org.id, by: orgAdmin.session, prefix: 'persw' });
  caseId = (await sw.session.request('POST', '/api/v1/cases', { type: 'trafficking_in_human_beings' })).id;
  const page = await openPage(browser, { as: null });
  worker = await loginInBrowser(page, sw.creds);
  await page.context().close();
});
after(async () => {
  await browser?.close();
});

async function assertSound(page, what) {
  assert.deepEqual(await seriousViolations(page), [], what);
  assert.equal(await page.locator('h1').count(), 1, what);
  assert.equal(await page.locator('[style]').count(), 0, `${what}: no inline styles (CSP style-src self)`);
  assert.deepEqual(page.problems, [], `${what}: no console errors or CSP violations`);
}

test('a social worker adds a person with a Cyrillic name and finds them by another spelling', async () => {
  const page = await openPage(browser, { as: worker });
  await page.goto(`/cases/${caseId}`);
  await page.getByText('Ärendet har inga personer ännu.').waitFor();
  await page.getByLabel('Presumtivt brottsoffer').check();
  await page.getByLabel('Namn 1 med latinska bokstäver').fill('Ivan Yordanov');
  await page.getByLabel('Namn 1 i originalskrift').fill('Иван Йорданов');
  await page.locator('#person-dob').fill('1994-03');
  await page.getByRole('button', { name: 'Lägg till person' }).click();
  await page.getByText(/^Personen P-\d{4}-\d{6,9} är tillagd i ärendet\.$/).waitFor();
  const table = page.getByRole('table', { name: 'Personer' });
  const row = table.getByRole('row').filter({ hasText: 'Ivan Yordanov' });
  await row.waitFor();
  assert.match(await row.textContent(), /Presumtivt brottsoffer/);
  assert.equal(await row.locator('span[dir="auto"]', { hasText: 'Иван Йорданов' }).count(), 1);
  assert.match(await row.textContent(), /1994-03/);
  const code = (await row.getByRole('rowheader').textContent()).trim();
  await assertSound(page, 'the case page with a person');

  await page.goto('/cases');
  await settled(page);
  await page.getByRole('link', { name: 'Sök person' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sök person' }).waitFor();
  await page.getByLabel(/^Namn/).fill('Jordanov');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const found = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: code }) });
  await found.waitFor();
  assert.match(await found.textContent(), /Иван Йорданов/);
  assert.match(await found.textContent(), /Låter likadant|Samma stavning/);
  await assertSound(page, 'the person search with a result');
  await found.getByRole('link').click();
  await page.waitForURL(`**/cases/${caseId}`);
  await page.context().close();
});
