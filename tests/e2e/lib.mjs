// Shared helpers for the browser tests: the browser, axe, console watching, API set-up, and logging
// in (TOTP computed here per RFC 6238). Every route needs a session: openPage() and api() act as the
// first administrator unless told otherwise.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Headless Debian Chromium; playwright-core never downloads a browser. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic',
    ],
  });
}

/**
 * A fresh page (own context, so own localStorage). `lang` preselects the language as a returning user
 * would have it. Console errors and CSP violations are collected in page.problems.
 * `as`: whose session the page starts with — 'admin' (the default), null for none, or a storage state
 * (see loginInBrowser).
 */
export async function openPage(browser, { lang, as = 'admin' } = {}) {
  let storageState;
  if (as === 'admin') storageState = await adminStorageState();
  else if (as) storageState = as;
  const context = await browser.newContext({ baseURL: BASE_URL, locale: lang === 'en' ? 'en-GB' : 'sv-SE', storageState });
  if (lang) {
    await context.addInitScript((l) => {
      if (!window.sessionStorage.getItem('e2e.langSet')) {
        window.localStorage.setItem('opennrm.lang', l);
        window.sessionStorage.setItem('e2e.langSet', '1');
      }
    }, lang);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.problems = [];
  page.on('console', (msg) => {
    // A 4xx answer the app handles (e.g. a 422 for a bad e-mail) is logged by Chromium; that is no fault.
    const handled = /^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text());
    if (msg.type() === 'error' && !handled) page.problems.push(msg.text());
  });
  page.on('pageerror', (err) => page.problems.push(String(err)));
  return page;
}

/** Waits until no loading indicator is left on the page. */
export async function settled(page) {
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading'));
}

/**
 * Runs axe against WCAG 2.0/2.1 A and AA rules and returns the serious and critical violations, as
 * "rule: target" strings. The script is evaluated over the DevTools protocol, so the page's CSP
 * (script-src 'self') stays on and is itself tested.
 */
