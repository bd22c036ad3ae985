// The page My tasks: the user's open tasks across their cases, overdue first and in red, each with
// its case's code linking to the case; reached from the main menu.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi, sessionOf, userWith } from '../../test/fakeApi';
import { renderRoute } from '../../test/render';
import type { Task } from '../cases/caseWorkTypes';
import { tasksInOrder } from './MyTasksPage';

afterEach(() => {
  vi.unstubAllGlobals();
});

const worker = sessionOf(userWith(['social_worker'], { id: 'org-kom', name: 'Kiruna socialtjänst', kind: 'municipal_social_services' }));
const task = (patch: Partial<Task>): Task => ({
  id: 't1', case_id: 'case1', case_code: 'NRM-2026-000045', person_id: null, section: 'support', title: 'Ring tolken',
  kind: null, clock_id: null, assignee_user_id: worker.user.id, due_on: '2026-12-01', status: 'open', days_left: 3,
  overdue: false, created_by: worker.user.id, created_at: '2026-11-20T08:00:00Z', done_by: null, done_at: null, ...patch,
});

describe('my tasks', () => {
  it('lists the open tasks with a link to each case, overdue first and in red', async () => {
    installFakeApi((method, path) => (method === 'GET' && path === '/api/v1/tasks/mine'
      ? { status: 200, body: { items: [
          task({}),
          task({ id: 't2', case_id: 'case2', case_code: 'NRM-2026-000046', title: null, kind: 'reflection_period_ends',
            due_on: '2026-11-15', days_left: -2, overdue: true }),
          task({ id: 't3', title: 'Klar sedan länge', status: 'done' }),
        ] } }
      : undefined), { session: worker });
    const user = userEvent.setup();
    renderRoute('/');
    const nav = await screen.findByRole('navigation', { name: 'Huvudmeny' }, { timeout: 5000 });
    await user.click(within(nav).getByRole('link', { name: 'Mina uppgifter' }));
    const table = await screen.findByRole('table', { name: 'Mina öppna uppgifter' }, { timeout: 5000 });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.className).toContain('row--damaged');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'NRM-2026-000046' }).getAttribute('href')).toBe('/cases/case2');
    expect(rows[0]?.textContent).toContain('2 dagar försenad');
    expect(within(rows[1] as HTMLElement).getByRole('link', { name: 'NRM-2026-000045' })).toBeTruthy();
    expect(rows[1]?.textContent).toContain('Ring tolken');
    expect(screen.queryByText('Klar sedan länge')).toBeNull();
    expect(screen.getByText('En uppgift är försenad.')).toBeTruthy();
  });

  it('says so when there is nothing to do', async () => {
    installFakeApi((_method, path) => (path === '/api/v1/tasks/mine' ? { status: 200, body: { items: [] } } : undefined), { session: worker });
    renderRoute('/tasks');
    expect(await screen.findByText('Du har inga öppna uppgifter.')).toBeTruthy();
  });

  it('orders overdue tasks first, then by due date', () => {
    const order = tasksInOrder([task({ id: 'a', due_on: '2026-12-05' }), task({ id: 'b', due_on: '2026-12-01' }),
      task({ id: 'c', due_on: '2026-12-09', overdue: true })]).map((x) => x.id);
    expect(order).toEqual(['c', 'b', 'a']);
  });
});
