// Statistics in the browser (issue 7, "Done when"): a statistician of the national unit imports the
// official crime figures (a bad file: every refused line named; then a good one), publishes last year
// after the confirmation, and produces the annual report and the EU table from the browser, never seeing
// a count under the threshold; a regional coordinator's own figures are marked not for publication and
// offer no download. axe-core on every statistics page in Swedish and English.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage } from './lib.mjs';
import { accountIn, RC_NORD, seededOrganisation } from './hotline_lib.mjs';
import { assertSound, loaded, sharedAdmin, signIn, status } from './referrals_lib.mjs';
import { countsUnderThreshold, crimeCsv, signInWithoutTotp, YEAR } from './statistics_lib.mjs';

let browser;
const as = {};

before(async () => {
  browser = await launchBrowser();
  const admin = await sharedAdmin();
  const nationalUnit = await seededOrganisation(admin, 'national_unit');
  const rcNord = await seededOrganisation(admin, 'regional_coordinator', RC_NORD);
  as.statistician = await signInWithoutTotp(browser, await accountIn(admin, nationalUnit, 'statistician', 'stst'));
  as.coordinator = await signIn(browser, await accountIn(admin, rcNord, 'regional_coordinator', 'strc'));
});
after(async () => {
  await browser?.close();
});

test('the statistician imports crime figures: a bad file names every refused line, a good one is taken', async () => {
  const page = await openPage(browser, { as: as.statistician });
  await page.goto('/statistics/admin');
  await loaded(page);
  const bad = join(tmpdir(), `crime-bad-${process.pid}.csv`);
  writeFileSync(bad, crimeCsv([[YEAR, 'theft', 'reported_offences', 'total', 'total', '20'], [YEAR, 'procuring', 'reported_offences', 'total', 'total', 'many']]));
  await page.getByLabel('CSV-fil med brottsstatistik').setInputFiles(bad);
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Filen importerades inte' });
  await refused.waitFor();
  const lines = await refused.locator('li').allTextContents();
  assert.ok(lines.some((l) => l.startsWith('line 2.offence')), lines.join(' | '));
  assert.ok(lines.some((l) => l.startsWith('line 3.value')), lines.join(' | '));
  const good = join(tmpdir(), `crime-good-${process.pid}.csv`);
  writeFileSync(good, crimeCsv([[YEAR, 'trafficking', 'reported_offences', 'total', 'total', '185'], [YEAR, 'trafficking', 'convicted_persons', 'total', 'total', '0']]));
  await page.getByLabel('CSV-fil med brottsstatistik').setInputFiles(good);
  await page.getByRole('button', { name: 'Importera', exact: true }).click();
  await status(page, `2 värden importerade för ${YEAR}.`);
  await assertSound(page, 'the administration page');
});

test('the statistician publishes last year after a confirmation that says what it does', async () => {
  const page = await openPage(browser, { as: as.statistician });
  await page.goto('/statistics/admin');
  await loaded(page);
  await page.getByLabel('År', { exact: true }).fill(String(YEAR));
  await page.getByRole('button', { name: new RegExp(`^Publicera (en ny version av )?${YEAR} …$`) }).click();
  await page.getByText(/röjandekontrolleras|jämförs cell för cell/).waitFor();
  await page.getByRole('button', { name: 'Ja, publicera' }).click();
  await status(page, `${YEAR} är publicerat`);
  await page.getByRole('listitem').filter({ hasText: new RegExp(`^${YEAR}, version \\d+:`) }).first().waitFor();
});

test('the annual report and the EU table come from the browser without a count under the threshold', async () => {
  const page = await openPage(browser, { as: as.statistician });
  await page.goto(`/statistics/annual-report?year=${YEAR}`);
  await loaded(page);
  await page.getByRole('heading', { level: 1, name: `Årsrapport ${YEAR}` }).waitFor();
  const sections = page.locator('.report-section');
  assert.ok(await sections.count() > 0, 'the report has sections');
  assert.deepEqual(await countsUnderThreshold(page, 11), []);
  assert.equal(await page.getByRole('link', { name: 'Ladda ner CSV' }).getAttribute('href'), `/api/v1/statistics/annual-report.csv?year=${YEAR}`);
  const csv = await page.request.get(`/api/v1/statistics/annual-report.csv?year=${YEAR}`);
  assert.equal(csv.status(), 200);
  await assertSound(page, 'the annual report');

  await page.goto(`/statistics/eu?year=${YEAR}`);
  await loaded(page);
  const euCsv = page.getByRole('link', { name: `Ladda ner EU-tabellen för ${YEAR} (CSV)` });
  assert.equal(await euCsv.getAttribute('href'), `/api/v1/statistics/eu.csv?year=${YEAR}`);
  for (const toggle of await page.getByRole('button', { name: 'Tabell' }).all()) await toggle.click();
  assert.ok(await page.locator('table.stats-table').count() > 0, 'the EU tables');
  assert.deepEqual(await countsUnderThreshold(page, 11), []);
  assert.equal((await page.request.get(`/api/v1/statistics/eu.csv?year=${YEAR}`)).status(), 200);
  await assertSound(page, 'the EU table');
});

test('a regional coordinator sees the region and their own figures, marked not for publication, with no download', async () => {
  const page = await openPage(browser, { as: as.coordinator });
  await page.goto('/statistics/region');
  await loaded(page);
  const panel = page.getByRole('region', { name: 'Egna siffror: din organisations ärenden' });
  await panel.getByText('Ej för publicering').waitFor();
  await panel.getByRole('button', { name: 'Visa siffrorna' }).click();
  await panel.locator('table').waitFor();
  assert.equal(await panel.getByRole('link').count(), 0);
  await assertSound(page, 'the regional dashboard');
});

test('every statistics page passes axe in Swedish and English', async () => {
  for (const lang of ['sv', 'en']) {
    for (const path of ['/statistics', '/statistics/national', '/statistics/hotline', `/statistics/annual-report?year=${YEAR}`, '/statistics/eu', '/statistics/admin']) {
      const page = await openPage(browser, { as: as.statistician, lang });
      await page.goto(path);
      await loaded(page);
      for (const toggle of await page.locator('.view-toggle button:not([aria-pressed="true"])').all()) await toggle.click();
      await assertSound(page, `${path} (${lang})`);
      await page.context().close();
    }
  }
});
