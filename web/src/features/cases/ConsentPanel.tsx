// Consents the person gave or declined (e.g. to tell the regional coordinator who they are), each
// taken in a language the person understands; the list, and for the team a form that adds one.
import { useState, type SubmitEvent } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup, TextField } from '../../components/fields';
import { problemMessage, type FormProblem } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { recordApi } from './caseWorkApi';
import type { Consent, Saved } from './caseWorkTypes';
import { interpreterText } from './ConversationPanel';
import { emptyLanguage, interpreterBody, LanguageAndInterpreter, type LanguageDraft } from './InterpreterFields';
import type { PanelProps } from './RecordPanel';
import { errorsAt, todayInSweden, useFormWrite, usePersonData } from './useCaseWork';

export function ConsentPanel({ caseId, person, stamp, editable, onChanged }: PanelProps) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const list = usePersonData(recordApi.consents, caseId, person.id, stamp);
  const columns: Column<Consent & Saved>[] = [
    { id: 'purpose', header: t('consent.field.purpose'), cell: (c) => <span dir="auto">{c.purpose}</span> },
    { id: 'given', header: t('consent.field.given'), cell: (c) => t(c.given ? 'consent.given' : 'consent.declined') },
    { id: 'on', header: t('consent.field.on'), cell: (c) => formatDate(c.taken_on) },
    { id: 'interpreter', header: t('conversation.interpreter'), cell: (c) => interpreterText(i18n, c.interpreter) },
  ];
  return (
    <section aria-labelledby="consents-title">
      <h3 id="consents-title">{t('consent.title')}</h3>
      <p>{t('consent.intro')}</p>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{t('consent.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <DataTable caption={t('consent.caption')} labelledBy="consents-title" columns={columns} rows={list.data.items}
          rowKey={(c) => c.id} />
      ) : null}
      {editable ? <AddConsentForm caseId={caseId} person={person}
        onDone={() => { onChanged(t('consent.added', { code: person.code })); }} /> : null}
    </section>
  );
}

function AddConsentForm({ caseId, person, onDone }: Pick<PanelProps, 'caseId' | 'person'> & { onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [purpose, setPurpose] = useState('');
  const [given, setGiven] = useState(true);
  const [on, setOn] = useState(todayInSweden());
  const [lang, setLang] = useState<LanguageDraft>(() => emptyLanguage(person));
  const w = useFormWrite('consent', {
    purpose: { id: 'consent-purpose', label: t('consent.field.purpose') },
    taken_on: { id: 'consent-on', label: t('consent.field.on') },
    language: { id: 'consent-language', label: t('conversation.field.language') },
    'interpreter.language': { id: 'consent-interpreter-language', label: t('conversation.field.interpreterLanguage') },
    'interpreter.relationship': { id: 'consent-interpreter-relationship', label: t('conversation.field.relationship') },
  });
  const text = (p: FormProblem) => problemMessage(i18n, 'consent', p);
  const errors = (path: string) => errorsAt(w.form.problems, text, path);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = purpose.trim() ? [] : [{ field: 'purpose', rule: 'required', detail: '' }];
    const body: Consent = { purpose: purpose.trim(), taken_on: on, language: lang.language, interpreter: interpreterBody(lang), given };
    if (await w.run(() => recordApi.addConsent(caseId, person.id, body), local)) {
      setPurpose('');
      onDone();
    }
  };
  return (
    <form className="narrow-form" noValidate aria-labelledby="consent-add-title" onSubmit={(e) => void submit(e)}>
      <h4 id="consent-add-title">{t('consent.add.title')}</h4>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <TextField id="consent-purpose" label={t('consent.field.purpose')} hint={t('consent.purpose.hint')} required value={purpose}
        errors={errors('purpose')} onChange={setPurpose} />
      <FieldGroup id="consent-given" label={t('consent.field.given')}>
        <ul className="choice-list">
          {([true, false] as const).map((g) => (
            <li key={String(g)}>
              <input id={`consent-given-${String(g)}`} type="radio" name="consent-given" checked={given === g}
                onChange={() => { setGiven(g); }} />
              <label htmlFor={`consent-given-${String(g)}`}>{t(g ? 'consent.given' : 'consent.declined')}</label>
            </li>
          ))}
        </ul>
      </FieldGroup>
      <TextField id="consent-on" label={t('consent.field.on')} type="date" required value={on} errors={errors('taken_on')}
        onChange={setOn} />
      <LanguageAndInterpreter idPrefix="consent" person={person} value={lang} onChange={setLang} errors={errors} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('consent.add.button')}</button>
      </div>
    </form>
  );
}
