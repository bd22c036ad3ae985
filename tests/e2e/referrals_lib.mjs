// Shared helpers of the referral browser tests (referrals_*.test.mjs): set-up through the API
// (organisations, accounts, cases, persons, consents) and the people's steps through the pages: the
// consent ledger on the case page, the four-step referral dialog, the inbox and a referral's page.
// Every set-up call is made as the first administrator with one API session kept in the state file
// across the test processes: a fresh API login needs a TOTP code the account has not used in this
// 30-second step, so a second login from a new process can wait up to half a minute.
import assert from 'node:assert/strict';
import {
  adminApi, ApiSession, createAccount, loginInBrowser, openPage, readState, seriousViolations, updateState, uniqueWord,
} from './lib.mjs';

/** The first administrator's API session, shared by the referral test files. */
export async function sharedAdmin() {
  const saved = readState().referralsAdmin;
  if (saved) {
    const s = Object.assign(new ApiSession(), saved);
    if ((await s.raw('GET', '/api/v1/session')).status === 200) return s;
  }
  const s = await adminApi();
  updateState((st) => {
    st.referralsAdmin = { cookie: s.cookie, csrf: s.csrf };
  });
  return s;
}

/** Where organisations of each kind work (the directory requires a coverage). */
const COVERAGE = {
  municipal_social_services: { scope: 'municipalities', codes: ['2584'] },
  regional_coordinator: { scope: 'counties', codes: ['25'] },
  police_region: { scope: 'police_regions', codes: ['nord'] },
};

/**
 * A new organisation of `kind` named "<unique word> <label>", with an administrator of its own when
 * `roles` is not empty and one account for each role in `roles` (first login done through the API).
 * Returns { org, users: [{ user, creds, session }] } in the order of `roles`.
 */
export async function organisation(admin, kind, label, roles = []) {
  const org = await admin.request('POST', '/api/v1/organisations', {
    name: `${uniqueWord('ref')} ${label}`, kind, coverage: COVERAGE[kind] ?? { scope: 'national' },
  });
  const users = [];
  if (roles.length) {
    const orgAdmin = await createAccount({ roles: ['organisation_administrator'], organisationId: org.id, by: admin, prefix: 'refoa' });
    for (const role of roles) {
      users.push(await createAccount({ roles: [role], organisationId: org.id, by: orgAdmin.session, prefix: 'ref' }));
    }
  }
  return { org, users };
}

/** A case of `session`'s organisation with one person; returns { caseId, caseCode, person }. */
export async function caseWithPerson(session, person) {
  const c = await session.request('POST', '/api/v1/cases', { type: 'trafficking_in_human_beings' });
  const p = await session.request('POST', `/api/v1/cases/${c.id}/persons`, { role: 'presumed_victim', ...person });
  return { caseId: c.id, caseCode: c.code, person: p };
}

/** A browser storage state of `account` (logged in on the login page with a recovery code). */
export async function signIn(browser, account) {
  const page = await openPage(browser, { as: null });
  const state = await loginInBrowser(page, account.creds);
  await page.context().close();
  return state;
}

/** axe-core (no serious or critical violation), one h1, no inline style, no console error or CSP violation. */
export async function assertSound(page, what) {
  assert.deepEqual(await seriousViolations(page), [], what);
  assert.equal(await page.locator('h1').count(), 1, what);
  assert.equal(await page.locator('[style]').count(), 0, `${what}: no inline styles (CSP style-src self)`);
  assert.deepEqual(page.problems, [], `${what}: no console errors or CSP violations`);
}

