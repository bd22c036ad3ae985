// A person passed between four organisations in the browser (issue 5): a social worker of a
// municipality's social services records the person's consent and refers her, with it, to the regional
// coordinator; the coordinator finds the referral in the inbox, reads the package (only the sections
// shared), accepts it into a new case, records the person's consents there and refers her on to a
// shelter (an NGO) and to IOM for a return; the shelter and IOM accept from their inboxes; the person
// then revokes her consent for IOM, IOM is told, and no new referral to IOM can rely on it. axe-core on
// the inbox and a referral's page in Swedish and English. Organisations, accounts and the first case
// are set up through the API; every person's step is taken in the browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './lib.mjs';
import {
  acceptIntoNewCase, assertSound, caseWithPerson, checkAndSend, ledger, loaded, openCase, openFromInbox, organisation,
  packageSections, recordConsent, referralDialog, sentRow, sharedAdmin, signIn, startReferral, status,
} from './referrals_lib.mjs';

let browser;
let muni;
let rc;
let shelter;
let iom;
/** Browser sessions: the social worker, the regional coordinator, the shelter's and IOM's workers. */
const as = {};
let first;
let referralToRc;
let rcCaseId;
let referralToShelter;
let referralToIom;

before(async () => {
  browser = await launchBrowser();
  const admin = await sharedAdmin();
  muni = await organisation(admin, 'municipal_social_services', 'socialtjänst', ['social_worker']);
  rc = await organisation(admin, 'regional_coordinator', 'regional samordnare', ['regional_coordinator']);
  shelter = await organisation(admin, 'ngo_shelter', 'skyddat boende', ['ngo_worker']);
  iom = await organisation(admin, 'iom', 'IOM', ['iom_caseworker']);
  const sw = muni.users[0].session;
  first = await caseWithPerson(sw, {
    names: [{ kind: 'name', latin: 'Ana Testescu' }], date_of_birth: { date: '1994-05-06' }, languages: ['ron'],
    contact: { phones: ['+46 70 555 01 23'], notes: 'KONTAKTMARKÖR' },
  });
  const personPath = `/api/v1/cases/${first.caseId}/persons/${first.person.id}`;
  await sw.request('PUT', `${personPath}/safety-plan`, {
    who_to_call: [{ name: 'SÄKERHETSMARKÖR jouren', phone: '+46 8 555 999 00' }], made_on: new Date().toISOString().slice(0, 10),
  });
  await sw.request('POST', `/api/v1/cases/${first.caseId}/notes`, { text: 'ANTECKNINGSMARKÖR', person_id: first.person.id });
  as.sw = await signIn(browser, muni.users[0]);
  as.rc = await signIn(browser, rc.users[0]);
  as.ngo = await signIn(browser, shelter.users[0]);
  as.iom = await signIn(browser, iom.users[0]);
});
after(async () => {
  await browser?.close();
});

test('a social worker records the consent and refers an adult to the regional coordinator with it', async () => {
  const page = await openPage(browser, { as: as.sw });
  await openCase(page, first.caseId);
  await page.getByText('Inga samtycken är registrerade i ärendet.').waitFor();
  await recordConsent(page, { org: rc.org, purpose: 'Stöd', sections: ['identity', 'needs_safety'] });
  const row = ledger(page).getByRole('row').filter({ hasText: rc.org.name });
  assert.match(await row.textContent(), /Identitet, Behov och säkerhet/);
  assert.match(await row.textContent(), /Gäller/);

  const dialog = await startReferral(page, { purpose: 'Stöd', org: rc.org, sections: ['identity', 'needs_safety'] });
  await dialog.getByLabel(/^Personens samtycke, givet /).check();
  await dialog.getByRole('button', { name: 'Nästa' }).click();
  const summary = dialog.getByRole('region', { name: 'Det här delas, och varför' });
  await summary.waitFor();
  const said = await summary.textContent();
  assert.match(said, new RegExp(`Du lämnar ut uppgifter om ${first.person.code} till ${rc.org.name} för att personen ska få stöd`));
  assert.match(said, /Identitet: Namn/);
  assert.match(said, /Behov och säkerhet: /);
  assert.doesNotMatch(said, /Kontaktuppgifter|Anteckningar/);
  assert.match(said, new RegExp(`Varför: ${first.person.code} har samtyckt till det`));
  assert.match(said, /Lagrum: Offentlighets- och sekretesslagen/);
  // Nothing about the police here: the notice is for an NGO or IOM sending to the police only.
  assert.equal(await dialog.getByRole('note', { name: 'Stödet hänger aldrig på en polisanmälan' }).count(), 0);
  referralToRc = await checkAndSend(page, dialog);

  const sent = sentRow(page, referralToRc);
  assert.match(await sent.textContent(), /Väntar på svar/);
  assert.match(await sent.textContent(), /Personens samtycke/);
  await assertSound(page, 'the case page with a consent and a referral sent');
  await page.context().close();
});

