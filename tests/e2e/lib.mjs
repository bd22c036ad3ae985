// Shared helpers for the browser tests: the browser, axe, console watching and API set-up.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
 */
export async function openPage(browser, { lang } = {}) {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: lang === 'en' ? 'en-GB' : 'sv-SE' });
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

/** Calls the API directly (test set-up): JSON in, JSON out, throws on a non-2xx answer. */
export async function api(method, path, body) {
  const res = await fetch(new URL(path, BASE_URL), {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A word unique to this run, so tests find their own organisations among the seeded ones. */
export function uniqueWord(prefix = 'e2e') {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
