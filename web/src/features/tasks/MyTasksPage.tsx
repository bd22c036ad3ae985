// /tasks: the signed-in user's open tasks across every case they are on (GET /api/v1/tasks/mine):
// the case's code linking to the case, what to do, and when it is due — overdue ones in red.
import { useCallback } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { taskApi } from '../cases/caseWorkApi';
import type { Task } from '../cases/caseWorkTypes';
import { TaskDue, taskTitle } from '../cases/TasksSection';

/** Overdue first, then by due date. */
export function tasksInOrder(items: readonly Task[]): Task[] {
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due_on.localeCompare(b.due_on));
}

export function MyTasksPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('myTasks.title'));
  const load = useCallback((signal: AbortSignal) => taskApi.mine(signal), []);
  const { data, error, reload } = useApi(load);
  const rows = tasksInOrder((data?.items ?? []).filter((x) => x.status === 'open'));
  const overdue = rows.filter((x) => x.overdue).length;

  const columns: Column<Task>[] = [
    {
      id: 'case',
      header: t('myTasks.field.case'),
      cell: (x) => <Link to={`/cases/${encodeURIComponent(x.case_id)}`}>{x.case_code ?? t('myTasks.case')}</Link>,
    },
    { id: 'title', header: t('task.field.title'), cell: (x) => taskTitle(i18n, x) },
    { id: 'due', header: t('task.field.due'), cell: (x) => <TaskDue task={x} /> },
  ];

  return (
    <>
      <h1>{t('myTasks.title')}</h1>
      <p>{t('myTasks.intro')}</p>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && rows.length === 0 ? <p>{t('myTasks.none')}</p> : null}
      {overdue ? <p className="alert alert--warning">{t('myTasks.overdue', { count: overdue })}</p> : null}
      {rows.length ? (
        <DataTable caption={t('myTasks.caption')} columns={columns} rows={rows} rowKey={(x) => x.id}
          rowClassName={(x) => (x.overdue ? 'row--damaged' : undefined)} />
      ) : null}
    </>
  );
}
