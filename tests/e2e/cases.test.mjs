// Cases in the browser: an organisation administrator of a municipality's social services has two
// social workers; the first creates a case and finds it in the list; the second cannot see it (the
// same "not found" as a missing case), opens it by break-glass with a reason and then sees it with the
// break-glass banner; the organisation administrator is notified. axe-core on every case page in
// Swedish and English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  api, createAccount, launchBrowser, loginInBrowser, openPage, seriousViolations, settled, uniqueWord,
} from './lib.mjs';

let browser;
const as = {};
let caseId;
let caseCode;
const reason = 'Handläggaren är sjuk och personen ringer nu och behöver skydd i kväll.';

before(async () => {
  browser = await launchBrowser();
  const org = await api('POST', '/api/v1/organisations', {
    name: `${uniqueWord('cases')} socialtjänst`, kind: 'municipal_social_services',
    coverage: { scope: 'municipalities', codes: ['2584'] },
  });
  const orgAdmin = await createAccount({ roles: ['organisation_administrator'], organisationId: org.id, prefix: 'caseoa' });
  const first = await createAccount({ roles: ['social_worker'], organisationId: org.id, by: orgAdmin.session, prefix: 'casesw' });
  const second = await createAccount({ roles: ['social_worker'], organisationId: org.id, by: orgAdmin.session, prefix: 'casesx' });
  for (const [who, account] of [['orgAdmin', orgAdmin], ['first', first], ['second', second]]) {
    const page = await openPage(browser, { as: null });
    as[who] = await loginInBrowser(page, account.creds);
    await page.context().close();
  }
});
after(async () => {
  await browser?.close();
});

/** Asserts what every page must be: one main, one h1, no serious axe violation, no inline style, no console error. */
async function assertSound(page, what) {
  assert.deepEqual(await seriousViolations(page), [], what);
  assert.equal(await page.locator('main').count(), 1, what);
  assert.equal(await page.locator('h1').count(), 1, what);
  assert.equal(await page.locator('[style]').count(), 0, `${what}: no inline styles (CSP style-src self)`);
  assert.deepEqual(page.problems, [], `${what}: no console errors or CSP violations`);
}

test('a social worker creates a case and finds it in the list', async () => {
  const page = await openPage(browser, { as: as.first });
  await page.goto('/');
  await settled(page);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ärenden' }).click();
  await page.getByRole('heading', { name: 'Du har inga ärenden ännu' }).waitFor();
  await assertSound(page, 'the empty case list');

  await page.getByRole('main').getByRole('link', { name: 'Nytt ärende' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Nytt ärende' }).waitFor();
  await page.getByRole('button', { name: 'Skapa ärende' }).click();
  await page.locator('.error-summary').waitFor();
  assert.match(await page.locator('#case-type-error').textContent(), /Välj vad ärendet gäller/);
  await assertSound(page, 'the new-case form with its error');

  await page.getByLabel('Människohandel').check();
  await page.getByRole('button', { name: 'Skapa ärende' }).click();
  await page.waitForURL(/\/cases\/[0-9a-f]{32}$/);
  caseId = new URL(page.url()).pathname.split('/').pop();
  const h1 = page.getByRole('heading', { level: 1, name: /^Ärende NRM-\d{4}-\d{6,9}$/ });
  await h1.waitFor();
  caseCode = (await h1.textContent()).replace('Ärende ', '');
  await page.getByText('Ärendet har skapats. Du är med i dess team.').waitFor();
  await page.getByText('Du är med i ärendets team.').waitFor();
  assert.equal(await page.getByRole('table', { name: 'Team' }).getByRole('rowheader').count(), 1);
  await assertSound(page, 'the case page');

  await page.goto('/cases');
  await settled(page);
  const link = page.getByRole('link', { name: caseCode });
  await link.waitFor();
  const row = page.getByRole('row').filter({ has: link });
  assert.match(await row.textContent(), /Människohandel.*Öppet/);
  await assertSound(page, 'the case list');
  await page.context().close();
});

test('a colleague not on the team gets "not found", opens the case by break-glass and sees the banner', async () => {
  assert.ok(caseId, 'needs the case');
  const page = await openPage(browser, { as: as.second });
  await page.goto(`/cases/${caseId}`);
  await page.getByRole('heading', { level: 1, name: 'Ärendet hittades inte' }).waitFor();
  assert.equal(await page.getByRole('main').getByText(/nödåtkomst/i).count(), 0, 'nothing hints that the case exists');
  await assertSound(page, 'a case one may not see');

  await page.goto('/cases');
  await settled(page);
  await page.getByRole('link', { name: 'Öppna ärende med nödåtkomst' }).click();
  await page.getByRole('heading', { level: 1, name: 'Öppna ärende med nödåtkomst' }).waitFor();
  await page.getByRole('note', { name: 'Öppningen loggas och administratörerna får veta' }).waitFor();
  await page.getByLabel(/^Ärendets id eller länk/).fill(`${new URL(page.url()).origin}/cases/${caseId}`);
  await page.getByLabel(/^Skäl/).fill('Akut');
  await page.getByRole('button', { name: 'Öppna ärendet med nödåtkomst' }).click();
  assert.match(await page.locator('#break-glass-reason-error').textContent(), /Skriv minst 10 tecken/);
  await assertSound(page, 'the break-glass form with its error');

  await page.getByLabel(/^Skäl/).fill(reason);
  await page.getByRole('button', { name: 'Öppna ärendet med nödåtkomst' }).click();
  await page.waitForURL(`**/cases/${caseId}`);
  await page.getByRole('heading', { level: 1, name: `Ärende ${caseCode}` }).waitFor();
  const banner = page.getByRole('note', { name: 'Du har öppnat ärendet med nödåtkomst' });
  assert.match(await banner.textContent(), /Åtkomsten gäller till .+, eller tills du loggar ut\./);
  assert.equal(await page.getByRole('button', { name: 'Lägg till i teamet' }).count(), 0, 'break-glass reads only');
  await assertSound(page, 'a case opened by break-glass');

  // For the rest of this session the case is listed too.
  await page.goto('/cases');
  await settled(page);
  await page.getByRole('link', { name: caseCode }).waitFor();
  await page.context().close();
});

test("the organisation's administrator is told, with the reason, and marks it read", async () => {
  assert.ok(caseId, 'needs the opening');
  const page = await openPage(browser, { as: as.orgAdmin });
  await page.goto('/notifications');
  await settled(page);
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Nödåtkomst till ett ärende/ }) });
  await item.first().waitFor();
  assert.match(await item.first().textContent(), new RegExp(reason));
  assert.match(await item.first().textContent(), new RegExp(caseId));
  const banner = page.getByRole('banner');
  await banner.getByRole('link', { name: 'Aviseringar (1 oläst)' }).waitFor();
  await item.first().getByRole('button', { name: /^Markera som läst/ }).click();
  await banner.getByRole('link', { name: 'Aviseringar', exact: true }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

describe('in English', () => {
  const pages = [
    ['case list', () => '/cases'],
    ['case list, filtered', () => '/cases?status=closed&type=return_only'],
    ['new case', () => '/cases/new'],
    ['a case', () => `/cases/${caseId}`],
    ['a case one may not see', () => '/cases/00000000000000000000000000000000'],
    ['break-glass', () => '/cases/break-glass'],
  ];
  for (const [label, path] of pages) {
    test(label, async () => {
      const page = await openPage(browser, { lang: 'en', as: as.first });
      await page.goto(path());
      await settled(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      await assertSound(page, label);
      await page.context().close();
    });
  }
});
