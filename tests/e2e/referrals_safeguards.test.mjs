// The referral rules' safeguards in the browser (issue 5 point 4), for a worker of an NGO: a child is
// referred to municipal social services without consent on the report-of-concern basis, and the
// social worker there reads it in the inbox; the same basis for an adult is refused by the server,
// its problem beside the basis; support records do not go to the police without the person's
// consent (a consent that leaves the support out does not count) unless the person is in immediate
// danger, and the dialog says that support never depends on reporting. The police region has no
// users, so that referral is sent by other means: its printable summary shows the basis and the
// sections (axe-core in Swedish and English).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './lib.mjs';
import {
  assertSound, caseWithPerson, checkAndSend, loaded, openCase, openFromInbox, organisation, packageSections, referralDialog,
  sentRow, sharedAdmin, signIn, startReferral,
} from './referrals_lib.mjs';

const REPORT_OF_CONCERN = 'Anmälan om oro för ett barn (orosanmälan)';
const VITAL_INTERESTS = 'Skydd för personens grundläggande intressen vid omedelbar fara';
const SUPPORT_NOTICE = 'Stödet hänger aldrig på en polisanmälan';

let browser;
let ngo;
let muni;
let police;
let adult;
let child;
const as = {};
let referralToPolice;

before(async () => {
  browser = await launchBrowser();
  const admin = await sharedAdmin();
  ngo = await organisation(admin, 'ngo_shelter', 'stödförening', ['ngo_worker']);
  muni = await organisation(admin, 'municipal_social_services', 'socialtjänst', ['social_worker']);
  police = await organisation(admin, 'police_region', 'polisregion'); // no users: referrals go by other means
  const worker = ngo.users[0].session;
  adult = await caseWithPerson(worker, {
    names: [{ kind: 'name', latin: 'Ana Testescu' }], date_of_birth: { date: '1994-05-06' }, languages: ['ron'],
  });
  child = await caseWithPerson(worker, {
    names: [{ kind: 'name', latin: 'Mira Testbarn' }], claimed_minor: true,
    date_of_birth: { age_min: 14, age_max: 16, estimated_on: new Date().toISOString().slice(0, 10) },
  });
  // The person agreed to the police learning who she is, not what her support is.
  await worker.request('POST', `/api/v1/cases/${adult.caseId}/consents`, {
    person_id: adult.person.id, recipient_organisation_id: police.org.id, purpose: 'report_to_police', sections: ['identity'],
    given_on: new Date().toISOString().slice(0, 10), form: 'spoken', language: 'ron',
    interpreter: { language: 'ron', mode: 'remote', relationship: 'professional' },
  });
  as.ngo = await signIn(browser, ngo.users[0]);
  as.sw = await signIn(browser, muni.users[0]);
});
after(async () => {
  await browser?.close();
});

/** The problem texts shown beside a field (its error element). */
const fieldError = (dialog, id) => dialog.locator(`[id="${id}-error"]`);

test('an NGO refers a child to social services without consent, on the report-of-concern basis', async () => {
  const page = await openPage(browser, { as: as.ngo });
  await openCase(page, child.caseId);
  const dialog = await startReferral(page, { purpose: 'Skydd för ett barn', org: muni.org, sections: ['identity'] });
  await dialog.getByText(`Inget samtycke i registret omfattar den här mottagaren (${muni.org.name})`).waitFor();
  await dialog.getByLabel(REPORT_OF_CONCERN).check();
  await dialog.getByLabel(/^Motivering/).fill('Barnet är ensamt och säger att en vuxen tar hennes lön.');
  await dialog.getByRole('button', { name: 'Nästa' }).click();
  const summary = dialog.getByRole('region', { name: 'Det här delas, och varför' });
  assert.match(await summary.textContent(), new RegExp(`Varför: ${REPORT_OF_CONCERN.replace(/[()]/g, '\\$&')}\\.`));
  assert.match(await summary.textContent(), /Din motivering: Barnet är ensamt/);
  const code = await checkAndSend(page, dialog);
  const row = sentRow(page, code);
  assert.match(await row.textContent(), /Väntar på svar/);
  assert.match(await row.textContent(), new RegExp(REPORT_OF_CONCERN.replace(/[()]/g, '\\$&')));
  await page.context().close();

  // The social worker reads it in the inbox: the basis, the justification and the child's identity.
  const sw = await openPage(browser, { as: as.sw });
  await openFromInbox(sw, code);
  const text = await sw.locator('main').textContent();
  assert.match(text, new RegExp(REPORT_OF_CONCERN.replace(/[()]/g, '\\$&')));
  assert.match(text, /Barnet är ensamt och säger att en vuxen tar hennes lön\./);
  assert.match(text, /Mira Testbarn/);
  assert.deepEqual(await packageSections(sw), ['Identitet']);
  await sw.context().close();
});

test("the report-of-concern basis for an adult: the server's problem shows beside the basis", async () => {
  const page = await openPage(browser, { as: as.ngo });
  await openCase(page, adult.caseId);
  const dialog = await startReferral(page, { purpose: 'Stöd', org: muni.org, sections: ['identity'] });
  await dialog.getByLabel(REPORT_OF_CONCERN).check();
  await dialog.getByLabel(/^Motivering/).fill('Försök.');
  await dialog.getByRole('button', { name: 'Nästa' }).click();
  await dialog.getByRole('button', { name: 'Skicka remissen' }).click();
  // Back at the basis, with the server's rule in words beside it and in the summary.
  await dialog.getByRole('heading', { name: 'Stöd för utlämnandet' }).waitFor();
  await fieldError(dialog, 'referral-basis').filter({ hasText: 'Lagstödet gäller bara ett barn.' }).waitFor();
  assert.equal(await dialog.getByRole('link', { name: /Lagstödet gäller bara ett barn\./ }).count(), 1);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await referralDialog(page).waitFor({ state: 'detached' });
  await page.getByText('Inga remisser har skickats från ärendet.').waitFor();
  await page.context().close();
});

