// The case's notes (free text, sealed on the server), newest first with who wrote them and when; for
// the team, a form that adds one. A note is never changed: a correction is a new note.
import { useState, type SubmitEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { noteApi } from './caseWorkApi';
import { useCaseData, useFormWrite } from './useCaseWork';

interface Props {
  caseId: string;
  stamp: number;
  editable: boolean;
  onChanged: (message: string) => void;
}

export function NotesSection({ caseId, stamp, editable, onChanged }: Props) {
  const { t, formatDateTime } = useI18n();
  const { data, error, reload } = useCaseData(noteApi.list, caseId, stamp);
  const notes = data ? [...data.items].sort((a, b) => b.created_at.localeCompare(a.created_at)) : [];

  return (
    <section className="form-section" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('note.title')}</h2>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && notes.length === 0 ? <p>{t('note.none')}</p> : null}
      {notes.length ? (
        <ul className="notification-list" aria-labelledby="notes-title">
          {notes.map((n) => (
            <li key={n.id} className="notification">
              <p className="muted">
                {t('note.by', { name: n.created_by_name || n.created_by, time: formatDateTime(n.created_at) })}
                {n.corrects ? ` · ${t('note.correction')}` : ''}
              </p>
              <p className="pre-line" dir="auto">{n.text}</p>
            </li>
          ))}
        </ul>
      ) : null}
      {editable ? <AddNoteForm caseId={caseId} onDone={onChanged} /> : null}
    </section>
  );
}

function AddNoteForm({ caseId, onDone }: { caseId: string; onDone: (m: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const w = useFormWrite('note', { text: { id: 'note-text', label: t('note.field.text') } });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = text.trim() ? [] : [{ field: 'text', rule: 'required', detail: '' }];
    if (await w.run(() => noteApi.add(caseId, text.trim()), local)) {
      setText('');
      onDone(t('note.added'));
    }
  };
  return (
    <form className="narrow-form" noValidate aria-labelledby="note-add-title" onSubmit={(e) => void submit(e)}>
      <h3 id="note-add-title">{t('note.add.title')}</h3>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <TextAreaField id="note-text" label={t('note.field.text')} hint={t('note.text.hint')} required value={text}
        errors={w.form.errorsFor('text')} onChange={setText} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('note.add.button')}</button>
      </div>
    </form>
  );
}