test('the regional coordinator reads only the shared sections in the inbox and accepts into a new case', async () => {
  const page = await openPage(browser, { as: as.rc });
  await page.goto('/referrals/inbox');
  const row = page.getByRole('table', { name: 'Inkomna remisser' }).getByRole('row').filter({ hasText: referralToRc });
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp(muni.org.name));
  assert.match(await row.textContent(), /Stöd.*Väntar på svar/);
  await assertSound(page, 'the inbox (sv)');

  await openFromInbox(page, referralToRc);
  assert.deepEqual(await packageSections(page), ['Identitet', 'Behov och säkerhet']);
  const text = await page.locator('main').textContent();
  assert.match(text, /Ana Testescu/);
  assert.match(text, /SÄKERHETSMARKÖR jouren/);
  for (const hidden of ['KONTAKTMARKÖR', '555 01 23', 'ANTECKNINGSMARKÖR']) {
    assert.equal(text.includes(hidden), false, `${hidden} (contact details, notes) is not disclosed`);
  }
  assert.match(text, /Personens samtycke/);
  await assertSound(page, 'a referral awaiting an answer (sv)');

  // The same two pages in English.
  const en = await openPage(browser, { as: as.rc, lang: 'en' });
  await en.goto('/referrals/inbox');
  await en.getByRole('table', { name: 'Incoming referrals' }).getByRole('row').filter({ hasText: referralToRc }).waitFor();
  await assertSound(en, 'the inbox (en)');
  await en.getByRole('link', { name: referralToRc, exact: true }).click();
  await en.getByRole('heading', { level: 1, name: `Referral ${referralToRc}` }).waitFor();
  await loaded(en);
  await en.getByRole('form', { name: 'Accept the referral' }).waitFor();
  await assertSound(en, 'a referral awaiting an answer (en)');
  await en.context().close();

  rcCaseId = await acceptIntoNewCase(page, referralToRc);
  assert.match(await page.locator('main').textContent(), /Mottagen/);
  await assertSound(page, 'an accepted referral (sv)');
  await page.context().close();
});

test('the coordinator records consents on the new case and refers on to a shelter and to IOM', async () => {
  const page = await openPage(browser, { as: as.rc });
  await openCase(page, rcCaseId);
  await page.getByRole('table', { name: 'Personer' }).getByRole('row').filter({ hasText: 'Ana Testescu' }).waitFor();
  await recordConsent(page, { org: shelter.org, purpose: 'Skyddat boende', sections: ['identity'] });
  await recordConsent(page, { org: iom.org, purpose: 'Återvändande', sections: ['identity'] });

  let dialog = await startReferral(page, { purpose: 'Skyddat boende', org: shelter.org, sections: ['identity'] });
  // Only the consent for this recipient and purpose is offered.
  assert.equal(await dialog.getByLabel(/^Personens samtycke, givet /).count(), 1);
  await dialog.getByLabel(/^Personens samtycke, givet /).check();
  referralToShelter = await checkAndSend(page, dialog);

  dialog = await startReferral(page, { purpose: 'Återvändande', org: iom.org, sections: ['identity'] });
  await dialog.getByLabel(/^Personens samtycke, givet /).check();
  referralToIom = await checkAndSend(page, dialog);
  for (const code of [referralToShelter, referralToIom]) {
    assert.match(await sentRow(page, code).textContent(), /Väntar på svar/);
  }
  await page.context().close();
});

test('the shelter and IOM find their referral in the inbox and accept it', async () => {
  for (const [who, code, name] of [[as.ngo, referralToShelter, shelter.org.name], [as.iom, referralToIom, iom.org.name]]) {
    const page = await openPage(browser, { as: who });
    await openFromInbox(page, code);
    assert.deepEqual(await packageSections(page), ['Identitet'], `${name} reads the identity only`);
    assert.match(await page.locator('main').textContent(), /Ana Testescu/);
    await acceptIntoNewCase(page, code);
    await page.context().close();
  }
  // The coordinator sees both accepted.
  const page = await openPage(browser, { as: as.rc });
  await openCase(page, rcCaseId);
  for (const code of [referralToShelter, referralToIom]) {
    await sentRow(page, code).filter({ hasText: 'Mottagen' }).waitFor();
  }
  await page.context().close();
});

test('the person revokes her consent for IOM: IOM is told and no new referral to IOM can rely on it', async () => {
  const page = await openPage(browser, { as: as.rc });
  await openCase(page, rcCaseId);
  await ledger(page).getByRole('button', { name: new RegExp(`^Återkalla .*${iom.org.name}, Återvändande$`) }).click();
  const form = page.getByRole('form', { name: /^Återkalla samtycket: / });
  await form.getByLabel('Skäl').fill('Vill inte återvända just nu.');
  await form.getByRole('button', { name: 'Återkalla samtycket' }).click();
  await status(page, `${iom.org.name}, Återvändande) är återkallat.`);
  const revoked = ledger(page).getByRole('row').filter({ hasText: iom.org.name });
  await revoked.filter({ hasText: 'Återkallat' }).waitFor();
  assert.match(await revoked.textContent(), /Vill inte återvända just nu\./);
  assert.match(await ledger(page).getByRole('row').filter({ hasText: shelter.org.name }).textContent(), /Gäller/);

  // A new referral to IOM finds no consent to rely on.
  const dialog = await startReferral(page, { purpose: 'Återvändande', org: iom.org, sections: ['identity'] });
  await dialog.getByText(`Inget samtycke i registret omfattar den här mottagaren (${iom.org.name})`).waitFor();
  assert.equal(await dialog.getByLabel(/^Personens samtycke/).count(), 0);
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await referralDialog(page).waitFor({ state: 'detached' });
  await assertSound(page, 'the case page with a revoked consent');
  await page.context().close();

  const iomPage = await openPage(browser, { as: as.iom });
  await iomPage.goto('/notifications');
  const notice = iomPage.getByRole('heading', { level: 2, name: /Ett samtycke som en remiss byggde på har återkallats/ });
  await notice.waitFor();
  await iomPage.getByRole('link', { name: `Öppna remissen ${referralToIom}` }).waitFor();
  await iomPage.context().close();
  const shelterNotices = await shelter.users[0].session.request('GET', '/api/v1/me/notifications?limit=50');
  assert.equal(shelterNotices.items.filter((n) => n.kind === 'consent_revoked').length, 0, 'the shelter relied on no revoked consent');
});
