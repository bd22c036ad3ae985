// Shared helpers of the hotline desk's browser tests (hotline_*.test.mjs): the accounts they need in
// the seeded directory (a hotline operator of the national unit, a regional coordinator of Polisregion
// Nord) and the operator's steps on the intake screen (/hotline/new), most of them by keyboard. The
// accounts are made through the API as the first administrator (referrals_lib's shared session).
import assert from 'node:assert/strict';
import { createAccount } from './lib.mjs';
import { loaded, sharedAdmin } from './referrals_lib.mjs';

/** The seeded organisations the desk works with (domain/orgs/seed.cpp). */
export const NATIONAL_UNIT_KIND = 'national_unit';
export const RC_NORD = 'Regionkoordinator, polisregion Nord';

/** The seeded organisation of `kind` named `name` (the first of the kind when no name is given). */
export async function seededOrganisation(admin, kind, name) {
  const q = name ? `&q=${encodeURIComponent(name)}` : '';
  const page = await admin.request('GET', `/api/v1/organisations?kind=${kind}&active=true&limit=50${q}`);
  const org = page.items.find((o) => !name || o.name === name);
  assert.ok(org, `the seeded directory has ${name ?? kind}`);
  return org;
}

/** One account with `role` in `org`, made by an organisation administrator of that organisation. */
export async function accountIn(admin, org, role, prefix) {
  const orgAdmin = await createAccount({ roles: ['organisation_administrator'], organisationId: org.id, by: admin, prefix: `${prefix}oa` });
  return createAccount({ roles: [role], organisationId: org.id, by: orgAdmin.session, prefix });
}

/**
 * The desk's people: a hotline operator of the national unit and a regional coordinator of Polisregion
 * Nord (Norrbotten, where Arjeplog and Pajala are). Returns { admin, nationalUnit, rcNord, operator, coordinator }.
 */
export async function hotlineWorld() {
  const admin = await sharedAdmin();
  const nationalUnit = await seededOrganisation(admin, NATIONAL_UNIT_KIND);
  const rcNord = await seededOrganisation(admin, 'regional_coordinator', RC_NORD);
  const operator = await accountIn(admin, nationalUnit, 'hotline_operator', 'hlop');
  const coordinator = await accountIn(admin, rcNord, 'regional_coordinator', 'hlrc');
  return { admin, nationalUnit, rcNord, operator, coordinator };
}

/** `s` as a literal in a regular expression. */
export const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The id of the element that has the focus. */
export const focusedId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The routing panel beside the intake form. */
export const routingPanel = (page) => page.getByRole('complementary', { name: 'Vem bör agera?' });

/** A suggestion of the routing panel by the organisation's name. */
export const suggestion = (page, name) =>
  routingPanel(page).locator('li.routing-item').filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^${escape(name)} \\(`) }) });

/** The immediate-danger panel of the intake. */
export const dangerPanel = (page) => page.getByRole('region', { name: /^Akut fara – gör detta nu/ });

/**
 * Keeps every routing answer the page receives (POST /api/v1/hotline/routing), newest last, in
 * page.routings, so a test can check what the server suggested as well as what the panel shows.
 */
export function watchRouting(page) {
  page.routings = [];
  page.on('response', async (res) => {
    if (new URL(res.url()).pathname !== '/api/v1/hotline/routing' || res.request().method() !== 'POST') return;
    try {
      page.routings.push({ situation: res.request().postDataJSON(), status: res.status(), body: await res.json() });
    } catch {
      // A request aborted by a newer situation has no body.
    }
  });
}

/**
 * Waits until the routing panel has the answer for the situation on screen (no "updating" message) and
 * a suggestion for `name` is shown; returns that suggestion.
 */
export async function waitForSuggestion(page, name) {
  const item = suggestion(page, name);
  await item.waitFor();
  await page.waitForFunction(() => {
    const panel = document.querySelector('.hotline-routing');
    return panel && !panel.querySelector('[role="status"]')?.textContent?.trim();
  });
  return item;
}

/** Opens the queue and, from it, the intake screen with the keyboard (the "New consultation" link and Enter). */
export async function openIntakeByKeyboard(page) {
  await page.goto('/hotline');
  await page.getByRole('heading', { level: 1, name: 'Kö' }).waitFor();
  await loaded(page);
  await page.getByRole('link', { name: 'Ny konsultation' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Ny konsultation' }).waitFor();
  await page.waitForURL((url) => url.pathname === '/hotline/new');
}

/** Picks an option of a combobox by typing `text` and pressing Enter on the option matching `option`. */
export async function typeAndPick(page, combobox, text, option) {
  await combobox.focus();
  await combobox.fill('');
  await page.keyboard.type(text);
  await page.getByRole('option', { name: option }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Chooses the municipality by typing its exact name (the picker chooses it then). */
export async function chooseMunicipality(page, name) {
  const box = page.getByRole('combobox', { name: 'Kommun', exact: true });
  await box.focus();
  await box.fill('');
  await page.keyboard.type(name);
  await page.keyboard.press('Escape');
}

/** Saves with Ctrl+Enter and returns the consultation's code from the status message. */
export async function saveByKeyboard(page) {
  await page.keyboard.press('Control+Enter');
  const message = page.getByRole('status').filter({ hasText: /Konsultationen \S+ är sparad\./ }).first();
  // A refusal shows as an alert (the error summary or a problem): say what it said.
  const refused = page.locator('.error-summary, [role="alert"]').filter({ hasText: /\S/ }).first();
  await message.or(refused).waitFor();
  if (!(await message.isVisible())) throw new Error(`the consultation was not saved: ${await refused.textContent()}`);
  return /Konsultationen (\S+) är sparad\./.exec(await message.textContent())[1];
}

/** The consultation's id from the intake's "To consultation {code}" link once saved. */
export async function savedId(page, code) {
  const href = await page.getByRole('link', { name: `Till konsultation ${code}` }).getAttribute('href');
  return href.split('/').pop();
}
