// Records a consent in the ledger: whose, for which organisation and purpose, which sections, when, how
// and in which language, and the interpreter if one was used. A family member or companion may not
// interpret (they may be part of the exploitation): the form says so, and the server's refusal shows
// beside the field.
import { useState, type SubmitEvent } from 'react';
import type { CasePerson } from '../../api/caseTypes';
import { CONSENT_FORMS, PURPOSES, SECTIONS, type LedgerConsent } from '../../api/referralTypes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxList, FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { problemMessage, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { useSession } from '../auth/sessionState';
import { activeUser } from '../auth/capabilities';
import { emptyLanguage, interpreterBody, LanguageAndInterpreter, type LanguageDraft } from '../cases/InterpreterFields';
import { errorsAt, todayInSweden, useFormWrite } from '../cases/useCaseWork';
import { consentFormLabel, purposeLabel, sectionExplain, sectionLabel } from './labels';
import { RecipientPicker, type ChosenOrganisation } from './RecipientPicker';
import { ledgerApi } from './referralApi';

interface Props {
  caseId: string;
  persons: CasePerson[];
  onCancel: () => void;
  onDone: (consent: LedgerConsent) => void;
}

export function RecordConsentForm({ caseId, persons, onCancel, onDone }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const own = activeUser(useSession().state)?.organisation.id;
  const [personId, setPersonId] = useState(persons[0]?.id ?? '');
  const person = persons.find((p) => p.id === personId);
  const [recipient, setRecipient] = useState<ChosenOrganisation | null>(null);
  const [purpose, setPurpose] = useState('');
  const [sections, setSections] = useState<string[]>([]);
  const [givenOn, setGivenOn] = useState(todayInSweden());
  const [form, setForm] = useState('spoken');
  const [note, setNote] = useState('');
  const [lang, setLang] = useState<LanguageDraft | null>(() => (persons[0] ? emptyLanguage(persons[0]) : null));
  const w = useFormWrite('ledger', {
    person_id: { id: 'ledger-person', label: t('ledger.field.person') },
    recipient_organisation_id: { id: 'ledger-recipient', label: t('ledger.field.recipient') },
    purpose: { id: 'ledger-purpose', label: t('ledger.field.purpose') },
    sections: { id: 'ledger-sections', label: t('ledger.field.sections') },
    given_on: { id: 'ledger-given-on', label: t('ledger.field.givenOn') },
    form: { id: 'ledger-form', label: t('ledger.field.form') },
    language: { id: 'ledger-language', label: t('conversation.field.language') },
    interpreter: { id: 'ledger-interpreter', label: t('conversation.interpreter') },
    'interpreter.language': { id: 'ledger-interpreter-language', label: t('conversation.field.interpreterLanguage') },
    'interpreter.mode': { id: 'ledger-interpreter-mode', label: t('conversation.field.mode') },
    'interpreter.relationship': { id: 'ledger-interpreter-relationship', label: t('conversation.field.relationship') },
    'interpreter.provider': { id: 'ledger-interpreter-provider', label: t('conversation.field.provider') },
    note: { id: 'ledger-note', label: t('ledger.field.note') },
  });
  const text = (p: FormProblem) => problemMessage(i18n, 'ledger', p);
  const errors = (path: string) => (path.includes('.') ? errorsAt(w.form.problems, text, path) : w.form.errorsFor(path));

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local: FormProblem[] = [];
    if (!personId) local.push({ field: 'person_id', rule: 'required', detail: '' });
    if (!recipient) local.push({ field: 'recipient_organisation_id', rule: 'required', detail: '' });
    if (!purpose) local.push({ field: 'purpose', rule: 'required', detail: '' });
    if (!sections.length) local.push({ field: 'sections', rule: 'required', detail: '' });
    const ordered = SECTIONS.filter((s) => sections.includes(s));
    const out: { saved: LedgerConsent | null } = { saved: null };
    const ok = await w.run(async () => {
      out.saved = await ledgerApi.record(caseId, {
        person_id: personId, recipient_organisation_id: recipient?.id ?? '', purpose, sections: ordered, given_on: givenOn, form,
        language: lang?.language ?? '', interpreter: lang ? interpreterBody(lang) : null, ...(note.trim() ? { note: note.trim() } : {}),
      });
    }, local);
    if (ok && out.saved) onDone(out.saved);
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="ledger-add-title" onSubmit={(e) => void submit(e)}>
      <h4 id="ledger-add-title">{t('ledger.add.title')}</h4>
      <p>{t('ledger.add.intro')}</p>
      <p className="alert alert--info">{t('ledger.add.interpreterRule')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <SelectField id="ledger-person" label={t('ledger.field.person')} required value={personId} errors={errors('person_id')}
        options={[{ value: '', label: t('work.choose') }, ...persons.map((p) => ({ value: p.id, label: p.code }))]}
        onChange={(id) => {
          setPersonId(id);
          const next = persons.find((p) => p.id === id);
          setLang(next ? emptyLanguage(next) : null);
        }} />
      <RecipientPicker id="ledger-recipient" label={t('ledger.field.recipient')} hint={t('ledger.recipient.hint')}
        errors={errors('recipient_organisation_id')} value={recipient} onChange={setRecipient} excludeId={own} />
      <SelectField id="ledger-purpose" label={t('ledger.field.purpose')} required value={purpose} errors={errors('purpose')}
        options={[{ value: '', label: t('work.choose') }, ...PURPOSES.map((p) => ({ value: p, label: purposeLabel(i18n, p) }))]}
        onChange={setPurpose} />
      <FieldGroup id="ledger-sections" label={t('ledger.field.sections')} hint={t('ledger.sections.hint')} errors={errors('sections')}>
        <CheckboxList idPrefix="ledger-section" selected={sections} onChange={setSections}
          options={SECTIONS.map((s) => ({ value: s, label: `${sectionLabel(i18n, s)} – ${sectionExplain(i18n, s)}` }))} />
      </FieldGroup>
      <TextField id="ledger-given-on" type="date" label={t('ledger.field.givenOn')} required value={givenOn} errors={errors('given_on')}
        onChange={setGivenOn} />
      <SelectField id="ledger-form" label={t('ledger.field.form')} value={form} errors={errors('form')}
        options={CONSENT_FORMS.map((f) => ({ value: f, label: consentFormLabel(i18n, f) }))} onChange={setForm} />
      {person && lang ? <LanguageAndInterpreter idPrefix="ledger" person={person} value={lang} onChange={setLang} errors={errors} /> : null}
      <TextAreaField id="ledger-note" label={t('ledger.field.note')} hint={t('ledger.note.hint')} value={note} errors={errors('note')}
        onChange={setNote} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('ledger.add.button')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}