/** Waits for the page's status message (role status) holding `text`. */
export async function status(page, text) {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

/** Waits until no loading indicator is left (the page's h1 may be the generic one while loading). */
export async function loaded(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
}

/** The case page's sections (access::Section words) as the dialog and the ledger name them in Swedish. */
export const SECTION_SV = {
  identity: 'Identitet', contact: 'Kontaktuppgifter', needs_safety: 'Behov och säkerhet', assessment: 'Bedömning',
  support: 'Stöd', child_protection: 'Skydd för barn', proceedings: 'Brottmål', return: 'Återvändande', notes: 'Anteckningar',
};

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Types part of an organisation's name into a combobox and picks the organisation. */
async function pickOrganisation(scope, page, name, org) {
  const box = scope.getByRole('combobox', { name });
  await box.fill(org.name.split(' ')[0]);
  await page.getByRole('option', { name: new RegExp(`^${escape(org.name)} \\(`) }).click();
}

/** Opens the case page at its "Referrals and consents" section. */
export async function openCase(page, caseId) {
  await page.goto(`/cases/${caseId}`);
  await page.getByRole('heading', { level: 2, name: 'Remisser och samtycken' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
}

/**
 * Records a consent in the case's ledger through its form (Swedish): recipient `org`, purpose (its
 * Swedish label) and the sections (Section words); the person is the case's first. Waits for the row.
 */
export async function recordConsent(page, { org, purpose, sections }) {
  await page.getByRole('button', { name: 'Registrera samtycke' }).click();
  const form = page.getByRole('form', { name: 'Registrera ett samtycke' });
  await pickOrganisation(form, page, 'Organisation som får uppgifterna', org);
  await form.getByLabel(/^Syfte( \(|$)/).selectOption({ label: purpose });
  for (const s of sections) await form.getByLabel(new RegExp(`^${escape(SECTION_SV[s])} – `)).check();
  await form.getByRole('button', { name: 'Registrera samtycket' }).click();
  await status(page, `${org.name}, ${purpose}) är registrerat.`);
  await ledger(page).getByRole('row').filter({ hasText: org.name }).waitFor();
}

/** The consent ledger's table. */
export const ledger = (page) => page.getByRole('table', { name: 'Samtycken till att dela uppgifter' });

/** The "New referral" dialog. */
export const referralDialog = (page) => page.getByRole('dialog', { name: 'Ny remiss' });

/**
 * Opens the referral dialog and fills in its first two steps (Swedish): purpose (label), recipient
 * `org`, and exactly the sections given (the suggested ones unticked when not given). Leaves the
 * dialog at step 3, the legal basis.
 */
export async function startReferral(page, { purpose, org, sections }) {
  await page.getByRole('button', { name: 'Skicka remiss' }).click();
  const dialog = referralDialog(page);
  await dialog.getByRole('heading', { name: 'Vem, varför och till vem' }).waitFor();
  await dialog.getByLabel(/^Syfte( \(|$)/).selectOption({ label: purpose });
  await pickOrganisation(dialog, page, 'Mottagare', org);
  await dialog.getByText(`Vald: ${org.name} (`).waitFor();
  await dialog.getByRole('button', { name: 'Nästa' }).click();
  await dialog.getByRole('heading', { name: 'Vilka uppgifter som delas' }).waitFor();
  for (const [code, label] of Object.entries(SECTION_SV)) {
    await dialog.getByLabel(label, { exact: true }).setChecked(sections.includes(code));
  }
  await dialog.getByRole('button', { name: 'Nästa' }).click();
  await dialog.getByRole('heading', { name: 'Stöd för utlämnandet' }).waitFor();
  return dialog;
}

/** From step 3 on: Next to the summary, then Send; returns the referral's code from the status message. */
export async function checkAndSend(page, dialog) {
  if (await dialog.getByRole('heading', { name: 'Kontrollera och skicka' }).count() === 0) {
    await dialog.getByRole('button', { name: 'Nästa' }).click();
    await dialog.getByRole('heading', { name: 'Kontrollera och skicka' }).waitFor();
  }
  await dialog.getByRole('button', { name: 'Skicka remissen' }).click();
  await dialog.waitFor({ state: 'detached' });
  const message = page.getByRole('status').filter({ hasText: /Remissen REF-\d{4}-\d+ är skickad till/ }).first();
  await message.waitFor();
  return /REF-\d{4}-\d+/.exec(await message.textContent())[0];
}

/** The row of the referral `code` in the case's "Referrals sent". */
export const sentRow = (page, code) =>
  page.getByRole('table', { name: 'Remisser från ärendet' }).getByRole('row').filter({ hasText: code });

/** Opens the inbox and the referral `code` from it; waits for the referral's page. */
export async function openFromInbox(page, code) {
  await page.goto('/referrals/inbox');
  await page.getByRole('heading', { level: 1, name: 'Remissinkorg' }).waitFor();
  await page.getByRole('link', { name: code, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Remiss ${code}` }).waitFor();
  await loaded(page);
}

/** The package's section headings as shown on a referral's page (the sections disclosed). */
export async function packageSections(page) {
  const pkg = page.getByRole('region', { name: 'Remissens innehåll' });
  await pkg.locator('.package').waitFor();
  return (await pkg.getByRole('heading', { level: 3 }).allTextContents()).map((s) => s.trim());
}

/** Accepts the referral shown into a new case; returns the new case's id. */
export async function acceptIntoNewCase(page, code) {
  const form = page.getByRole('form', { name: 'Ta emot remissen' });
  await form.getByLabel('Ett nytt ärende').check();
  await form.getByRole('button', { name: 'Ta emot remissen' }).click();
  await status(page, `Remissen ${code} är mottagen.`);
  const link = page.getByRole('link', { name: 'Öppna ärendet som remissen togs emot i' });
  return (await link.getAttribute('href')).split('/').pop();
}