test('support records go to the police only with consent or in immediate danger; support never depends on it', async () => {
  const page = await openPage(browser, { as: as.ngo });
  await openCase(page, adult.caseId);
  const dialog = await startReferral(page, { purpose: 'Polisanmälan', org: police.org, sections: ['identity', 'support'] });
  const notice = dialog.getByRole('note', { name: SUPPORT_NOTICE });
  await notice.waitFor();
  assert.match(await notice.textContent(), /får stöd oavsett om hon eller han vill göra en polisanmälan/);
  // The consent in the ledger covers the identity only: it is named, not offered.
  await dialog.getByText(/Ett samtycke från .* omfattar bara: Identitet\./).waitFor();
  assert.equal(await dialog.getByLabel(/^Personens samtycke/).count(), 0);
  assert.equal(await dialog.getByLabel(REPORT_OF_CONCERN).count(), 0, 'a report of concern goes to social services only');

  // Vital interests without immediate danger: refused beside the checkbox and the basis (support records
  // reach the police only with consent or in danger), the dialog stays at the basis.
  await dialog.getByLabel(VITAL_INTERESTS).check();
  await dialog.getByLabel(/^Motivering/).fill('Gärningspersonen har hotat henne i dag; polisen behöver veta var stödet finns.');
  await dialog.getByRole('button', { name: 'Nästa' }).click();
  await fieldError(dialog, 'referral-immediate-danger').filter({ hasText: /omedelbar fara/ }).waitFor();
  await fieldError(dialog, 'referral-basis').filter({ hasText: /Uppgifter från stödet går till polisen/ }).waitFor();
  await dialog.getByRole('heading', { name: 'Stöd för utlämnandet' }).waitFor();

  // In immediate danger it is sent; the summary says so and repeats the notice.
  await dialog.getByLabel('Personen är i omedelbar fara').check();
  await dialog.getByRole('button', { name: 'Nästa' }).click();
  const summary = dialog.getByRole('region', { name: 'Det här delas, och varför' });
  assert.match(await summary.textContent(), /Du intygar att personen är i omedelbar fara\./);
  assert.match(await summary.textContent(), /Stöd: /);
  await dialog.getByRole('note', { name: SUPPORT_NOTICE }).waitFor();
  referralToPolice = await checkAndSend(page, dialog);
  await page.getByText(`Remissen ${referralToPolice} ska skickas på annat sätt.`).waitFor();
  const row = sentRow(page, referralToPolice);
  assert.match(await row.textContent(), new RegExp(VITAL_INTERESTS));
  await row.getByRole('link', { name: `Skriv ut sammanfattning ${referralToPolice}` }).waitFor();
  await page.context().close();
});

test('the printable summary for a recipient without users shows the basis and the sections', async () => {
  assert.ok(referralToPolice, 'the referral to the police was sent');
  const page = await openPage(browser, { as: as.ngo });
  await openCase(page, adult.caseId);
  await sentRow(page, referralToPolice).getByRole('link', { name: `Skriv ut sammanfattning ${referralToPolice}` }).click();
  await page.getByRole('heading', { level: 1, name: `Sammanfattning av remiss ${referralToPolice}` }).waitFor();
  await loaded(page);
  const text = await page.locator('main').textContent();
  assert.match(text, new RegExp(`${ngo.org.name} remitterar en person till ${police.org.name}\\. Syfte: Polisanmälan\\.`));
  assert.match(text, new RegExp(VITAL_INTERESTS));
  assert.match(text, /Dataskyddsförordningen \(EU\) 2016\/679 artikel 6\.1 d/);
  assert.match(text, /Gärningspersonen har hotat henne i dag/);
  assert.match(text, /Utskrift som skickas på annat sätt/);
  const shared = page.getByRole('heading', { level: 2, name: 'Uppgifter som delas' }).locator('xpath=following-sibling::ul[1]');
  assert.deepEqual((await shared.getByRole('listitem').allTextContents()).map((s) => s.split(':')[0]), ['Identitet', 'Stöd']);
  const pkg = page.getByRole('region', { name: 'Uppgifter som lämnas ut' });
  assert.deepEqual((await pkg.getByRole('heading', { level: 3 }).allTextContents()).map((s) => s.trim()), ['Identitet', 'Stöd']);
  assert.match(await pkg.textContent(), /Ana Testescu/);
  await page.getByRole('button', { name: 'Skriv ut' }).waitFor();
  // The server's PDF of the same summary, with the page's session.
  const pdfHref = await page.getByRole('link', { name: 'Ladda ned som pdf' }).getAttribute('href');
  const pdf = await page.request.get(pdfHref);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
  await assertSound(page, 'the printable summary (sv)');
  const printPath = new URL(page.url()).pathname;
  await page.context().close();

  const en = await openPage(browser, { as: as.ngo, lang: 'en' });
  await en.goto(printPath);
  await en.getByRole('heading', { level: 1, name: `Summary of referral ${referralToPolice}` }).waitFor();
  await loaded(en);
  assert.match(await en.locator('main').textContent(), /The person's vital interests, in immediate danger/);
  await assertSound(en, 'the printable summary (en)');
  await en.context().close();
});
