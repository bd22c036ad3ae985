// The county map: 21 counties, keyboard-operable, listing a county's municipalities.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launchBrowser, openPage, settled } from './lib.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the map draws 21 counties as named, focusable buttons coloured by police region', async () => {
  const page = await openPage(browser);
  await page.goto('/geography');
  await settled(page);
  const counties = page.locator('svg.county-map path.county');
  await assert.doesNotReject(counties.first().waitFor());
  assert.equal(await counties.count(), 21);
  const attrs = await counties.evaluateAll((paths) =>
    paths.map((p) => ({ role: p.getAttribute('role'), tab: p.getAttribute('tabindex'), label: p.getAttribute('aria-label'), cls: p.getAttribute('class'), style: p.getAttribute('style') })),
  );
  for (const a of attrs) {
    assert.equal(a.role, 'button');
    assert.equal(a.tab, '0');
    assert.match(a.label, /län/);
    assert.match(a.cls, /region-(nord|mitt|bergslagen|stockholm|vast|ost|syd)/);
    assert.equal(a.style, null);
  }
  const fills = new Set(await counties.evaluateAll((paths) => paths.map((p) => getComputedStyle(p).fill)));
  assert.equal(fills.size, 7, 'seven police regions, seven colours');
  assert.equal(await page.locator('.legend li').count(), 7);
  assert.equal(await page.locator('table.data-table tbody tr').count(), 21, 'the table alternative lists every county');
  assert.deepEqual(page.problems, []);
});

test('clicking Norrbotten lists its 14 municipalities, Kiruna among them', async () => {
  const page = await openPage(browser);
  await page.goto('/geography');
  await settled(page);
  await page.getByRole('button', { name: /^Norrbottens län/ }).click();
  const heading = page.getByRole('heading', { name: 'Kommuner i Norrbottens län' });
  await heading.waitFor();
  const rows = page.locator('.county-detail tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 14);
  const names = await page.locator('.county-detail tbody th').allTextContents();
  assert.ok(names.includes('Kiruna'), `Kiruna in ${names.join(', ')}`);
  assert.equal(await page.getByRole('button', { name: /^Norrbottens län/ }).getAttribute('aria-pressed'), 'true');
  assert.match(page.url(), /county=25/);
});

test('a county can be chosen with the keyboard alone', async () => {
  const page = await openPage(browser);
  await page.goto('/geography');
  await settled(page);
  const gotland = page.getByRole('button', { name: /^Gotlands län/ });
  await gotland.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Kommuner i Gotlands län' }).waitFor();
  assert.equal(await page.locator('.county-detail tbody tr').count(), 1);
  const focusedLabel = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  assert.match(focusedLabel ?? '', /^Gotlands län/, 'focus stays on the map');
});
