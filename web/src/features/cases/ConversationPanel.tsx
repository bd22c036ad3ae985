// Conversations with the person: when, in which language and with which interpreter, and a short
// summary; the list, and for the team a form that adds one.
import { useState, type SubmitEvent } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/fields';
import { problemMessage, type FormProblem } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, type I18n } from '../../i18n/context';
import { recordApi } from './caseWorkApi';
import type { Conversation, Interpreter, Saved } from './caseWorkTypes';
import { emptyLanguage, interpreterBody, LanguageAndInterpreter, type LanguageDraft } from './InterpreterFields';
import type { PanelProps } from './RecordPanel';
import { errorsAt, todayInSweden, useFormWrite, usePersonData } from './useCaseWork';

export function interpreterText(i: Pick<I18n, 't' | 'tDynamic'>, interpreter: Interpreter | null): string {
  if (!interpreter) return i.t('conversation.noInterpreter');
  return `${i.tDynamic(`conversation.relationship.${interpreter.relationship}`, interpreter.relationship)}, ${
    i.tDynamic(`conversation.mode.${interpreter.mode}`, interpreter.mode)} (${interpreter.language})`;
}

export function ConversationPanel({ caseId, person, stamp, editable, onChanged }: PanelProps) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const list = usePersonData(recordApi.conversations, caseId, person.id, stamp);
  const columns: Column<Conversation & Saved>[] = [
    { id: 'on', header: t('conversation.field.heldOn'), cell: (c) => formatDate(c.held_on) },
    { id: 'language', header: t('conversation.field.language'), cell: (c) => c.language },
    { id: 'interpreter', header: t('conversation.interpreter'), cell: (c) => interpreterText(i18n, c.interpreter) },
    { id: 'summary', header: t('conversation.field.summary'), cell: (c) => <span className="pre-line" dir="auto">{c.summary}</span> },
  ];
  return (
    <section aria-labelledby="conversations-title">
      <h3 id="conversations-title">{t('conversation.title')}</h3>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{t('conversation.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <DataTable caption={t('conversation.caption')} labelledBy="conversations-title" columns={columns}
          rows={list.data.items} rowKey={(c) => c.id} />
      ) : null}
      {editable ? <AddConversationForm {...{ caseId, person }}
        onDone={() => { onChanged(t('conversation.added', { code: person.code })); }} /> : null}
    </section>
  );
}

function AddConversationForm({ caseId, person, onDone }: Pick<PanelProps, 'caseId' | 'person'> & { onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [on, setOn] = useState(todayInSweden());
  const [lang, setLang] = useState<LanguageDraft>(() => emptyLanguage(person));
  const [summary, setSummary] = useState('');
  const w = useFormWrite('conversation', {
    held_on: { id: 'conv-on', label: t('conversation.field.heldOn') },
    language: { id: 'conv-language', label: t('conversation.field.language') },
    'interpreter.language': { id: 'conv-interpreter-language', label: t('conversation.field.interpreterLanguage') },
    'interpreter.mode': { id: 'conv-interpreter-mode', label: t('conversation.field.mode') },
    'interpreter.relationship': { id: 'conv-interpreter-relationship', label: t('conversation.field.relationship') },
    'interpreter.provider': { id: 'conv-interpreter-provider', label: t('conversation.field.provider') },
    summary: { id: 'conv-summary', label: t('conversation.field.summary') },
  });
  const text = (p: FormProblem) => problemMessage(i18n, 'conversation', p);
  const errors = (path: string) => errorsAt(w.form.problems, text, path);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body: Conversation = { held_on: on, language: lang.language, interpreter: interpreterBody(lang), summary: summary.trim() };
    if (await w.run(() => recordApi.addConversation(caseId, person.id, body))) {
      setSummary('');
      onDone();
    }
  };
  return (
    <form className="narrow-form" noValidate aria-labelledby="conv-add-title" onSubmit={(e) => void submit(e)}>
      <h4 id="conv-add-title">{t('conversation.add.title')}</h4>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <TextField id="conv-on" label={t('conversation.field.heldOn')} type="date" required value={on} errors={errors('held_on')}
        onChange={setOn} />
      <LanguageAndInterpreter idPrefix="conv" person={person} value={lang} onChange={setLang} errors={errors} />
      <TextAreaField id="conv-summary" label={t('conversation.field.summary')} value={summary} errors={errors('summary')}
        onChange={setSummary} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('conversation.add.button')}</button>
      </div>
    </form>
  );
}
