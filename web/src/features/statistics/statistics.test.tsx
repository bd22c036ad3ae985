// The statistics pages as a user reaches them: loading and error states, the catalogue, a table with its
// downloads, the dashboards, the own figures marked not for publication, the annual report, the EU
// table and the administration (publish after confirming; every refused import line shown).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { installFakeApi, nationalUnit, sessionOf, shelterOrg, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { ok, statsApi, table } from './statisticsFixture';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const statistician = sessionOf(userWith(['statistician'], nationalUnit));
const coordinator = sessionOf(userWith(['regional_coordinator'], { id: 'org-rc', name: 'Regionkoordinator, polisregion Nord', kind: 'regional_coordinator' }));
const operator = sessionOf(userWith(['hotline_operator'], nationalUnit));
const NAV = 'Huvudmeny';
const problem = (status: number, slug: string, errors: unknown[] = []) => ({
  status, body: { type: `https://opennrm.org/problems/${slug}`, title: slug, status, errors },
});

describe('the statistics home page', () => {
  it('lists the published years and the catalogue by group, each table a link with the choice', async () => {
    installFakeApi(statsApi(), { session: statistician });
    renderRoute('/statistics');
    expect(screen.getByRole('status').textContent).toContain('Laddar');
    expect(await screen.findByText(/2025, version 2, publicerad/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Presumtiva offer' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Stödlinjen' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Polisregion efter Kön och ålder' });
    expect(link.getAttribute('href')).toBe('/statistics/tables/victims.police_region.gender?year=2025&series=regional_coordinator');
    expect(screen.getByText(/Regionkoordinatorernas serie är den nationella huvudsiffran/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Publicera och importera' })).toBeTruthy();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('År'), '2024');
    await waitFor(() => {
      expect(screen.getByRole('link', { name: 'Polisregion efter Kön och ålder' }).getAttribute('href')).toContain('year=2024');
    });
  });

  it('says when nothing is published yet', async () => {
    installFakeApi(statsApi((_m, p) => (p === '/api/v1/statistics/publications' ? ok({ items: [] }) : undefined)), { session: statistician });
    renderRoute('/statistics', 'en');
    expect(await screen.findByText('No year is published yet.')).toBeTruthy();
  });

  it('shows a failure with a way to try again', async () => {
    let fail = true;
    installFakeApi(statsApi((_m, p) => (p === '/api/v1/statistics/publications' && fail ? problem(503, 'unavailable') : undefined)), { session: statistician });
    renderRoute('/statistics');
    const alert = await screen.findByRole('alert');
    fail = false;
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByText(/2025, version 2/)).toBeTruthy();
  });

  it('is in the navigation of the roles that read statistics only', async () => {
    installFakeApi(statsApi(), { session: sessionOf(userWith(['ngo_worker'], shelterOrg)) });
    const first = renderRoute('/statistics');
    const nav = await screen.findByRole('navigation', { name: NAV });
    expect(within(nav).queryByRole('link', { name: 'Statistik' })).toBeNull();
    expect(screen.queryByRole('heading', { level: 1, name: 'Statistik' })).toBeNull();
    first.unmount();
    installFakeApi(statsApi(), { session: statistician });
    renderRoute('/statistics');
    expect(within(await screen.findByRole('navigation', { name: NAV })).getByRole('link', { name: 'Statistik' })).toBeTruthy();
  });
});

describe('a table page', () => {
  it('shows the release, the table with its legend and the CSV and JSON downloads of the choice', async () => {
    const api = installFakeApi(statsApi((_m, p) => (p === '/api/v1/statistics/tables/victims.police_region.gender'
      ? ok(table({ year: 2024, area: { level: 'police_region', code: 'nord' } })) : undefined)), { session: statistician });
    renderRoute('/statistics/tables/victims.police_region.gender?year=2024&area=police_region/nord', 'en');
    expect(await screen.findByText(/2024 · Regional coordinators \(national headline\) · Police Region North · release 1/)).toBeTruthy();
    expect(screen.getByText('hidden to protect persons (disclosure control, threshold 11)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe(
      '/api/v1/statistics/tables/victims.police_region.gender.csv?year=2024&series=regional_coordinator&area=police_region%2Fnord');
    expect(api.calls.some((c) => c.path === '/api/v1/statistics/tables/victims.police_region.gender?year=2024&series=regional_coordinator&area=police_region%2Fnord')).toBe(true);
  });

  it('shows the server\'s refusal of an unpublished year', async () => {
    installFakeApi(statsApi((_m, p) => (p.startsWith('/api/v1/statistics/tables/') ? problem(404, 'not-found') : undefined)), { session: statistician });
    renderRoute('/statistics/tables/victims.police_region.gender?year=2025');
    expect((await screen.findByRole('alert')).textContent).toMatch(/hittades inte|finns inte/i);
  });
});

describe('the national dashboard', () => {
  it('shows the indicators, the trend with a table view and the county map', async () => {
    installFakeApi(statsApi(), { session: statistician });
    renderRoute('/statistics/national', 'en');
    expect(await screen.findByRole('heading', { level: 2, name: 'Indicators per police region' })).toBeTruthy();
    const map = await screen.findByTestId('rate-map');
    expect(map.getAttribute('aria-label')).toContain('Norrbottens län: 12.07');
    expect(map.getAttribute('aria-label')).toContain('Stockholms län: hidden');
    const trend = screen.getByRole('group', { name: 'Show Presumed victims over the years as' });
    await userEvent.setup().click(within(trend).getByRole('button', { name: 'Table' }));
    const rows = within(screen.getByRole('table', { name: 'Presumed victims over the years' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual(['YearPresumed victimsPer 100,000 inhabitants', '2024600.57', '2025..hidden..hidden']);
  });
});

describe('own figures', () => {
  it('are marked not for publication in both languages, asked for by period, and offer no download', async () => {
    const api = installFakeApi(statsApi((_m, p) => {
      if (p === '/api/v1/organisations/org-rc') return ok({ id: 'org-rc', coverage: { scope: 'police_regions', codes: ['nord'] } });
      if (p === '/api/v1/statistics/own') {
        return ok({ not_for_publication: true, organisation: 'org-rc', rows: { dimension: 'month', keys: ['2026-01'] }, columns: { dimension: 'case_type', keys: ['human_exploitation'] }, cells: [[3]], row_totals: [3], column_totals: [3], total: null });
      }
      return undefined;
    }), { session: coordinator });
    renderRoute('/statistics/region');
    await waitFor(() => { expect(api.calls.some((c) => c.path.startsWith('/api/v1/statistics/indicators?year=2025&area=police_region%2Fnord'))).toBe(true); });
    const panel = screen.getByRole('region', { name: 'Egna siffror: din organisations ärenden' });
    expect(panel.textContent).toContain('Ej för publicering / Not for publication');
    const user = userEvent.setup();
    await user.clear(within(panel).getByLabelText('Från och med'));
    await user.type(within(panel).getByLabelText('Från och med'), '2026-01-01');
    await user.click(within(panel).getByRole('button', { name: 'Visa siffrorna' }));
    const own = await within(panel).findByRole('table');
    expect(within(own).getAllByRole('row')[1]?.textContent).toBe('2026-0133');
    expect(within(own).getAllByRole('row')[2]?.textContent).toContain('–');
    expect(api.calls.find((c) => c.path.startsWith('/api/v1/statistics/own'))?.path).toMatch(/from=2026-01-01&to=\d{4}-\d\d-\d\d&rows=month&columns=case_type/);
    expect(within(panel).queryByRole('link')).toBeNull();
  });

  it('names the broken rule when the server refuses the period', async () => {
    installFakeApi(statsApi((_m, p) => (p === '/api/v1/statistics/hotline/own'
      ? problem(422, 'validation', [{ field: 'from', rule: 'order', detail: 'from is after to' }])
      : p === '/api/v1/statistics/hotline' ? ok({ tables: [table({ id: 'hotline.week' })] }) : undefined)), { session: operator });
    renderRoute('/statistics/hotline', 'en');
    const panel = await screen.findByRole('region', { name: 'Own figures: the hotline’s consultations' });
    await userEvent.setup().click(within(panel).getByRole('button', { name: 'Show the figures' }));
    expect((await within(panel).findByRole('alert')).textContent).toContain('from: The from date must come before the to date. (from is after to)');
    expect(screen.getByRole('heading', { level: 2, name: 'Consultations by week' })).toBeTruthy();
  });

  it('are not offered to a statistician on the hotline page', async () => {
    installFakeApi(statsApi((_m, p) => (p === '/api/v1/statistics/hotline' ? ok({ tables: [] }) : undefined)), { session: statistician });
    renderRoute('/statistics/hotline', 'en');
    expect(await screen.findByText('There are no tables for the year.')).toBeTruthy();
    expect(screen.queryByText(/Not for publication/)).toBeNull();
  });
});

describe('the annual report and the EU table', () => {
  it('shows every section with its caption, table and chart, and the exports', async () => {
    installFakeApi(statsApi((_m, p) => (p === '/api/v1/statistics/annual-report' ? ok({ year: 2025, sections: [
      { id: 's1', caption: { sv: 'Flest presumtiva offer fanns i Nord.', en: 'Most presumed victims were in the North.' }, table: table() },
    ] }) : undefined)), { session: statistician });
    renderRoute('/statistics/annual-report?year=2024', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Annual report 2024' })).toBeTruthy();
    expect(await screen.findByText('Most presumed victims were in the North.')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Police region by Gender category' })).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/^Bar chart, Police region by Gender category – Total by Police region\./);
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/api/v1/statistics/annual-report.csv?year=2024');
    expect(screen.getByRole('link', { name: 'Download JSON' }).getAttribute('href')).toBe('/api/v1/statistics/annual-report.json?year=2024');
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();
  });

  it('offers the EU table as one CSV', async () => {
    installFakeApi(statsApi((_m, p) => (p === '/api/v1/statistics/eu' ? ok({ tables: [table({ id: 'eu.victims' })] }) : undefined)), { session: statistician });
    renderRoute('/statistics/eu');
    expect((await screen.findByRole('link', { name: 'Ladda ner EU-tabellen för 2025 (CSV)' })).getAttribute('href')).toBe('/api/v1/statistics/eu.csv?year=2025');
    expect(await screen.findByRole('img')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Tabell' }));
    expect(screen.getByRole('table')).toBeTruthy();
  });
});

describe('the administration', () => {
  it('is for the national unit\'s statisticians only', async () => {
    installFakeApi(statsApi(), { session: sessionOf(userWith(['statistician'], shelterOrg)) });
    renderRoute('/statistics/admin', 'en');
    expect(await screen.findByRole('heading', { level: 1, name: /access/i })).toBeTruthy();
  });

  it('publishes a year after a confirmation that says what it does', async () => {
    const posted: unknown[] = [];
    installFakeApi(statsApi((m, p, body) => {
      if (m === 'POST' && p === '/api/v1/statistics/publications') {
        posted.push(body);
        return { status: 201, body: { year: 2025, release: 1, tables: 42 } };
      }
      return undefined;
    }), { session: statistician });
    renderRoute('/statistics/admin', 'en');
    const user = userEvent.setup();
    const year = await screen.findByLabelText('Year');
    await user.clear(year);
    await user.type(year, '2025');
    await user.click(screen.getByRole('button', { name: 'Publish 2025 …' }));
    expect(screen.getByText(/All tables of 2025 are produced, pass disclosure control/)).toBeTruthy();
    expect(posted).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Yes, publish' }));
    expect(await screen.findByText('2025 is published: release 1 with 42 tables.')).toBeTruthy();
    expect(posted).toEqual([{ year: 2025 }]);
  });

  it('imports crime figures as text/csv and shows every line the server refuses', async () => {
    const fetchCalls = installFakeApi(statsApi((m, p) => (m === 'POST' && p === '/api/v1/statistics/crime-figures'
      ? problem(422, 'validation', [
        { field: 'line 3.offence', rule: 'unknown_code', detail: 'unknown offence "theft"' },
        { field: 'line 7.value', rule: 'format', detail: 'not a whole number' },
        { field: 'line 9', rule: 'no_such_rule', detail: 'the server says why' },
      ]) : undefined)), { session: statistician });
    renderRoute('/statistics/admin', 'en');
    const user = userEvent.setup();
    const file = new File(['year,offence\n2025,theft\n'], 'brott.csv', { type: 'text/csv' });
    await user.upload(await screen.findByLabelText('CSV file of crime figures'), file);
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByText('The file was not imported. Fix the lines and try again:');
    const items = within(alert.parentElement as HTMLElement).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      'line 3.offence: Unknown code. (unknown offence "theft")',
      'line 7.value: Wrong format. (not a whole number)',
      'line 9: the server says why',
    ]);
    const call = fetchCalls.calls.find((c) => c.method === 'POST');
    expect(call?.headers.get('Content-Type')).toBe('text/csv');
    expect(call?.headers.get('X-CSRF-Token')).toBe('csrf-from-session');
  });
});
