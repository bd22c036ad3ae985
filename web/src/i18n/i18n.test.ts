// Fails when code uses a key that either language lacks, or when sv and en differ in keys or placeholders.
import { describe, expect, it } from 'vitest';
import { ROLES, TOKEN_ACTIONS } from '../api/accountTypes';
import { AGE_GROUPS, COVERAGE_SCOPES, GENDERS, ORGANISATION_KINDS } from '../api/types';
import { keysMissingFrom, placeholders, usedKeys } from './check';
import { en } from './en';
import { sv } from './sv';

const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const allUsed = Object.values(sources).flatMap(usedKeys);

describe('the checker itself', () => {
  it('finds literal keys and reports the ones a dictionary lacks', () => {
    const code = `t('a.b'); i18n.t("c.d", { n: 1 }); format('x.y'); const t2 = at('no.match');`;
    expect(usedKeys(code)).toEqual(['a.b', 'c.d']);
    expect(keysMissingFrom(usedKeys(code), { 'a.b': 'A' })).toEqual(['c.d']);
    expect(placeholders('{count} av {total}')).toEqual(['count', 'total']);
  });
});

describe('translations', () => {
  it('scans the source files', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(allUsed.length).toBeGreaterThan(100);
  });

  it('has every key used in code in Swedish', () => {
    expect(keysMissingFrom(allUsed, sv)).toEqual([]);
  });

  it('has every key used in code in English', () => {
    expect(keysMissingFrom(allUsed, en)).toEqual([]);
  });

  it('has the same keys in Swedish and English', () => {
    expect(keysMissingFrom(Object.keys(sv), en)).toEqual([]);
    expect(keysMissingFrom(Object.keys(en), sv)).toEqual([]);
  });

  it('has the same placeholders and no empty message in both languages', () => {
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
      expect(sv[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('names every code that the UI translates with computed keys', () => {
    const computed = [
      ...ORGANISATION_KINDS.map((k) => `kind.${k}`),
      ...COVERAGE_SCOPES.map((s) => `scope.${s}`),
      ...GENDERS.map((g) => `gender.${g}`),
      ...AGE_GROUPS.map((a) => `age.${a}`),
      ...['created', 'saved', 'activated', 'deactivated'].map((f) => `org.flash.${f}`),
      ...['gender', 'age_group', 'places'].map((p) => `org.capacity.${p}`),
      ...ROLES.map((r) => `role.${r}`),
      ...TOKEN_ACTIONS.map((a) => `tokenAction.${a}`),
      ...['active', 'revoked', 'expired'].map((s) => `tokens.status.${s}`),
      ...['allowed', 'denied', 'failed'].map((o) => `audit.outcome.${o}`),
      'notification.kind.break_glass',
      // The login page's headings and intros, chosen by step.
      'login.title', 'totp.title', 'password.firstTitle', 'enrol.title', 'recovery.title',
      'totp.intro', 'password.firstIntro', 'enrol.intro',
      // Form problems looked up by scope, field and rule (components/formProblems.ts).
      'rule.invalid_credentials', 'rule.invalid_code', 'rule.too_many', 'rule.too_many_wait',
      'login.error.username.required', 'login.error.password.required',
      'totp.error.code.invalid_code', 'totp.error.recovery_code.invalid_code',
      ...['min_length', 'max_length', 'not_username', 'same_as_current'].map((r) => `password.error.new_password.${r}`),
      'password.error.current_password.invalid', 'password.error.repeat.mismatch',
      'user.error.roles.not_allowed_for_kind', 'user.error.username.taken', 'user.error.username.format',
      'user.error.username.length', 'totp.error.code.mismatch',
      ...['format', 'in_past', 'too_far'].map((r) => `tokens.error.expires_at.${r}`),
    ];
    expect(keysMissingFrom(computed, sv)).toEqual([]);
    expect(keysMissingFrom(computed, en)).toEqual([]);
  });
});

describe('plural forms', () => {
  it('uses the _one message for a count of one, and the plain one otherwise', async () => {
    const { translate } = await import('./translate');
    expect(translate('sv', 'dir.count', { count: 1 })).toBe('1 organisation hittades');
    expect(translate('sv', 'dir.count', { count: 2 })).toBe('2 organisationer hittades');
    expect(translate('en', 'geo.municipalityCount', { count: 1, county: 'Gotlands län' })).toBe('1 municipality in Gotlands län');
  });

  it('has a plain message for every _one message', () => {
    const ones = Object.keys(sv).filter((k) => k.endsWith('_one'));
    expect(ones.length).toBeGreaterThan(0);
    expect(keysMissingFrom(ones.map((k) => k.slice(0, -4)), sv)).toEqual([]);
  });
});
