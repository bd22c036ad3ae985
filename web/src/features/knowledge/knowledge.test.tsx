// The knowledge base in the browser: the search panel the intake screen opens (search as you type, arrow
// keys and Enter, Escape closes, articles of a routing reason), and the page (a social worker reads; an
// operator of the national unit writes and sees the server's problems beside the fields).
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../../api/client';
import { I18nProvider } from '../../i18n/I18nProvider';
import { installFakeApi, sessionOf, userWith, type Handler } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import { KnowledgeSearchPanel } from './KnowledgeSearchPanel';
import type { Article, ArticleHit } from './knowledgeTypes';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const article = (over: Partial<Article> = {}): Article => ({
  id: 'kb-reflection-period',
  slug: 'reflection-period',
  title_sv: 'Betänketid: 30 dagars uppehållstillstånd',
  title_en: 'Reflection period: a 30-day residence permit',
  body_sv: 'Socialnämnden ansöker om **betänketid**.\n\n- Ring 020-390 000',
  body_en: 'Social services apply for a **reflection period**.',
  tags: ['reflection-period'],
  reasons: ['reflection_period'],
  archived: false,
  version: 1,
  updated_at_us: 1_764_000_000_000_000,
  updated_by: null,
  ...over,
});
const hit = (a: Article): ArticleHit => {
  const head: Partial<Article> = { ...a };
  delete head.body_sv;
  delete head.body_en;
  return { ...(head as Omit<Article, 'body_sv' | 'body_en'>), snippet_sv: 'Socialnämnden ansöker om betänketid.', snippet_en: 'Social services apply.' };
};
const child = article({ id: 'kb-child-track', slug: 'child-track', title_sv: 'Barnspåret', title_en: 'The child track', reasons: ['child_protection'] });
const ok = (body: unknown, status = 200) => ({ status, body });

const knowledgeApi: Handler = (method, path) => {
  // (The fake API hands over the path without the query: the tests check the query in `calls`.)
  if (method === 'GET' && path === '/api/v1/knowledge') return ok({ items: [hit(article()), hit(child)] });
  if (method === 'GET' && path === '/api/v1/knowledge/kb-reflection-period') return ok(article());
  if (method === 'GET' && path === '/api/v1/knowledge/kb-child-track') return ok(child);
  return undefined;
};

function renderPanel(props: { reason?: string; initialQuery?: string } = {}) {
  const onClose = vi.fn();
  render(
    <I18nProvider initialLang="sv">
      <KnowledgeSearchPanel open onClose={onClose} {...props} />
    </I18nProvider>,
  );
  return onClose;
}

describe('the knowledge search panel', () => {
  it('searches as the operator types, moves with the arrow keys, opens with Enter and closes with Escape', async () => {
    const { calls } = installFakeApi(knowledgeApi, { session: sessionOf(userWith(['hotline_operator'])) });
    const user = userEvent.setup();
    const onClose = renderPanel({ initialQuery: 'betänketid' });
    const input = screen.getByLabelText('Sök i kunskapsbanken');
    expect(document.activeElement).toBe(input);
    const list = await screen.findByRole('list', { name: 'Artiklar' });
    await within(list).findByText('Barnspåret');
    expect(calls.some((c) => c.path === '/api/v1/knowledge?q=bet%C3%A4nketid&limit=20')).toBe(true);
    await user.keyboard('{ArrowDown}{ArrowUp}{Enter}');
    expect(await screen.findByRole('heading', { level: 3, name: 'Betänketid: 30 dagars uppehållstillstånd' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '020-390 000' }).getAttribute('href')).toBe('tel:020390000');
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();  // first back to the hits
    await screen.findByLabelText('Sök i kunskapsbanken');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('lists the articles of a routing reason', async () => {
    const { calls } = installFakeApi(knowledgeApi, { session: sessionOf(userWith(['hotline_operator'])) });
    renderPanel({ reason: 'child_protection' });
    expect(await screen.findByText('Barnspåret')).toBeTruthy();
    expect(screen.getByText('Artiklar om skälet: child_protection')).toBeTruthy();
    expect(calls.some((c) => c.path === '/api/v1/knowledge?reason=child_protection&limit=20')).toBe(true);
  });
});

describe('the knowledge page', () => {
  it('lets a social worker read but not write', async () => {
    installFakeApi(knowledgeApi, { session: sessionOf(userWith(['social_worker'], { id: 'm', name: 'Kommunen', kind: 'municipal_social_services' })) });
    renderRoute('/knowledge/kb-reflection-period');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kunskapsbank' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Betänketid: 30 dagars uppehållstillstånd' })).toBeTruthy();
    expect(screen.getByText('Levererad med OpenNRM')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ny artikel' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Redigera' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Kunskapsbank' })).toBeTruthy();  // in the menu
  });

  it('lets an operator of the national unit write, showing problems beside the fields', async () => {
    const posted: unknown[] = [];
    const api: Handler = (method, path, body) => {
      if (method === 'POST' && path === '/api/v1/knowledge') {
        posted.push(body);
        if (posted.length === 1) {
          return ok({ type: 'https://opennrm.org/problems/validation', title: 'Invalid', status: 422, errors: [{ field: 'slug', rule: 'format', detail: 'Lower-case letters.' }] }, 422);
        }
        return ok(article({ id: 'kb-new', slug: 'berry-pickers', title_sv: 'Bärplockare', version: 1, updated_by: { id: 'u', name: 'Test Person' } }), 201);
      }
      if (method === 'GET' && path === '/api/v1/knowledge/kb-new') return ok(article({ id: 'kb-new', title_sv: 'Bärplockare', updated_by: { id: 'u', name: 'Test Person' } }));
      return knowledgeApi(method, path, body);
    };
    installFakeApi(api, { session: sessionOf(userWith(['hotline_operator'])) });
    const user = userEvent.setup();
    renderRoute('/knowledge');
    await user.click(await screen.findByRole('button', { name: 'Ny artikel' }));
    await user.type(screen.getByLabelText(/^Kortnamn/), 'Bär');
    await user.type(screen.getByLabelText(/^Rubrik på svenska/), 'Bärplockare');
    await user.type(screen.getByLabelText(/^Rubrik på engelska/), 'Berry pickers');
    await user.type(screen.getByLabelText(/^Text på svenska/), 'Text.');
    await user.type(screen.getByLabelText(/^Text på engelska/), 'Text.');
    await user.type(screen.getByLabelText(/^Skälskoder/), 'labour_inspection, tax_control');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => {
      expect(screen.getByLabelText(/^Kortnamn/).getAttribute('aria-invalid')).toBe('true');
    });
    expect(posted[0]).toMatchObject({ slug: 'Bär', reasons: ['labour_inspection', 'tax_control'], tags: [] });
    await user.clear(screen.getByLabelText(/^Kortnamn/));
    await user.type(screen.getByLabelText(/^Kortnamn/), 'berry-pickers');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Artikeln är sparad.')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Bärplockare' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Redigera' })).toBeTruthy();
  });
});
