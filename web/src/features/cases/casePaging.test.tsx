import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserOrganisation } from '../../api/accountTypes';
import type { CaseSummary } from '../../api/caseTypes';
import { setCsrfToken } from '../../api/client';
import { translate } from '../../i18n/translate';
import { installFakeApi, sessionOf, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { caseCountText, hasNextCasePage } from './casePaging';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const municipality: UserOrganisation = { id: 'org-kom', name: 'Kiruna socialtjänst', kind: 'municipal_social_services' };
const socialWorker = sessionOf(userWith(['social_worker'], municipality));
const cases = (n: number, from = 0): CaseSummary[] => Array.from({ length: n }, (_, k) => ({
  id: String(from + k).padStart(32, '0'), code: `NRM-2026-${String(from + k).padStart(6, '0')}`, type: 'human_exploitation',
  status: 'open', organisation_id: 'org-kom', created_at: '2026-11-20T08:00:00Z', updated_at: '2026-11-21T09:30:00Z', version: 1,
}));
const items = (n: number) => new Array<unknown>(n).fill({});

describe('the case count line', () => {
  const en = { t: (k: Parameters<typeof translate>[1], p?: Record<string, string | number>) => translate('en', k, p), formatNumber: (n: number) => n.toLocaleString('en-GB') };
  it('says the exact number up to the bound, and "1,000+" above it', () => {
    expect(caseCountText(en, { items: [], total: 999, total_capped: false })).toBe('999 cases');
    expect(caseCountText(en, { items: [], total: 1, total_capped: false })).toBe('1 case');
    expect(caseCountText(en, { items: [], total: 1000, total_capped: true })).toBe('1,000+ cases');
    // A server that does not send total_capped counted every case.
    expect(caseCountText(en, { items: [], total: 45 })).toBe('45 cases');
  });
});

describe('the next page', () => {
  it('follows by the total while it is exact', () => {
    expect(hasNextCasePage({ items: items(20), total: 45 }, 1, 20)).toBe(true);
    expect(hasNextCasePage({ items: items(5), total: 45 }, 2, 20)).toBe(false);
    expect(hasNextCasePage({ items: items(20), total: 40, total_capped: false }, 1, 20)).toBe(false);
  });
  it('follows a full page when the total is capped, even past the counted cases', () => {
    expect(hasNextCasePage({ items: items(20), total: 1000, total_capped: true }, 49, 20)).toBe(true);
    expect(hasNextCasePage({ items: items(20), total: 1000, total_capped: true }, 60, 20)).toBe(true);
    expect(hasNextCasePage({ items: items(7), total: 1000, total_capped: true }, 61, 20)).toBe(false);
    expect(hasNextCasePage({ items: [], total: 1000, total_capped: true }, 62, 20)).toBe(false);
  });
});

describe('the case list above 1,000 cases', () => {
  it('shows "1 000+ ärenden" and a next page after the 50th page while pages are full', async () => {
    const api = installFakeApi((_method, path) => (path === '/api/v1/cases'
      ? { status: 200, body: { items: cases(20, 1000), total: 1000, total_capped: true, limit: 20, offset: 1000 } } : undefined),
    { session: socialWorker });
    renderRoute('/cases?page=51');
    expect(await screen.findByText(/^1\s000\+ ärenden$/)).toBeTruthy();
    expect(api.calls.some((c) => c.path === '/api/v1/cases?limit=20&offset=1000')).toBe(true);
    expect(screen.getByText('Sida 51')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nästa sida' }).getAttribute('href')).toBe('/cases?page=52');
    expect(screen.getByRole('link', { name: 'Föregående sida' }).getAttribute('href')).toBe('/cases?page=50');
  });

  it('says "1,000+ cases" in English and offers no next page after a page that is not full', async () => {
    installFakeApi((_method, path) => (path === '/api/v1/cases'
      ? { status: 200, body: { items: cases(3, 1040), total: 1000, total_capped: true, limit: 20, offset: 1040 } } : undefined),
    { session: socialWorker });
    renderRoute('/cases?page=53', 'en');
    expect(await screen.findByText('1,000+ cases')).toBeTruthy();
    expect(screen.getByText('Page 53')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Next page' })).toBeNull();
  });

  it('keeps the exact count and page total below the bound', async () => {
    installFakeApi((_method, path) => (path === '/api/v1/cases'
      ? { status: 200, body: { items: cases(20), total: 45, total_capped: false, limit: 20, offset: 0 } } : undefined),
    { session: socialWorker });
    renderRoute('/cases', 'en');
    expect(await screen.findByText('45 cases')).toBeTruthy();
    expect(screen.getByText('Page 1 of 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe('/cases?page=2');
  });
});
