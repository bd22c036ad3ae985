// The case page's forms in the browser, in a case owned by the police (a public authority, so it
// holds criminal proceedings): a police investigator records the exploitation (labour in berry
// picking, a municipality, a country of recruitment, the period) and the proceedings (the police
// report number, the preliminary investigation, the victim as injured party); records a granted
// residence permit for a cooperating victim and renews it; closes the case with a reason after a
// confirm and reopens it. The clock's task then shows on the page My tasks, linked to the case.
// axe-core on both pages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  api, createAccount, launchBrowser, loginInBrowser, openPage, seriousViolations, settled, uniqueWord,
} from './lib.mjs';

let browser;
let investigator;
let caseId;
let caseCode;
let person;
let polSession;

const PERMIT = 'Tillfälligt uppehållstillstånd för brottsoffer och vittnen';
const CONDITIONS = ['needed_for_proceedings', 'clearly_wants_to_cooperate', 'broke_contact_with_suspects', 'public_order_and_security_allow'];
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

before(async () => {
  browser = await launchBrowser();
  const org = await api('POST', '/api/v1/organisations', {
    name: `${uniqueWord('forms')} polisregion`, kind: 'police_region',
    coverage: { scope: 'police_regions', codes: ['nord'] },
  });
  const orgAdmin = await createAccount({ roles: ['organisation_administrator'], organisationId: org.id, prefix: 'frmoa' });
  const pol = await createAccount({ roles: ['police_investigator'], organisationId: org.id, by: orgAdmin.session, prefix: 'frmpol' });
  const made = await pol.session.request('POST', '/api/v1/cases', { type: 'trafficking_in_human_beings' });
  polSession = pol.session;
  caseId = made.id;
  caseCode = made.code;
  person = await pol.session.request('POST', `/api/v1/cases/${caseId}/persons`, {
    role: 'presumed_victim', names: [{ kind: 'name', latin: 'Ion Testescu' }], date_of_birth: { date: '1988' },
    languages: ['ron'],
  });
  const page = await openPage(browser, { as: null });
  investigator = await loginInBrowser(page, pol.creds);
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

async function status(page, text) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

test('a police case records exploitation and proceedings, renews a clock, is closed with a reason and reopened', async () => {
  const page = await openPage(browser, { as: investigator });
  await page.goto(`/cases/${caseId}`);
  await settled(page);

  // The exploitation: labour in berry picking in Kiruna, recruited in Romania, from June 2025.
  await page.locator('#expl-form-labour').check();
  await page.locator('#expl-sector-berry_picking').check();
  await page.locator('#expl-municipalities').fill('Kiru');
  await page.getByRole('option', { name: /Kiruna/ }).first().click();
  await page.locator('#expl-recruitment').fill('Rumän');
  await page.getByRole('option', { name: /Rumänien/ }).first().click();
  await page.locator('#expl-from').fill('2025-06');
  await page.getByRole('button', { name: 'Spara exploateringen' }).click();
  await status(page, 'Exploateringen är sparad.');
  await page.getByText(/Senast sparad/).waitFor();

  // The proceedings: a malformed report number is refused beside its field, then saved.
  await page.locator('#proc-report-numbers').fill('K-nummer saknas');
  await page.getByRole('button', { name: 'Spara rättsprocessen' }).click();
  await page.locator('#proc-report-numbers-error').waitFor();
  assert.equal(await page.locator('#proc-report-numbers').getAttribute('aria-invalid'), 'true');
  await page.locator('#proc-report-numbers').fill('5000-K123456-26');
  await page.locator('#proc-inv-open').check();
  await page.locator('#proc-inv-opened_on').fill(today());
  await page.locator('#proc-inv-led_by').selectOption('prosecutor');
  await page.locator(`[id="proc-injured-${person.id}-status"]`).selectOption('injured_party');
  // An offence committed in June 2025: the purchase offence under its name of then.
  await page.getByRole('button', { name: 'Lägg till ett brott' }).click();
  await page.locator('#proc-offence-0-committed').fill('2025-06-14');
  await page.locator('#proc-offence-0-offence_id option', { hasText: 'Köp av sexuell tjänst' }).waitFor({ state: 'attached' });
  await page.locator('#proc-offence-0-offence_id').selectOption('purchase_of_sex');
  await page.getByRole('button', { name: 'Spara rättsprocessen' }).click();
  await status(page, 'Rättsprocessen är sparad.');
  await page.getByText(/Version 1, sparad/).waitFor();
  assert.equal(await page.locator('#proc-report-numbers').inputValue(), '5000-K123456-26');
  const saved = await polSession.request('GET', `/api/v1/cases/${caseId}/proceedings`);
  assert.deepEqual(saved.offences.map((o) => [o.offence_id, o.version_id, o.committed]),
    [['purchase_of_sex', 'purchase_of_sexual_service_2005', '2025-06-14']]);
  await page.getByRole('group', { name: 'Brott 1' }).getByText('Köp av sexuell tjänst (begånget 2025-06-14)').waitFor();

  // A residence permit for a cooperating victim, already decided; then renewed.
  const clockForm = page.getByRole('form', { name: 'Ansök om eller registrera en tidsfrist' });
  await page.locator('#clock-rule').selectOption('residence_permit_cooperation');
  await page.locator('#clock-person').selectOption({ label: person.code });
  await page.locator('#clock-mode-granted').check();
  await page.locator('#clock-applicant').selectOption('head_of_preliminary_investigation');
  await page.locator('#clock-decided-on').fill(today());
  await page.locator('#clock-starts-on').fill(today());
  for (const c of CONDITIONS) await page.locator(`#clock-condition-${c}`).check();
  await clockForm.getByRole('button', { name: 'Registrera beslutet' }).click();
  await status(page, `${PERMIT} är registrerad och räknas nu.`);
  const clocks = page.getByRole('table', { name: 'Tidsfrister i ärendet' });
  await clocks.getByRole('row').filter({ hasText: PERMIT }).filter({ hasText: 'Löper' }).waitFor();

  await page.getByRole('button', { name: `Förläng ${PERMIT}` }).click();
  const renew = page.getByRole('form', { name: `Förläng ${PERMIT}` });
  for (const c of CONDITIONS) await renew.locator(`#renew-condition-${c}`).check();
  await renew.getByRole('button', { name: 'Registrera förlängningen' }).click();
  await status(page, `${PERMIT} är förlängd.`);
  await page.getByRole('table', { name: 'Ändringar i ärendet' }).getByRole('row')
    .filter({ hasText: 'En tidsfrist förlängdes' }).first().waitFor();

  // Closed with a reason after a confirm; then reopened.
  await page.locator('#closure-reason-lost_contact').check();
  await page.getByRole('button', { name: 'Avsluta ärendet …' }).click();
  await page.getByRole('button', { name: 'Ja, avsluta ärendet' }).click();
  await status(page, 'Ärendet är avslutat: Kontakten bröts.');
  await page.getByRole('heading', { name: 'Ärendet är avslutat' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Spara exploateringen' }).count(), 0, 'a closed case is not edited');
  await page.getByRole('button', { name: 'Öppna ärendet igen' }).click();
  await status(page, 'Ärendet är öppet igen.');
  await page.getByRole('button', { name: 'Spara exploateringen' }).waitFor();
  await assertSound(page, 'the police case page with its forms');
  await page.context().close();
});

test("the clock's task shows on My tasks, linked to its case", async () => {
  const page = await openPage(browser, { as: investigator });
  await page.goto('/');
  await settled(page);
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mina uppgifter' }).waitFor();
  const row = page.getByRole('table', { name: 'Mina öppna uppgifter' }).getByRole('row')
    .filter({ hasText: 'Uppehållstillståndet går ut' });
  await row.waitFor();
  const link = row.getByRole('link', { name: caseCode });
  assert.equal(await link.getAttribute('href'), `/cases/${caseId}`);
  await assertSound(page, 'the page My tasks');
  await link.click();
  await page.getByRole('heading', { level: 1, name: new RegExp(caseCode) }).waitFor();
  await page.context().close();
});
