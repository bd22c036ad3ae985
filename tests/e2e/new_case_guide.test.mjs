// The new-case guide in the browser: a social worker in a small municipality who has never met a
// trafficking case follows it step by step. In Swedish, a child's case: no name (pseudonymous), an
// estimated age, the child track explained, a children's indicator with its evidence, the report of
// concern already made; one action creates the case, the person, the indicators and the report, and
// the checklist links to the case page. In English, an adult's case with a name, the assessment with
// its grounds and the reflection period in the checklist. The API confirms what exists afterwards.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, createAccount, launchBrowser, loginInBrowser, openPage, seriousViolations, settled, uniqueWord } from './lib.mjs';

let browser;
let worker;
let sw;
let childIndicator;
let adultIndicator;

before(async () => {
  browser = await launchBrowser();
  const org = await api('POST', '/api/v1/organisations', {
    name: `${uniqueWord('guide')} socialtjänst`, kind: 'municipal_social_services',
    coverage: { scope: 'municipalities', codes: ['2584'] },
  });
  const orgAdmin = await createAccount({ roles: ['organisation_administrator'], organisationId: org.id, prefix: 'gdoa' });
  sw = await createAccount({ roles: ['social_worker'], organisationId: org.id, by: orgAdmin.session, prefix: 'gdsw' });
  const checklist = await sw.session.request('GET', '/api/v1/indicators');
  childIndicator = checklist.groups.find((g) => g.children_only).indicators[0].id;
  adultIndicator = checklist.groups.find((g) => !g.children_only).indicators[0].id;
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

/** Presses the primary button and waits for the next step's heading to have the focus. */
async function nextStep(page, button, heading) {
  await page.getByRole('button', { name: button, exact: true }).click();
  const h = page.getByRole('heading', { level: 2, name: heading });
  await h.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'guide-step-title');
}

const byId = (page, id) => page.locator(`[id="${id}"]`);

/** The case id from the result's "open the case" link. */
async function createdCaseId(page, name) {
  const href = await page.getByRole('link', { name }).getAttribute('href');
  return href.split('/').pop();
}

test("a child's case through the guide in Swedish: the report of concern made, everything created at once", async () => {
  const page = await openPage(browser, { as: worker });
  await page.goto('/cases/new');
  await settled(page);
  await page.getByRole('link', { name: 'Använd guiden' }).click();
  await page.getByRole('heading', { level: 2, name: 'Steg 1 av 5: Situationen' }).waitFor();
  assert.equal(await page.locator('[aria-current="step"]').textContent(), '1. Situationen');
  await assertSound(page, 'step 1');

  // Nothing chosen: the error summary says what is missing.
  await page.getByRole('button', { name: 'Nästa', exact: true }).click();
  await page.locator('.error-summary').getByText('Välj vad det gäller.').waitFor();
  await page.getByLabel('Människohandel', { exact: true }).check();
  await nextStep(page, 'Nästa', 'Steg 2 av 5: Personen');

  // Pseudonymous: no name. An estimated age; may be under 18; alone in Sweden; no residence permit.
  await page.locator('#guide-dob-mode-estimate').check();
  await page.locator('#guide-age-min').fill('14');
  await page.locator('#guide-age-max').fill('16');
  await page.locator('#guide-may-be-child-yes').check();
  await page.getByRole('heading', { name: 'Barnspåret gäller' }).waitFor();
  await page.locator('#guide-unaccompanied-yes').check();
  await page.locator('#guide-no-permit-yes').check();
  await assertSound(page, 'step 2 with the child track');
  await nextStep(page, 'Nästa', 'Steg 3 av 5: Tecken på människohandel');

  // Indicators: no score decides; the children's group is asked; a yes notes its evidence.
  await page.getByText('Svaren ger ingen poäng som avgör något.').waitFor();
  await page.getByRole('heading', { level: 3, name: 'Barn', exact: true }).waitFor();
  await byId(page, `guide-ind-${childIndicator}-yes`).check();
  await byId(page, `guide-evidence-${childIndicator}`).fill('Är här utan vuxen.');
  await byId(page, `guide-ind-${adultIndicator}-not_known`).check();
  await assertSound(page, 'step 3');
  await nextStep(page, 'Nästa', 'Steg 4 av 5: Vad du gör sedan');

  // What to do next, for this child.
  const todo = page.getByRole('region', { name: 'Att göra' });
  for (const text of ['Gör en orosanmälan', 'Skyddsbedömning samma dag eller nästa', 'Se till att barnet får en god man',
    'Ansök om betänketid', 'Kontakta den regionala samordnaren', 'Polisanmälan när det gäller ett barn']) {
    await todo.getByText(text, { exact: true }).waitFor();
  }
  assert.match(await todo.textContent(), /020-390 000/);
  await page.locator('#guide-report-made').check();
  await page.locator('#guide-report-municipality').selectOption('2584');
  await todo.getByText('Orosanmälan är gjord', { exact: true }).waitFor();
  await assertSound(page, 'step 4');
  await nextStep(page, 'Nästa', 'Steg 5 av 5: Granska och skapa');

  // Back to step 2 and forward again: nothing typed is lost.
  await page.getByRole('button', { name: /^Ändra\W+Ålder$/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Steg 2 av 5: Personen' }).waitFor();
  assert.equal(await page.locator('#guide-age-min').inputValue(), '14');
  await page.getByRole('button', { name: /^5\. Granska och skapa/ }).click();
  await page.getByText('Inget namn. Personen får en kod.').waitFor();
  await page.getByText('1 ja, 0 nej, 1 vet inte').waitFor();
  assert.doesNotMatch(await page.locator('main').textContent(), /sparas inte/, 'the permit and unaccompanied answers are saved');
  await assertSound(page, 'step 5');
  assert.equal(await page.evaluate(() => window.sessionStorage.length - (window.sessionStorage.getItem('e2e.langSet') ? 1 : 0)), 0,
    'the guide keeps nothing in sessionStorage');

  await page.getByRole('button', { name: 'Skapa ärendet' }).click();
  const done = page.getByRole('heading', { level: 2, name: /^Ärendet NRM-\d{4}-\d{6,9} är skapat$/ });
  await done.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'guide-done-title');
  await page.getByText(/Personen har koden P-\d{4}-\d{6,9}\./).waitFor();
  await assertSound(page, 'the result');
  const caseId = await createdCaseId(page, /^Öppna ärendet NRM-/);

  // What exists on the server.
  const c = await sw.session.request('GET', `/api/v1/cases/${caseId}`);
  assert.equal(c.type, 'trafficking_in_human_beings');
  const persons = (await sw.session.request('GET', `/api/v1/cases/${caseId}/persons`)).items;
  assert.equal(persons.length, 1);
  assert.equal(persons[0].role, 'presumed_victim');
  assert.equal(persons[0].claimed_minor, true);
  assert.deepEqual(persons[0].names, []);
  assert.equal(persons[0].date_of_birth.age_min, 14);
  assert.equal(persons[0].residence_permit, 'none');
  assert.equal(persons[0].unaccompanied, true);
  const pid = persons[0].id;
  const indicators = await sw.session.request('GET', `/api/v1/cases/${caseId}/persons/${pid}/indicators`);
  const yes = indicators.current.answers.find((a) => a.indicator_id === childIndicator);
  assert.equal(yes.answer, 'yes');
  assert.equal(yes.evidence, 'Är här utan vuxen.');
  assert.equal(indicators.current.answers.find((a) => a.indicator_id === adultIndicator).answer, 'not_known');
  const child = await sw.session.request('GET', `/api/v1/cases/${caseId}/child-track`);
  assert.equal(child.records.length, 1);
  assert.equal(child.records[0].kind, 'report_of_concern');
  assert.equal(child.records[0].municipality, '2584');
  const clocks = (await sw.session.request('GET', `/api/v1/cases/${caseId}/clocks`)).items;
  assert.ok(clocks.some((k) => k.rule_id === 'protection_assessment'), 'the report started the protection assessment clock');
  const assessment = await sw.session.request('GET', `/api/v1/cases/${caseId}/persons/${pid}/assessment`);
  assert.equal(assessment.current, null, 'no assessment was chosen');

  // The checklist links to the case page, where the report of concern is listed.
  await page.getByRole('link', { name: 'Gå till Barnspåret' }).first().click();
  await page.waitForURL(new RegExp(`/cases/${caseId}#child-title$`));
  await page.getByRole('heading', { level: 2, name: 'Barnspåret' }).waitFor();
  const records = page.locator('section[aria-labelledby="child-title"] table');
  await records.getByText('Orosanmälan', { exact: true }).first().waitFor();
  await records.getByText(/Kiruna/).waitFor();
  await page.context().close();
});

test("an adult's case through the guide in English, with the assessment and the reflection period", async () => {
  const page = await openPage(browser, { as: worker, lang: 'en' });
  await page.goto('/cases/new/guide');
  await settled(page);
  await page.getByRole('heading', { level: 2, name: 'Step 1 of 5: The situation' }).waitFor();
  // Keyboard only: arrow keys choose the type, Tab reaches Next, Enter goes on.
  await page.locator('#guide-type-trafficking_in_human_beings').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#guide-type-human_exploitation').isChecked(), true);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Next');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: 'Step 2 of 5: The person' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'guide-step-title');

  await page.locator('#guide-latin').fill('Daniela Testescu');
  await page.locator('#guide-dob-mode-date').check();
  await page.locator('#guide-dob').fill('1994-03');
  // "No" contradicted by a child's birth date is refused before going on.
  await page.locator('#guide-dob').fill('2015');
  await page.locator('#guide-may-be-child-no').check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.locator('.error-summary').getByText(/could be under 18/).waitFor();
  await page.locator('#guide-dob').fill('1994-03');
  await page.locator('#guide-no-permit-yes').check();
  await nextStep(page, 'Next', 'Step 3 of 5: Signs of trafficking');

  assert.equal(await page.getByRole('heading', { level: 3, name: 'Children', exact: true }).count(), 0);
  await byId(page, `guide-ind-${adultIndicator}-yes`).check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.locator('.error-summary').getByText('Write what shows that the sign is there.').waitFor();
  await byId(page, `guide-evidence-${adultIndicator}`).fill('Was promised work in a restaurant, ended up on a farm.');
  await page.locator('#guide-assess').check();
  await page.locator('#guide-conclusion-presumed_victim').check();
  await page.locator('#guide-grounds').fill('Deceived about the work; the account and the signs agree.');
  await assertSound(page, 'step 3 in English');
  await nextStep(page, 'Next', 'Step 4 of 5: What to do next');

  const todo = page.getByRole('region', { name: 'To do' });
  for (const text of ['Apply for a reflection period', "A police report is the person's own choice", 'The assessment is recorded']) {
    await todo.getByText(text, { exact: true }).waitFor();
  }
  assert.equal(await todo.getByText('Make a report of concern').count(), 0);
  assert.match(await todo.textContent(), /Support never depends on the person reporting/);
  await nextStep(page, 'Next', 'Step 5 of 5: Review and create');
  await page.getByText('Daniela Testescu').waitFor();
  await page.getByRole('button', { name: 'Create the case' }).click();
  await page.getByRole('heading', { level: 2, name: /^The case NRM-\d{4}-\d{6,9} has been created$/ }).waitFor();
  await assertSound(page, 'the result in English');
  const caseId = await createdCaseId(page, /^Open the case NRM-/);

  const c = await sw.session.request('GET', `/api/v1/cases/${caseId}`);
  assert.equal(c.type, 'human_exploitation');
  const persons = (await sw.session.request('GET', `/api/v1/cases/${caseId}/persons`)).items;
  assert.equal(persons.length, 1);
  assert.equal(persons[0].names[0].latin, 'Daniela Testescu');
  assert.equal(persons[0].claimed_minor, false);
  assert.deepEqual(persons[0].date_of_birth, { date: '1994-03' });
  assert.equal(persons[0].residence_permit, 'none');
  assert.equal(persons[0].unaccompanied, false);
  const pid = persons[0].id;
  const indicators = await sw.session.request('GET', `/api/v1/cases/${caseId}/persons/${pid}/indicators`);
  assert.deepEqual(indicators.current.answers.map((a) => [a.indicator_id, a.answer]), [[adultIndicator, 'yes']]);
  const assessment = await sw.session.request('GET', `/api/v1/cases/${caseId}/persons/${pid}/assessment`);
  assert.equal(assessment.current.conclusion, 'presumed_victim');
  assert.match(assessment.current.grounds, /Deceived about the work/);
  const child = await sw.session.request('GET', `/api/v1/cases/${caseId}/child-track`);
  assert.equal(child.records.length, 0);

  await page.getByRole('link', { name: 'Go to Time limits' }).click();
  await page.getByRole('heading', { level: 2, name: 'Time limits' }).waitFor();
  await page.context().close();
});
