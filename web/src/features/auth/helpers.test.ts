import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/translate';
import { tooManyProblem, waitText } from './authErrors';
import { longEnough, passwordLength } from './passwordPolicy';
import { recoveryCodesFile } from './RecoveryCodeList';
import { groupSecret, qrDataUrl } from './totpSecret';
import { normaliseTotp } from './TotpStep';

const sv = { t: (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('sv', k, p) };

describe('the TOTP enrolment display', () => {
  it('turns only an SVG document into an image data: URL', () => {
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><path d="M0 0h1v1H0z"/></svg>';
    const url = qrDataUrl(svg);
    expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(atob((url ?? '').split(',')[1] ?? '')).toBe(svg);
    expect(qrDataUrl('<script>alert(1)</script>')).toBeNull();
    expect(qrDataUrl('<html><svg></svg></html>')).toBeNull();
  });

  it('groups the secret in fours for typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('jbsw y3dp==')).toBe('JBSW Y3DP');
  });

  it('accepts a code typed with spaces, and only six digits', () => {
    expect(normaliseTotp(' 123 456 ')).toBe('123456');
    expect(normaliseTotp('123-456')).toBe('123456');
    expect(normaliseTotp('12345')).toBeNull();
    expect(normaliseTotp('12345a')).toBeNull();
  });
});

describe('the password rule', () => {
  it('counts code points as the server does, and wants at least 12', () => {
    expect(passwordLength('lösenordsfras')).toBe(13);
    expect(passwordLength('😀😀')).toBe(2);
    expect(longEnough('elva tecken')).toBe(false);
    expect(longEnough('tolv tecken!')).toBe(true);
  });
});

describe('waiting after too many attempts', () => {
  it('says how long, rounded up, in words', () => {
    expect(waitText(sv, 1)).toBe('1 sekund');
    expect(waitText(sv, 45)).toBe('45 sekunder');
    expect(waitText(sv, 300)).toBe('5 minuter');
    expect(waitText(sv, 301)).toBe('6 minuter');
    expect(waitText(sv, 7200)).toBe('2 timmar');
  });

  it('names the clock time when the server said Retry-After', () => {
    const i = { ...sv, formatTime: (d: Date) => d.toISOString().slice(11, 16) };
    const now = Date.parse('2026-11-28T20:00:00Z');
    expect(tooManyProblem(i, 600, now)).toMatchObject({ rule: 'too_many_wait', params: { wait: '10 minuter', time: '20:10' } });
    expect(tooManyProblem(i, undefined, now)).toMatchObject({ rule: 'too_many' });
  });
});

describe('the recovery codes file', () => {
  it('holds the explanation and one code a line', () => {
    expect(recoveryCodesFile('OpenNRM', ['aaaa-bbbb-cccc', 'dddd-eeee-ffff'])).toBe('OpenNRM\n\naaaa-bbbb-cccc\ndddd-eeee-ffff\n');
  });
});
