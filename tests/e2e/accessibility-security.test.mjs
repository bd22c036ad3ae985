// axe-core on the security core's pages in Swedish and English, as the people who use them: no
// serious or critical WCAG 2.1 A/AA violation, one main and one h1, no inline style, no console error.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  adminApi, createAccount, launchBrowser, loginInBrowser, openPage, seriousViolations, settled,
} from './lib.mjs';

let browser;
const as = {};
let someUser;

before(async () => {
  browser = await launchBrowser();
  const admin = await adminApi();
  const orgAdmin = await createAccount({ roles: ['organisation_administrator'], prefix: 'a11yoa' });
  const auditor = await createAccount({ roles: ['national_auditor'], by: orgAdmin.session, prefix: 'a11yaud' });
  someUser = orgAdmin.user;
  for (const [who, creds] of [['orgAdmin', orgAdmin.creds], ['auditor', auditor.creds]]) {
    const page = await openPage(browser, { as: null });
    as[who] = await loginInBrowser(page, creds);
    await page.context().close();
  }
  assert.ok(admin);
});
after(async () => {
  await browser?.close();
});

const pages = [
  ['login', null, () => '/login'],
  ['my account', 'admin', () => '/account'],
  ['change password', 'admin', () => '/account/password'],
  ['my sessions', 'admin', () => '/account/sessions'],
  ['new recovery codes', 'admin', () => '/account/recovery-codes'],
  ['notifications', 'admin', () => '/notifications'],
  ['users', 'admin', () => '/users'],
  ['new user', 'admin', () => '/users/new'],
  ['a user', 'admin', () => `/users/${someUser.id}`],
  ['API tokens', 'orgAdmin', () => '/tokens'],
  ['audit log', 'auditor', () => '/audit'],
  ['no access', 'orgAdmin', () => '/audit'],
];

for (const lang of ['sv', 'en']) {
  describe(`in ${lang === 'sv' ? 'Swedish' : 'English'}`, () => {
    for (const [label, who, path] of pages) {
      test(label, async () => {
        const page = await openPage(browser, { lang, as: who === 'admin' ? 'admin' : who ? as[who] : null });
        await page.goto(path());
        await settled(page);
        assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await seriousViolations(page), []);
        assert.equal(await page.locator('main').count(), 1);
        assert.equal(await page.locator('h1').count(), 1);
        assert.equal(await page.locator('[style]').count(), 0, 'no inline styles (CSP style-src self)');
        assert.deepEqual(page.problems, [], 'no console errors or CSP violations');
        await page.context().close();
      });
    }
  });
}
