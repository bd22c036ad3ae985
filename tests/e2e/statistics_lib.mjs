// Helpers of the statistics browser test: the crime-figure CSV, the check that no count under the
// disclosure threshold is on the page, and signing in a role without TOTP.
import { openPage, submitLogin } from './lib.mjs';

/** Last year: the latest year that has ended and may be published. */
export const YEAR = new Date().getFullYear() - 1;

/** A crime-statistics file: the header, then one line per [year, offence, measure, breakdown, category, value]. */
export function crimeCsv(rows) {
  const lines = rows.map((r) => [...r, 'Brå, testdata'].map((f) => (String(f).includes(',') ? `"${f}"` : f)).join(','));
  return ['year,offence,measure,breakdown,category,value,source', ...lines].join('\n') + '\n';
}

/**
 * The whole-number counts in the page's statistics tables that are above 0 and under `threshold`
 * (rates and shares, with decimals, are left out). Empty when disclosure control held.
 */
export async function countsUnderThreshold(page, threshold) {
  const texts = await page.locator('table.stats-table td').allTextContents();
  return texts
    .map((t) => t.replace(/\s/g, ''))
    .filter((t) => /^\d+$/.test(t))
    .map(Number)
    .filter((v) => v > 0 && v < threshold);
}

/**
 * A browser storage state of `account`, a role without TOTP (the statistician, docs/security.md): the
 * login page lets it in after the password.
 */
export async function signInWithoutTotp(browser, account) {
  const page = await openPage(browser, { as: null });
  await page.goto('/login');
  await submitLogin(page, account.creds.username, account.creds.password);
  await page.waitForURL((url) => url.pathname !== '/login');
  const state = await page.context().storageState();
  await page.context().close();
  return state;
}