export async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} – ${v.help}`));
}

/**
 * Calls the API directly (test set-up) as the first administrator (session cookie and CSRF token):
 * JSON in, JSON out, throws on a non-2xx answer.
 */
export async function api(method, path, body) {
  return (await adminApi()).request(method, path, body);
}

/** A word unique to this run, so tests find their own organisations among the seeded ones. */
export function uniqueWord(prefix = 'e2e') {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

// ---------------------------------------------------------------------------------------------
// Logging in.

/** RFC 4648 base32 (A–Z, 2–7) to bytes; spaces, dashes and padding ignored. */
export function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of clean) {
    const v = alphabet.indexOf(c);
    if (v < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The RFC 6238 time step of `ms` (30-second steps from the Unix epoch). */
export const totpStep = (ms = Date.now()) => Math.floor(ms / 1000 / 30);

/** The RFC 6238 TOTP code (HMAC-SHA1, 6 digits) for a base32 secret at time step `step`. */
export function totpAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

// What the tests learn about accounts (passwords they chose, TOTP secrets, unused recovery codes,
// the last TOTP step each account used) is kept in a file, because `node --test` runs each test
// file in its own process and the first administrator's one-time password works only once.
const STATE_FILE = process.env.OPENNRM_E2E_STATE ?? join(tmpdir(), `opennrm-e2e-state-${new URL(BASE_URL).port || 'default'}.json`);

export function readState() {
  try {
    return existsSync(STATE_FILE) ? JSON.parse(readFileSync(STATE_FILE, 'utf8')) : {};
  } catch {
    return {};
  }
}

export function updateState(change) {
  const st = readState();
  change(st);
  writeFileSync(STATE_FILE, JSON.stringify(st, null, 1), { mode: 0o600 });
  return st;
}

/** Remembers an account's credentials ({username, password, secret, recoveryCodes}). */
export function saveAccount(creds) {
  updateState((st) => {
    st.accounts ??= {};
    st.accounts[creds.username] = creds;
  });
}

export function savedAccount(username) {
  return readState().accounts?.[username];
}

/**
 * A TOTP code for `username` that the server has not seen: codes are single-use, so when this account
 * already used the current 30-second step, wait for the next one.
 */
export async function freshTotp(username, secret) {
  const last = readState().lastStep?.[username] ?? -1;
  while (totpStep() <= last) await new Promise((r) => setTimeout(r, 500));
  // Not in the last second of a step: the code could expire on its way.
  if ((Date.now() / 1000) % 30 > 29) await new Promise((r) => setTimeout(r, 1200));
  const step = totpStep();
  updateState((st) => {
    st.lastStep ??= {};
    st.lastStep[username] = step;
  });
  return totpAt(secret, step);
}

/** Takes one unused recovery code of a saved account (each works once). */
export function takeRecoveryCode(username) {
  let code;
  updateState((st) => {
    code = st.accounts?.[username]?.recoveryCodes?.shift();
  });
  if (!code) throw new Error(`no recovery code left for ${username}`);
  return code;
}

/** A password of 24 random characters, far above the 12-character minimum. */
export function newPassword() {
  return `e2e ${uniqueWord('pw')} ${Math.random().toString(36).slice(2, 10)}`;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Seconds to wait from a 429's Retry-After (at least one). */
const retryAfterSeconds = (value) => Math.max(1, Number(value) || 1);

/**
 * A session held by this process (not a browser): a cookie jar of one and the CSRF token. Login
 * attempts slowed down by the server (429: all tests share one client address, and each failed
 * attempt there lengthens the delay) are retried after the Retry-After it names.
 */
export class ApiSession {
  cookie = '';
  csrf = '';

  async raw(method, path, body) {
    for (let attempt = 0; ; attempt++) {
      const r = await this.once(method, path, body);
      const wait = retryAfterSeconds(r.headers.get('retry-after'));
      if (r.status !== 429 || attempt >= 4 || wait > 60) return r;
      await sleep(wait * 1000 + 200);
    }
  }

  async once(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.cookie) headers.Cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    const res = await fetch(new URL(path, BASE_URL), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0];
      if (/^[^=]+=$/.test(pair) || /max-age=0/i.test(c)) this.cookie = '';
      else this.cookie = pair;
    }
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (json?.csrf_token) this.csrf = json.csrf_token;
    return { status: res.status, body: json, headers: res.headers };
  }

  /** Like raw(), but throws on a non-2xx answer and returns the body. */
  async request(method, path, body) {
    const r = await this.raw(method, path, body);
    if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

/**
 * Takes an API session from `stage` to active: a TOTP code, the password change (from
 * `oneTimePassword` to creds.password) and TOTP enrolment as the server asks. Saves the credentials
 * after each step, so that a later process can carry on if a step fails.
 */
async function finishLogin(s, creds, stage, oneTimePassword) {
  for (let steps = 0; stage !== 'active'; steps++) {
    if (steps > 4) throw new Error(`login of ${creds.username} stuck at stage ${stage}`);
    if (stage === 'totp') {
      ({ stage } = await s.request('POST', '/api/v1/session/totp', { code: await freshTotp(creds.username, creds.secret) }));
    } else if (stage === 'change_password') {
      if (!oneTimePassword) throw new Error(`${creds.username} must change a password this process does not know`);
      ({ stage } = await s.request('POST', '/api/v1/session/password', { current_password: oneTimePassword, new_password: creds.password }));
      saveAccount(creds);
    } else if (stage === 'enrol_totp') {
      const { secret } = await s.request('POST', '/api/v1/session/totp-enrolment');
      const done = await s.request('POST', '/api/v1/session/totp-enrolment/confirm', { code: await freshTotp(creds.username, secret) });
      Object.assign(creds, { secret, recoveryCodes: done.recovery_codes });
      saveAccount(creds);
      stage = done.stage;
    } else {
      throw new Error(`unknown stage ${stage}`);
    }
  }
  await s.request('GET', '/api/v1/session');
}

/**
 * The first login of an account through the API: one-time password → own password → TOTP enrolment
 * → recovery codes. Saves and returns the credentials, plus the active session.
 */
export async function firstLoginViaApi(username, oneTimePassword, password = newPassword()) {
  const s = new ApiSession();
  const { stage } = await s.request('POST', '/api/v1/session', { username, password: oneTimePassword });
  const creds = { username, password, secret: '', recoveryCodes: [] };
  await finishLogin(s, creds, stage, oneTimePassword);
  return { creds, session: s };
}

/** Logs a saved account in through the API (password, then a fresh TOTP code; enrolment if unfinished). */
export async function loginViaApi(creds) {
  const s = new ApiSession();
  const { stage } = await s.request('POST', '/api/v1/session', { username: creds.username, password: creds.password });
  await finishLogin(s, creds, stage);
  return s;
}

/**
 * The first administrator's credentials: saved ones, or — on a fresh server — its first login with
 * the one-time password the server printed (OPENNRM_E2E_ADMIN_PASSWORD).
 */
export async function adminCredentials() {
  const saved = savedAccount('admin');
  if (saved?.secret) return saved;
  if (saved) {
    // An earlier process changed the password but did not finish enrolment: finish it.
    await loginViaApi(saved);
    return savedAccount('admin');
  }
  const otp = process.env.OPENNRM_E2E_ADMIN_PASSWORD;
  if (!otp) throw new Error('OPENNRM_E2E_ADMIN_PASSWORD is not set: the first administrator cannot log in');
  return (await firstLoginViaApi('admin', otp)).creds;
}

let adminSession;
/** An API session of the first administrator, logged in once per test process. */
export async function adminApi() {
  if (adminSession && (await adminSession.raw('GET', '/api/v1/session')).status === 200) return adminSession;
  adminSession = await loginViaApi(await adminCredentials());
  return adminSession;
}

/**
 * Fills in and sends the login page's first step (in Swedish) and returns the server's answer. When
 * the server slows this client address down (429), waits for its Retry-After and sends again.
 */
export async function submitLogin(page, username, password) {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord', { exact: true }).fill(password);
  for (let attempt = 0; ; attempt++) {
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/session' && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Logga in' }).click(),
    ]);
    const wait = retryAfterSeconds(res.headers()['retry-after']);
    if (res.status() !== 429 || attempt >= 4 || wait > 60) return res;
    await sleep(wait * 1000 + 200);
  }
}

/** Logs a saved account in on `page` through the login page, with a recovery code or a TOTP code. */
export async function loginInBrowser(page, creds, { recovery = true } = {}) {
  await page.goto('/login');
  await submitLogin(page, creds.username, creds.password);
  await page.getByRole('heading', { level: 1, name: 'Tvåstegsverifiering' }).waitFor();
  if (recovery) {
    await page.getByRole('button', { name: 'Använd en återställningskod i stället' }).click();
    await page.getByLabel('Återställningskod').fill(takeRecoveryCode(creds.username));
  } else {
    await page.getByLabel('Engångskod').fill(await freshTotp(creds.username, creds.secret));
  }
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page.context().storageState();
}

let adminStorage;
/** A browser storage state holding an active session of the first administrator. */
export async function adminStorageState() {
  if (adminStorage) return adminStorage;
  const creds = await adminCredentials();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: BASE_URL, locale: 'sv-SE' });
    adminStorage = await loginInBrowser(await context.newPage(), creds);
  } finally {
    await browser.close();
  }
  return adminStorage;
}

/** Creates an account as `by` (an ApiSession; default the first administrator) and finishes its first login. */
export async function createAccount({ roles, organisationId, by, prefix = 'user' }) {
  const session = by ?? (await adminApi());
  const orgId = organisationId ?? (await session.request('GET', '/api/v1/session')).user.organisation.id;
  const username = uniqueWord(prefix);
  const created = await session.request('POST', '/api/v1/users', {
    organisation_id: orgId, username, display_name: `Test ${username}`, roles,
  });
  const { creds, session: own } = await firstLoginViaApi(username, created.one_time_password);
  return { user: created.user, creds, session: own };
}
