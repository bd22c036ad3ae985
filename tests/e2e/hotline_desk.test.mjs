// The hotline desk in the browser (issue 6 point 8). A social worker in Arjeplog calls the national unit
// about berry pickers: the operator takes the call on the intake screen by keyboard (timer, topic,
// municipality, facts, no identities), sees who should act and why (the regional coordinator of
// Polisregion Nord with its reason and legal basis, never the police), saves, and finds the anonymous
// consultation in the queue. The person then consents: the operator records it and refers to the
// regional coordinator from the suggestion in one step; the coordinator reads the package in the inbox.
// An immediate-danger call outside office hours (run.sh sets the hotline's hours to 00:00–00:01): 112,
// 114 14 and the socialjour of Pajala, "called 112" recorded, the coordinator notified. A professional's
// call-back request from the public page (no login) lands in the queue; the receipt echoes nothing.
// axe-core on the intake, the queue, a consultation, the knowledge base and the public page in Swedish
// and English. Accounts are set up through the API; every operator's step is taken in the browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './lib.mjs';
import {
  chooseMunicipality, dangerPanel, focusedId, hotlineWorld, openIntakeByKeyboard, RC_NORD, routingPanel, saveByKeyboard,
  savedId, suggestion, typeAndPick, waitForSuggestion, watchRouting,
} from './hotline_lib.mjs';
import { assertSound, loaded, openFromInbox, packageSections, signIn, status } from './referrals_lib.mjs';

const SITUATION =
  'Flera bärplockare från ett land utanför EU bor i tält i skogen SITUATIONSMARKÖR. De plockar från tidig morgon till sent '
  + 'på kvällen, arbetsgivaren har tagit deras pass och de ska betala av en skuld för resan och boendet.';
const ADVICE = 'Kontakta regionkoordinatorn i polisregion Nord. Erbjud tolk och ett samtal utan arbetsgivaren närvarande.';
const PERSON_NAME = 'Mira Testperson';

let browser;
let world;
/** Browser sessions of the operator and the regional coordinator. */
const as = {};
/** The berry pickers' consultation: { id, code }. */
let first;

before(async () => {
  browser = await launchBrowser();
  world = await hotlineWorld();
  as.operator = await signIn(browser, world.operator);
  as.coordinator = await signIn(browser, world.coordinator);
});
after(async () => {
  await browser?.close();
});

