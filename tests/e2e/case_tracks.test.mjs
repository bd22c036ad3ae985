// The case page's work in the browser: a social worker of a municipality's social services walks an
// adult's case through the support track (identification → acute protection → initial support →
// long-term support), recording the indicators, the assessment, the safety plan, a wish, a consent and
// the declared facts; applies for a reflection period and records the Migration Agency's decision (the
// clock then shows its days left and makes a task); is refused a family member as interpreter, with
// the problem beside the field; writes a note, uploads an attachment, and reads it all in the timeline.
// A child's case then gets a report of concern and immediate custody (with their clocks) and a
// missing-child alert that heads the case list until the child is found. axe-core on the case page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  api, createAccount, launchBrowser, loginInBrowser, openPage, seriousViolations, settled, uniqueWord,
} from './lib.mjs';

let browser;
let worker;
let sw;
let caseId;
let personCode;
let indicatorId;

before(async () => {
  browser = await launchBrowser();
  const org = await api('POST', '/api/v1/organisations', {
    name: `${uniqueWord('tracks')} socialtjänst`, kind: 'municipal_social_services',
    coverage: { scope: 'municipalities', codes: ['2584'] },
  });
  const orgAdmin = await createAccount({ roles: ['organisation_administrator'], organisationId: org.id, prefix: 'trkoa' });
  sw = await createAccount({ roles: ['social_worker'], organisationId: org.id, by: orgAdmin.session, prefix: 'trksw' });
  caseId = (await sw.session.request('POST', '/api/v1/cases', { type: 'trafficking_in_human_beings' })).id;
  const person = await sw.session.request('POST', `/api/v1/cases/${caseId}/persons`, {
    role: 'presumed_victim', names: [{ kind: 'name', latin: 'Olena Testova' }], date_of_birth: { date: '1990-05' },
    languages: ['ukr'],
  });
  personCode = person.code;
  const checklist = await sw.session.request('GET', '/api/v1/indicators');
  indicatorId = checklist.groups.find((g) => !g.children_only).indicators[0].id;
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

/** The card of a track (support, proceedings, return) by its Swedish name. */
const trackCard = (page, name) => page.getByRole('group', { name, exact: true });

async function status(page, text) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

async function move(page, step) {
  await trackCard(page, 'Stöd').getByRole('button', { name: `Flytta till ${step}` }).click();
  await status(page, `ärendet är nu i steget ${step}`);
  await trackCard(page, 'Stöd').getByText(`Nu: ${step}`).waitFor();
}

test('a social worker walks an adult through the support track with a reflection period', async () => {
  const page = await openPage(browser, { as: worker });
  await page.goto(`/cases/${caseId}`);
  await settled(page);
  const support = trackCard(page, 'Stöd');
  await support.getByText('Inte påbörjat').waitFor();
  assert.match(await support.textContent(), /Indikatorer – de tecken på människohandel/);

  // Identification: the indicators answered.
  await page.locator('#records-person').selectOption({ label: `${personCode} – Presumtivt brottsoffer` });
  await page.locator(`[id="indicator-${indicatorId}"]`).selectOption('yes');
  await page.locator(`[id="indicator-${indicatorId}-evidence"]`).fill('Passet hålls av arbetsgivaren.');
  await page.getByRole('button', { name: 'Spara indikatorer' }).click();
  await status(page, `Indikatorerna för ${personCode} är sparade.`);
  await move(page, 'Identifiering');

  // Acute protection: the assessment and the safety plan.
  await page.locator('#assessment-conclusion-presumed_victim').check();
  await page.locator('#assessment-grounds').fill('Berättelse och indikatorer stämmer överens.');
  await page.getByRole('button', { name: 'Spara bedömning' }).click();
  await status(page, `Bedömningen för ${personCode} är sparad.`);
  await page.locator('#safety-risk-0-description').fill('Gärningspersonen letar efter henne.');
  await page.locator('#safety-risk-0-level').selectOption('high');
  await page.locator('#safety-measure-0-description').fill('Skyddat boende');
  await page.locator('#safety-call-0-name').fill('Jouren');
  await page.locator('#safety-call-0-phone').fill('+46 8 123 456');
  await page.getByRole('button', { name: 'Spara säkerhetsplan' }).click();
  await status(page, `Säkerhetsplanen för ${personCode} är sparad.`);
  await move(page, 'Akut skydd');

  // The reflection period: applied for by the social welfare board, then granted.
  await page.locator('#clock-person').selectOption({ label: personCode });
  await page.locator('#clock-applicant').selectOption('social_welfare_board');
  await page.getByLabel('Personen är utländsk medborgare utan uppehållstillstånd i Sverige.').check();
  await page.getByLabel(/Det finns skäl att tro att personen har utsatts/).check();
  await page.getByRole('button', { name: 'Registrera ansökan' }).click();
  await status(page, 'Ansökan om Betänketid är registrerad.');
  await page.getByRole('button', { name: 'Registrera beslut om Betänketid' }).click();
  await page.locator('#decision-outcome-granted').check();
  await page.getByRole('button', { name: 'Registrera beslutet', exact: true }).click();
  await status(page, 'Betänketid är beviljad och räknas nu.');
  const clockRow = page.getByRole('row').filter({ hasText: 'Betänketid' }).filter({ hasText: 'Löper' });
  await clockRow.waitFor();
  assert.match(await clockRow.textContent(), /\d+ dagar kvar/);
  await page.getByRole('table', { name: 'Uppgifter i ärendet' }).getByRole('row').filter({ hasText: 'Betänketiden tar slut' }).waitFor();

  // A family member as interpreter is refused, beside the field; a professional is accepted.
  await page.locator('#conv-with-interpreter').check();
  await page.locator('#conv-interpreter-language').selectOption('ukr');
  await page.locator('#conv-interpreter-relationship').selectOption('family_member');
  await page.getByRole('button', { name: 'Lägg till samtal' }).click();
  await page.locator('#conv-interpreter-relationship-error')
    .filter({ hasText: 'En familjemedlem eller medföljande får inte vara tolk.' }).waitFor();
  assert.equal(await page.locator('#conv-interpreter-relationship').getAttribute('aria-invalid'), 'true');
  await page.locator('#conv-interpreter-relationship').selectOption('professional');
  await page.getByRole('button', { name: 'Lägg till samtal' }).click();
  await status(page, `Samtalet med ${personCode} är sparat.`);

  // Initial support: a wish, a consent, and the basic information declared.
  await page.locator('#wish-step').selectOption('initial_support');
  await page.locator('#wish-text').fill('Vill bo i en annan stad.');
  await page.getByRole('button', { name: 'Lägg till önskemål' }).click();
  await status(page, `Önskemålet för ${personCode} är sparat.`);
  await page.locator('#consent-purpose').fill('Regional samordnare får veta vem hon är');
  await page.locator('#consent-language').selectOption('ukr');
  await page.getByRole('button', { name: 'Spara samtycke' }).click();
  await status(page, `Samtycket för ${personCode} är sparat.`);
  await page.getByRole('button', { name: 'Markera som gjort: Grundläggande information' }).first().click();
  await status(page, 'Noterat: Grundläggande information.');
  await move(page, 'Inledande stöd');

  // Long-term support: the needs assessment and the support plan declared.
  await page.getByRole('button', { name: 'Markera som gjort: Behovsbedömning' }).first().click();
  await status(page, 'Noterat: Behovsbedömning.');
  await page.getByRole('button', { name: 'Markera som gjort: Stödplan' }).first().click();
  await status(page, 'Noterat: Stödplan.');
  await move(page, 'Långsiktigt stöd');

  // A note and an attachment.
  await page.locator('#note-text').fill('Första mötet gick bra.');
  await page.getByRole('button', { name: 'Spara anteckning' }).click();
  await status(page, 'Anteckningen är sparad.');
  await page.getByText('Första mötet gick bra.').waitFor();
  await page.locator('#attachment-file').setInputFiles({ name: 'beslut.txt', mimeType: 'text/plain', buffer: Buffer.from('Beslut om betänketid.\n') });
  await page.getByRole('button', { name: 'Ladda upp', exact: true }).click();
  await status(page, 'Bilagan beslut.txt är uppladdad.');
  const link = page.getByRole('link', { name: 'beslut.txt' });
  await link.waitFor();
  assert.match(await link.getAttribute('href'), new RegExp(`/api/v1/cases/${caseId}/attachments/[0-9a-f]{32}$`));

  // The timeline: every move, newest first, in plain words; then oldest first.
  const timeline = page.getByRole('table', { name: 'Ändringar i ärendet' });
  await timeline.getByRole('row').filter({ hasText: 'Till: Långsiktigt stöd' }).waitFor();
  const firstRow = async () => (await timeline.getByRole('row').nth(1).textContent()) ?? '';
  assert.match(await firstRow(), /En bilaga lades till/);
  assert.equal(await timeline.getByRole('row').filter({ hasText: 'Ett spår flyttades' }).count(), 4);
  await page.getByLabel('Äldst först').check();
  await timeline.getByRole('row').nth(1).filter({ hasText: 'Ärendet skapades' }).waitFor();
  assert.match(await firstRow(), /Ärendet skapades/);
  await assertSound(page, 'the case page after the support track');
  await page.context().close();
});

test("a child's case: report of concern, immediate custody and a missing-child alert", async () => {
  const childCase = (await sw.session.request('POST', '/api/v1/cases', { type: 'trafficking_in_human_beings' })).id;
  const child = await sw.session.request('POST', `/api/v1/cases/${childCase}/persons`, {
    role: 'presumed_victim', names: [{ kind: 'name', latin: 'Mira Testbarn' }],
    date_of_birth: { age_min: 14, age_max: 16, estimated_on: new Date().toISOString().slice(0, 10) }, claimed_minor: true,
  });
  const page = await openPage(browser, { as: worker });
  await page.goto(`/cases/${childCase}`);
  await settled(page);
  const form = page.getByRole('form', { name: 'Registrera i barnspåret' });
  await form.getByLabel('Orosanmälan').check();
  await form.getByLabel('Kommun').selectOption({ label: 'Kiruna' });
  await form.getByRole('button', { name: 'Registrera' }).click();
  await status(page, `Orosanmälan för ${child.code} är registrerad.`);
  await page.getByRole('row').filter({ hasText: 'Skyddsbedömning efter orosanmälan' }).first().waitFor();

  await form.getByLabel(/Omedelbart omhändertagande/).check();
  await form.getByRole('button', { name: 'Registrera' }).click();
  await status(page, `Omedelbart omhändertagande (LVU 6 §) för ${child.code} är registrerad.`);
  const clocks = page.getByRole('table', { name: 'Tidsfrister i ärendet' });
  await clocks.getByRole('row').filter({ hasText: 'till förvaltningsrätten' }).waitFor();
  await clocks.getByRole('row').filter({ hasText: 'Ansökan om vård' }).waitFor();

  await page.getByRole('button', { name: `Anmäl ${child.code} som försvunnen` }).click();
  await status(page, `${child.code} är anmäld som försvunnen.`);
  await page.getByRole('alert').filter({ hasText: 'Ett barn i ärendet är försvunnet' }).first().waitFor();
  await assertSound(page, 'the case page with a missing child');

  await page.goto('/cases');
  await settled(page);
  const firstCase = page.getByRole('table', { name: /ärenden/i }).getByRole('row').nth(1);
  const listed = await firstCase.textContent();
  if (/försvunnet/.test(listed ?? '')) {
    // The server marks listed cases with an open alert: the case heads the list with its badge.
    assert.match(listed ?? '', new RegExp((await sw.session.request('GET', `/api/v1/cases/${childCase}`)).code));
  }

  await page.goto(`/cases/${childCase}`);
  await settled(page);
  await page.getByRole('button', { name: `${child.code} är hittad` }).click();
  await status(page, `${child.code} är hittad.`);
  await page.getByRole('alert').filter({ hasText: 'Ett barn i ärendet är försvunnet' }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: `Anmäl ${child.code} som försvunnen` }).waitFor();
  await page.context().close();
});
