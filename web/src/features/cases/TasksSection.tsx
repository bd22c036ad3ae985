// The case's tasks — written by hand, or made by a running clock for its last day — open first, with
// days left (overdue in red), whose they are, and a button that marks one done; a filter shows only
// the user's own. For the team, a form that adds a task for someone on the team.
import { useState, type SubmitEvent } from 'react';
import type { TeamMember } from '../../api/caseTypes';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { taskApi } from './caseWorkApi';
import type { Task } from './caseWorkTypes';
import { todayInSweden, useCaseData, useFormWrite, useWrite } from './useCaseWork';
import { taskKindLabel } from './workLabels';

interface Props {
  caseId: string;
  stamp: number;
  editable: boolean;
  team: readonly TeamMember[];
  onChanged: (message: string) => void;
}

export function TaskDue({ task }: { task: Task }) {
  const { t, formatDate } = useI18n();
  if (task.status !== 'open') return <>{formatDate(task.due_on)}</>;
  return (
    <>
      {formatDate(task.due_on)}{' '}
      {task.overdue ? <span className="badge badge--damaged">{t('task.overdue', { count: -task.days_left })}</span>
        : <span className="muted">({t('task.daysLeft', { count: task.days_left })})</span>}
    </>
  );
}

export function taskTitle(i: ReturnType<typeof useI18n>, task: Task): string {
  return task.title ?? (task.kind ? taskKindLabel(i, task.kind) : '');
}

export function TasksSection({ caseId, stamp, editable, team, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = activeUser(useSession().state);
  const { data, error, reload } = useCaseData(taskApi.list, caseId, stamp);
  const [onlyMine, setOnlyMine] = useState(false);
  const write = useWrite();
  const nameOf = (userId: string) => team.find((m) => m.user_id === userId)?.display_name ?? userId;
  const rows = (data?.items ?? []).filter((task) => !onlyMine || task.assignee_user_id === me?.id);

  const done = async (task: Task) => {
    const ok = await write.run(() => taskApi.done(caseId, task.id));
    if (ok) onChanged(t('task.markedDone', { title: taskTitle(i18n, task) }));
  };

  const columns: Column<Task>[] = [
    { id: 'title', header: t('task.field.title'), cell: (task) => taskTitle(i18n, task) },
    { id: 'due', header: t('task.field.due'), cell: (task) => <TaskDue task={task} /> },
    { id: 'assignee', header: t('task.field.assignee'), cell: (task) => nameOf(task.assignee_user_id) },
    { id: 'status', header: t('task.field.status'), cell: (task) => i18n.tDynamic(`task.status.${task.status}`, task.status) },
    ...(editable
      ? [{
          id: 'act',
          header: t('task.field.actions'),
          hideHeader: true,
          cell: (task: Task) => task.status === 'open' ? (
            <button type="button" className="button button--secondary button--small" disabled={write.busy}
              onClick={() => void done(task)}>
              {t('task.done', { title: taskTitle(i18n, task) })}
            </button>
          ) : null,
        }]
      : []),
  ];

  return (
    <section className="form-section" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{t('task.title')}</h2>
      <p>{t('task.intro')}</p>
      <CheckboxField id="tasks-only-mine" label={t('task.onlyMine')} checked={onlyMine} onChange={setOnlyMine} />
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {write.failure ? <ProblemAlert error={write.failure} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && rows.length === 0 ? <p>{t(onlyMine ? 'task.noneMine' : 'task.none')}</p> : null}
      {rows.length ? (
        <DataTable caption={t('task.caption')} labelledBy="tasks-title" columns={columns} rows={rows} rowKey={(x) => x.id}
          rowClassName={(x) => (x.overdue && x.status === 'open' ? 'row--damaged' : undefined)} />
      ) : null}
      {editable ? <AddTaskForm caseId={caseId} team={team} onDone={onChanged} /> : null}
    </section>
  );
}

function AddTaskForm({ caseId, team, onDone }: { caseId: string; team: readonly TeamMember[]; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const me = activeUser(useSession().state);
  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState(me?.id ?? '');
  const [due, setDue] = useState(todayInSweden());
  const w = useFormWrite('task', {
    title: { id: 'task-title', label: t('task.field.title') },
    assignee_user_id: { id: 'task-assignee', label: t('task.field.assignee') },
    due_on: { id: 'task-due', label: t('task.field.due') },
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = title.trim() ? [] : [{ field: 'title', rule: 'required', detail: '' }];
    const ok = await w.run(() => taskApi.add(caseId, { title: title.trim(), assignee_user_id: assignee, due_on: due }), local);
    if (ok) {
      onDone(t('task.added', { title: title.trim() }));
      setTitle('');
    }
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="task-add-title" onSubmit={(e) => void submit(e)}>
      <h3 id="task-add-title">{t('task.add.title')}</h3>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <TextField id="task-title" label={t('task.field.title')} hint={t('task.title.hint')} required value={title}
        maxLength={500} errors={w.form.errorsFor('title')} onChange={setTitle} />
      <SelectField id="task-assignee" label={t('task.field.assignee')} value={assignee} errors={w.form.errorsFor('assignee_user_id')}
        options={team.map((m) => ({ value: m.user_id, label: m.display_name }))} onChange={setAssignee} />
      <TextField id="task-due" label={t('task.field.due')} type="date" required value={due}
        errors={w.form.errorsFor('due_on')} onChange={setDue} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('task.add.button')}</button>
      </div>
    </form>
  );
}