test('a social worker in Arjeplog calls about berry pickers: recorded without identities, routed, in the queue', async () => {
  const page = await openPage(browser, { as: as.operator });
  watchRouting(page);
  await openIntakeByKeyboard(page);

  // The call timer runs from the start of a new call; Alt+T pauses it and starts it again.
  const timerLine = page.locator('.call-timer');
  assert.doesNotMatch(await timerLine.textContent(), /pausad/);
  await page.keyboard.press('Alt+KeyT');
  await timerLine.filter({ hasText: 'pausad' }).waitFor();
  await page.keyboard.press('Alt+KeyT');
  await page.waitForFunction(() => !document.querySelector('.call-timer')?.textContent?.includes('pausad'));
  await page.waitForFunction(() => document.querySelector('[role="timer"]')?.textContent !== '0:00');

  // Who calls: the social services of Arjeplog, from the directory.
  await typeAndPick(page, page.getByRole('combobox', { name: 'Den som kontaktar oss: organisation' }), 'Arjeplog',
    /^Socialtjänsten, Arjeplog kommun \(/);
  await page.getByLabel('Yrkesroll').fill('Socialsekreterare');
  await page.getByLabel('Namn på den som kontaktar oss').fill('Kim Testsson');
  await page.getByLabel('Telefon för återkoppling').fill('0961-555 01');

  // The topic by Alt+1, the municipality by typing its name.
  await page.keyboard.press('Alt+Digit1');
  await status(page, 'Ämne: Misstänkt människohandel');
  assert.ok(await page.getByRole('radio', { name: /Misstänkt människohandel$/ }).isChecked());
  // Routing waits for a municipality: nothing is asked before.
  await routingPanel(page).getByText('Välj kommun för att se förslag.').waitFor();
  assert.equal(page.routings.length, 0);
  await chooseMunicipality(page, 'Arjeplog');

  // Alt+S: the situation, without names.
  await page.keyboard.press('Alt+KeyS');
  assert.equal(await focusedId(page), 'intake-situation');
  await page.keyboard.insertText(SITUATION);

  // The facts: adults from outside the EU, labour exploitation; no identity basis.
  await page.getByLabel('Ålder', { exact: true }).selectOption({ label: 'Vuxen (18 år eller äldre)' });
  await page.getByLabel('Kön', { exact: true }).selectOption({ label: 'Man' });
  await page.getByLabel('Medborgarskap', { exact: true }).selectOption({ label: 'Medborgare i ett land utanför EU/EES eller statslös' });
  await page.getByLabel('Arbetskraftsexploatering', { exact: true }).check();
  assert.ok(await page.getByLabel('Ingen – konsultationen är anonym').isChecked());
  await page.getByText('Konsultationen är anonym: inga identitetsuppgifter registreras.').waitFor();
  assert.equal(await page.getByLabel('Personens namn').count(), 0, 'no identity fields without a basis');
  await page.getByLabel('Råd som gavs').fill(ADVICE);

  // Who should act: the regional coordinator of Polisregion Nord, with its reason; no legal basis to
  // share identities without consent; the labour authorities for labour exploitation; never the police.
  const rc = await waitForSuggestion(page, RC_NORD);
  const rcText = await rc.textContent();
  assert.match(rcText, /Regionkoordinatorn i polisregionen samordnar stödet och är kontaktväg till övriga aktörer\./);
  assert.match(rcText, /Inget lagstöd för att dela utan samtycke\./);
  assert.ok(await rc.getByRole('button', { name: `Remittera ${RC_NORD}` }).isDisabled(), 'no referral without consent');
  await suggestion(page, 'Arbetsmiljöverket').waitFor();
  const panelText = await routingPanel(page).textContent();
  assert.match(panelText, /Arjeplog · Norrbottens län · Polisregion Nord/);
  assert.match(panelText, /Spara konsultationen och registrera personens samtycke/);
  assert.equal(await routingPanel(page).locator('.routing-kind', { hasText: '(Polisregion)' }).count(), 0, 'the police are not suggested');
  const last = page.routings.at(-1);
  assert.equal(last.status, 200);
  assert.deepEqual(
    [last.situation.municipality_code, last.situation.topic, last.situation.forms, last.situation.age_group, last.situation.citizenship,
      last.situation.consents_to_sharing, last.situation.immediate_danger],
    ['2506', 'suspected_trafficking', ['labour'], 'adult', 'outside_eu', false, false],
  );
  for (const r of page.routings) {
    assert.equal(r.body.recommendations.filter((x) => x.organisation.kind === 'police_region').length, 0, 'routing never names the police here');
  }
  const rcRec = last.body.recommendations.find((x) => x.organisation.name === RC_NORD);
  assert.equal(rcRec.reason, 'regional_coordination');
  assert.equal(rcRec.basis, null, 'without consent nothing identifying may be shared with the coordinator');

  // Alt+R: the suggestions; Alt+K: the knowledge base, searched and read without leaving the call.
  await page.keyboard.press('Alt+KeyR');
  assert.equal(await focusedId(page), 'routing-title');
  await page.keyboard.press('Alt+KeyK');
  const kb = page.getByRole('dialog', { name: 'Kunskapsbanken' });
  await kb.waitFor();
  assert.equal(await focusedId(page), 'knowledge-panel-q');
  await page.keyboard.type('arbetskraftsexploatering');
  await kb.getByRole('button', { name: 'Tecken på arbetskraftsexploatering' }).waitFor();
  await assertSound(page, 'the intake with the knowledge base open (sv)');
  await page.keyboard.press('Enter');
  await kb.getByRole('heading', { level: 3 }).first().waitFor();
  await page.keyboard.press('Escape');
  await kb.getByRole('searchbox').waitFor();
  await page.keyboard.press('Escape');
  await kb.waitFor({ state: 'detached' });

  // Ctrl+Enter saves.
  const code = await saveByKeyboard(page);
  await page.getByRole('heading', { level: 1, name: `Konsultation ${code}` }).waitFor();
  first = { code, id: await savedId(page, code) };
  await assertSound(page, 'the intake screen, saved (sv)');

  const saved = await world.operator.session.request('GET', `/api/v1/consultations/${first.id}`);
  assert.equal(saved.identity_basis, 'none');
  assert.equal(saved.identity, undefined, 'an anonymous consultation carries no identity');
  assert.equal(saved.channel, 'phone');
  assert.equal(saved.topic, 'suspected_trafficking');
  assert.equal(saved.municipality_code, '2506');
  assert.deepEqual(saved.person.forms, ['labour']);
  assert.equal(saved.caller_organisation?.name, 'Socialtjänsten, Arjeplog kommun');
  assert.equal(saved.assigned_to?.id, world.operator.user.id);
  assert.ok(saved.duration_seconds >= 1, 'the call timer is saved');
  await page.context().close();

  // The queue ("Mine": the operator took the call) and the consultation's page, without identity.
  const queue = await openPage(browser, { as: as.operator });
  await queue.goto('/hotline?view=mine');
  await queue.getByRole('heading', { level: 1, name: 'Kö' }).waitFor();
  await loaded(queue);
  const row = queue.getByRole('row').filter({ hasText: code });
  // The place shows by name once the geography is loaded.
  await row.filter({ hasText: 'Arjeplog' }).waitFor();
  assert.match(await row.textContent(), /Misstänkt människohandel.*Arjeplog.*Socialtjänsten, Arjeplog kommun.*Telefon/);
  await assertSound(queue, 'the queue (sv)');
  await row.getByRole('link', { name: code }).click();
  await queue.getByRole('heading', { level: 1, name: new RegExp(`^Konsultation ${code}`) }).waitFor();
  await loaded(queue);
  const recorded = queue.getByRole('region', { name: 'Registrerat' });
  const details = await recorded.textContent();
  assert.match(details, /Ingen – konsultationen är anonym/);
  assert.match(details, /SITUATIONSMARKÖR/);
  assert.equal(await recorded.locator('dt', { hasText: /^Identitet$/ }).count(), 0, 'no identity on the page');
  await waitForSuggestion(queue, RC_NORD);
  await assertSound(queue, 'an anonymous consultation (sv)');
  await queue.context().close();
});

test('the person consents: the operator records it and refers to the regional coordinator in one step; the coordinator reads it', async () => {
  assert.ok(first, 'the first test saved the consultation');
  const page = await openPage(browser, { as: as.operator });
  watchRouting(page);
  await page.goto(`/hotline/consultations/${first.id}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(`^Konsultation ${first.code}`) }).waitFor();
  await loaded(page);
  await page.getByRole('link', { name: 'Ändra', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Konsultation ${first.code}` }).waitFor();
  await loaded(page);

  // The identity basis: the person's consent; only the name is recorded.
  await page.getByLabel('Personen har samtyckt till att identifieras').check();
  await page.getByLabel('Personens namn').fill(PERSON_NAME);
  assert.equal(await saveByKeyboard(page), first.code);

  // With consent, the suggestion carries the legal basis for sharing with the coordinator.
  const rc = await waitForSuggestion(page, RC_NORD);
  await rc.locator('.routing-basis', { hasText: 'Personens samtycke' }).waitFor();
  assert.match(await rc.locator('.routing-basis').textContent(), /Lagstöd för att dela: Personens samtycke \(Offentlighets- och sekretesslagen \(2009:400\)/);
  assert.equal(page.routings.at(-1).situation.consents_to_sharing, true);
  assert.equal(await routingPanel(page).locator('.routing-kind', { hasText: '(Polisregion)' }).count(), 0, 'still no police');

  // "Refer" on the suggestion: the dialog comes prefilled with the coordinator; the consent is recorded in it.
  await rc.getByRole('button', { name: `Remittera ${RC_NORD}` }).click();
  const dialog = page.getByRole('dialog', { name: `Remiss till ${RC_NORD}` });
  await dialog.getByLabel('Syfte', { exact: true }).waitFor();
  assert.equal(await dialog.getByLabel('Syfte', { exact: true }).inputValue(), 'support');
  assert.equal(await dialog.getByRole('combobox', { name: 'Mottagare' }).inputValue(), RC_NORD);
  for (const label of ['Identitet', 'Kontaktuppgifter']) assert.ok(await dialog.getByLabel(label, { exact: true }).isChecked(), label);
  await dialog.getByLabel('Bedömning', { exact: true }).check();
  await dialog.getByLabel('Anteckningar', { exact: true }).check();
  await dialog.getByText(`Inget samtycke för ${RC_NORD} med det här syftet och dessa uppgifter är registrerat.`).waitFor();
  await dialog.getByRole('button', { name: 'Registrera personens samtycke' }).click();
  const consent = dialog.getByRole('region', { name: 'Personens samtycke', exact: true });
  assert.match(await consent.textContent(), new RegExp(`Personen samtycker till att ${RC_NORD} får uppgifterna \\(Identitet, Kontaktuppgifter, Bedömning, Anteckningar\\)`));
  await assertSound(page, 'the referral dialog recording a consent (sv)');
  await consent.getByRole('button', { name: 'Registrera samtycket' }).click();
  const option = dialog.getByLabel(/^Personens samtycke, givet /);
  await option.waitFor();
  assert.ok(await option.isChecked(), 'the consent just recorded is the basis');
  await dialog.getByRole('button', { name: 'Skicka remissen' }).click();
  await dialog.waitFor({ state: 'detached' });
  const message = page.getByRole('status').filter({ hasText: new RegExp(`Remissen REF-\\d{4}-\\d+ är skickad till ${RC_NORD}\\.`) }).first();
  await message.waitFor();
  const referral = /REF-\d{4}-\d+/.exec(await message.textContent())[0];
  await page.context().close();

  // The API agrees: one consent on the consultation, one referral with it, source "consultation".
  const consents = await world.operator.session.request('GET', `/api/v1/consultations/${first.id}/consents`);
  assert.equal(consents.items.length, 1);
  assert.equal(consents.items[0].recipient_organisation_id, world.rcNord.id);
  const referrals = await world.operator.session.request('GET', `/api/v1/consultations/${first.id}/referrals`);
  assert.deepEqual(referrals.items.map((r) => r.code), [referral]);
  assert.equal(referrals.items[0].basis.code, 'consent');
  assert.equal(referrals.items[0].source?.kind, 'consultation');

  // The consultation's page lists the consent and the referral.
  const later = await openPage(browser, { as: as.operator });
  await later.goto(`/hotline/consultations/${first.id}`);
  await later.getByRole('heading', { level: 1, name: new RegExp(`^Konsultation ${first.code}`) }).waitFor();
  await loaded(later);
  await later.getByRole('row').filter({ hasText: referral }).first().waitFor();
  assert.match(await later.getByRole('region', { name: 'Registrerat' }).textContent(), new RegExp(PERSON_NAME));
  await assertSound(later, 'a consultation with a consent and a referral (sv)');
  await later.context().close();

  // The coordinator finds it in the inbox and reads the package built from the consultation.
  const rcPage = await openPage(browser, { as: as.coordinator });
  await rcPage.goto('/referrals/inbox');
  const row = rcPage.getByRole('table', { name: 'Inkomna remisser' }).getByRole('row').filter({ hasText: referral });
  await row.waitFor();
  assert.ok((await row.textContent()).includes(world.nationalUnit.name), 'sent by the national unit');
  await openFromInbox(rcPage, referral);
  const sections = await packageSections(rcPage);
  for (const s of ['Identitet', 'Anteckningar']) assert.ok(sections.includes(s), `the package holds ${s}: ${sections}`);
  const text = await rcPage.locator('main').textContent();
  assert.match(text, new RegExp(PERSON_NAME));
  assert.match(text, /SITUATIONSMARKÖR/);
  assert.match(text, /Personens samtycke/);
  await assertSound(rcPage, 'the coordinator reads a referral from a consultation (sv)');
  await rcPage.context().close();
});

test('an immediate-danger call outside office hours: 112, 114 14, the socialjour of Pajala; the coordinator is notified', async () => {
  const setup = await world.operator.session.request('GET', '/api/v1/hotline/setup');
  assert.equal(setup.office_hours.open_now, false, 'run.sh keeps the hotline closed (opens 00:00, closes 00:01)');

  const page = await openPage(browser, { as: as.operator });
  watchRouting(page);
  await openIntakeByKeyboard(page);
  await page.getByLabel('Organisationens namn, om den inte finns i registret').fill('Vårdcentralen i Pajala');
  await page.getByLabel('Yrkesroll').fill('Sjuksköterska');
  await page.keyboard.press('Alt+Digit1');
  await chooseMunicipality(page, 'Pajala');
  await page.keyboard.press('Alt+KeyS');
  await page.keyboard.insertText('En kvinna ringer från en parkering och säger att hon inte får lämna bilen. Den som ringer är orolig nu.');

  // Alt+D: immediate danger. The steps, outside office hours with the socialjour of the municipality.
  await page.keyboard.press('Alt+KeyD');
  await status(page, 'Akut fara är markerad.');
  const panel = dangerPanel(page);
  await panel.waitFor();
  const said = await panel.textContent();
  assert.match(said, /Stödtelefonen har stängt: hänvisa också till socialjouren\./);
  assert.match(said, /Ring 112.*Larmnummer 112 vid fara för liv eller hälsa\./);
  assert.match(said, /Ring polisen.*Polisen på 114 14\./);
  assert.match(said, /Kontakta socialjouren.*Socialjouren i Pajala utanför kontorstid\./);
  await panel.getByText(/^Socialtjänsten, Pajala kommun/).waitFor();
  assert.match(said, /Regional samordnare i polisregionen aviseras när du sparar/);
  assert.ok(await page.getByRole('checkbox', { name: 'Akut fara', exact: true }).isChecked());
  assert.equal(await page.locator('select#intake-urgency').count(), 0, 'the urgency is immediate danger: no other choice');

  // "Called 112" is recorded as done (before the save: its time is kept and sent with it).
  await panel.getByRole('button', { name: 'Klart Ring 112' }).click();
  await panel.locator('li', { hasText: 'Larmnummer 112' }).getByText(/^Klart \d{1,2}[:.]\d{2}/).waitFor();
  assert.equal(await panel.getByRole('button', { name: 'Klart Ring 112' }).count(), 0);

  // In immediate danger the police are suggested.
  await waitForSuggestion(page, 'Polisregion Nord');
  assert.equal(page.routings.at(-1).situation.immediate_danger, true);
  await assertSound(page, 'the intake in immediate danger (sv)');

  const code = await saveByKeyboard(page);
  await panel.getByText(/Regional samordnare i polisregionen aviserades \d/).waitFor();
  const id = await savedId(page, code);
  await page.context().close();

  const c = await world.operator.session.request('GET', `/api/v1/consultations/${id}`);
  assert.equal(c.immediate_danger, true);
  assert.equal(c.urgency, 'immediate_danger');
  assert.equal(c.respond_by_us, c.received_at_us, 'immediate danger: respond at once');
  const called = c.danger_steps.find((s) => s.step === 'called_112');
  assert.equal(called?.recorded_by?.id, world.operator.user.id);
  const notified = c.danger_steps.find((s) => s.step === 'notified_regional_coordinator');
  assert.ok(notified, 'the system recorded that the coordinator was notified');
  assert.equal(notified.recorded_by, null);

  // The coordinator's notice: the code and the municipality, nothing about the person.
  const notices = await world.coordinator.session.request('GET', '/api/v1/me/notifications?limit=50');
  const notice = notices.items.find((n) => n.kind === 'consultation_immediate_danger' && n.detail?.includes(code));
  assert.ok(notice, 'the regional coordinator got a notification');
  assert.match(notice.detail, /Pajala/);
  assert.doesNotMatch(notice.detail, /parkering|bilen/, 'no word of the situation in the notice');

  const rcPage = await openPage(browser, { as: as.coordinator });
  await rcPage.goto('/notifications');
  const item = rcPage.locator('li.notification').filter({ hasText: code });
  await item.waitFor();
  assert.match(await item.getByRole('heading', { level: 2 }).textContent(), /Akut fara/);
  assert.match(await item.textContent(), /Ring den nationella enheten/);
  await assertSound(rcPage, 'the coordinator\'s notifications (sv)');
  await rcPage.context().close();
});

/** A word of letters only, unique to this run (the call-back form is for names). */
const letters = (n) => Array.from({ length: n }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');

test('a professional asks for a call back on the public page: the receipt echoes nothing; the request is in the queue', async () => {
  const caller = `Robin Återringare ${letters(8)}`;
  const organisation = `Vårdcentralen i Pajala ${letters(6)}`;
  const phone = '0978-123 45';
  const page = await openPage(browser, { as: null });
  await page.goto('/hjalp');
  await page.getByRole('heading', { level: 1, name: 'Misstänker du människohandel?' }).waitFor();
  for (const [name, tel] of [['Ring 112', 'tel:112'], ['Ring 114 14', 'tel:11414'], ['Ring 116 006', 'tel:116006'], ['Ring 020-390 000', 'tel:020390000']]) {
    assert.equal(await page.getByRole('link', { name, exact: true }).getAttribute('href'), tel);
  }
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  await assertSound(page, 'the public page (sv)');

  await page.getByLabel('Ditt namn').fill(caller);
  await page.getByLabel('Din organisation').fill(organisation);
  await page.getByLabel('Telefonnummer').fill(phone);
  await page.getByLabel('Vad gäller det?').selectOption({ label: 'Misstänkt människohandel' });
  const [res] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/public/callback-requests' && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Skicka', exact: true }).click(),
  ]);
  assert.equal(res.status(), 202);
  assert.deepEqual(await res.json(), { received: true }, 'the answer echoes nothing');
  await page.getByRole('heading', { name: 'Tack, vi har tagit emot din begäran' }).waitFor();
  const html = await page.content();
  for (const sent of [caller, organisation, phone]) assert.equal(html.includes(sent), false, `the receipt does not show "${sent}"`);
  await assertSound(page, 'the call-back receipt (sv)');
  await page.context().close();

  // The request is a new consultation in the operators' queue (view "New"), channel web request.
  const list = await world.operator.session.request('GET', '/api/v1/consultations?view=new&channel=web_request&limit=50');
  let found;
  for (const s of list.items) {
    const c = await world.operator.session.request('GET', `/api/v1/consultations/${s.id}`);
    if (c.caller.name === caller) found = c;
  }
  assert.ok(found, 'the call-back request is a consultation');
  assert.equal(found.status, 'new');
  assert.equal(found.caller.organisation_name, organisation);
  assert.equal(found.caller.phone, phone);
  assert.equal(found.topic, 'suspected_trafficking');
  assert.equal(found.created_by, null);
  assert.equal(found.identity_basis, 'none');

  const queue = await openPage(browser, { as: as.operator });
  await queue.goto('/hotline');
  await queue.getByRole('heading', { level: 1, name: 'Kö' }).waitFor();
  await loaded(queue);
  assert.equal(await queue.getByRole('link', { name: /^Nya/ }).getAttribute('aria-current'), 'page');
  const row = queue.getByRole('row').filter({ hasText: found.code });
  await row.waitFor();
  assert.match(await row.textContent(), /Misstänkt människohandel.*Webbförfrågan.*Ny/);
  await row.getByRole('link', { name: found.code }).click();
  await queue.getByRole('heading', { level: 1, name: new RegExp(`^Konsultation ${found.code}`) }).waitFor();
  await loaded(queue);
  const details = await queue.getByRole('region', { name: 'Registrerat' }).textContent();
  assert.match(details, new RegExp(`${organisation}.*${caller}.*${phone}`));
  assert.match(details, /Webbförfrågan/);
  assert.match(await queue.locator('main').textContent(), /Kom in som återuppringningsbegäran via webben\./);
  await assertSound(queue, 'a call-back request in the queue (sv)');
  await queue.context().close();
});

test('the public page in English, with the form\'s errors', async () => {
  const page = await openPage(browser, { as: null, lang: 'en' });
  await page.goto('/hjalp');
  await page.getByRole('heading', { level: 1, name: 'Do you suspect human trafficking?' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  for (const name of ['Call 112', 'Call 114 14', 'Call 116 006', 'Call 020-390 000']) await page.getByRole('link', { name, exact: true }).waitFor();
  assert.match(await page.locator('main').textContent(), /The hotline below is for professionals and cannot take calls from the public\./);
  await assertSound(page, 'the public page (en)');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  for (const error of ['Enter your name.', 'Enter your organisation.', 'Enter a phone number we can call.', 'Choose what it is about.']) {
    await page.getByText(error).first().waitFor();
  }
  await assertSound(page, 'the public page with errors (en)');
  await page.context().close();
});

test('axe-core on the hotline pages and the knowledge base in English, and the knowledge base in Swedish', async () => {
  assert.ok(first, 'the first test saved the consultation');
  const pages = [
    ['the intake (en)', '/hotline/new', 'New consultation'],
    ['the queue (en)', '/hotline', 'Queue'],
    ['a consultation (en)', `/hotline/consultations/${first.id}`, new RegExp(`^Consultation ${first.code}`)],
    ['the knowledge base (en)', '/knowledge', 'Knowledge base'],
  ];
  for (const [what, path, h1] of pages) {
    const page = await openPage(browser, { as: as.operator, lang: 'en' });
    await page.goto(path);
    await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
    await loaded(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', what);
    await assertSound(page, what);
    if (path === '/hotline/new') {
      await page.keyboard.press('Alt+KeyD');
      await page.getByRole('region', { name: 'Immediate danger – do this now' }).waitFor();
      await assertSound(page, 'the intake in immediate danger (en)');
    }
    await page.context().close();
  }

  for (const [who, lang] of [[as.operator, 'sv'], [as.coordinator, 'sv']]) {
    const page = await openPage(browser, { as: who, lang });
    await page.goto('/knowledge');
    await page.getByRole('heading', { level: 1, name: 'Kunskapsbank' }).waitFor();
    await loaded(page);
    const hit = page.getByRole('link', { name: 'Regionkoordinatorerna: samordning i polisregionen' });
    await hit.click();
    await page.getByRole('heading', { name: 'Regionkoordinatorerna: samordning i polisregionen' }).first().waitFor();
    await loaded(page);
    await assertSound(page, `the knowledge base with an article (sv, ${who === as.operator ? 'operator' : 'coordinator'})`);
    await page.context().close();
  }
});
