// The recipient's answers to a referral: accept it into a new case of its own or into an existing case
// holding the same person (found by the recipient's own person search), decline it with a reason, and,
// once accepted, record that the purpose was fulfilled (date and one of the purpose's outcomes).
import { useState, type SubmitEvent } from 'react';
import { CASE_TYPES, type FoundPerson } from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import type { Referral } from '../../api/referralTypes';
import { useApi } from '../../api/useApi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { validationProblems } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { caseTypeLabel } from '../cases/labels';
import { PersonNames } from '../cases/PersonNames';
import { dateOfBirthText } from '../cases/personLabels';
import { todayInSweden, useFormWrite } from '../cases/useCaseWork';
import { outcomeLabel } from './labels';
import { referralApi } from './referralApi';
import { purposeRule } from './referralDraft';
import { RadioChoices } from './ReferralSteps';

interface ActionProps {
  r: Referral;
  onDone: (next: Referral, message: string) => void;
}

const PERSON_SEARCH_LIMIT = 20;

export function AcceptForm({ r, onDone }: ActionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [into, setInto] = useState<'new' | 'existing'>('new');
  const [caseType, setCaseType] = useState('');
  const [name, setName] = useState('');
  const [found, setFound] = useState<FoundPerson[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchFailure, setSearchFailure] = useState<unknown>(null);
  const [chosen, setChosen] = useState('');
  // Until a search found someone, a problem about the person shows at the name to search for.
  const personField = found?.length ? 'accept-person' : 'accept-name';
  const w = useFormWrite('accept', {
    case_type: { id: 'accept-case-type', label: t('accept.field.caseType') },
    case_id: { id: personField, label: t('accept.field.person') },
    person_id: { id: personField, label: t('accept.field.person') },
    name: { id: 'accept-name', label: t('personSearch.field.name') },
  });
  const personErrors = [...(w.form.errorsFor('person_id') ?? []), ...(w.form.errorsFor('case_id') ?? [])];

  const search = async () => {
    setSearchFailure(null);
    if (!name.trim()) {
      w.form.setProblems([{ field: 'name', rule: 'required', detail: '' }]);
      return;
    }
    w.form.setProblems([]);
    setSearching(true);
    try {
      const res = await caseApi.searchPersons(name.trim(), PERSON_SEARCH_LIMIT);
      setFound(res.items);
      setChosen('');
    } catch (err) {
      const p = validationProblems(err);
      if (p) w.form.setProblems(p);
      else setSearchFailure(err);
    } finally {
      setSearching(false);
    }
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const pick = found?.find((p) => `${p.case_id}/${p.id}` === chosen);
    const local = into === 'existing' && !pick ? [{ field: 'person_id', rule: 'required', detail: '' }] : [];
    const out: { next: Referral | null } = { next: null };
    const ok = await w.run(async () => {
      out.next = await referralApi.accept(r.id, into === 'existing' && pick
        ? { version: r.version, case_id: pick.case_id, person_id: pick.id }
        : { version: r.version, ...(caseType ? { case_type: caseType } : {}) });
    }, local);
    if (ok && out.next) onDone(out.next, t('accept.done', { code: r.code }));
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="accept-title" onSubmit={(e) => void submit(e)}>
      <h3 id="accept-title">{t('accept.title')}</h3>
      <p>{t('accept.intro')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <FieldGroup id="accept-into" label={t('accept.field.into')}>
        <RadioChoices name="accept-into" value={into} onChange={(v) => { setInto(v === 'existing' ? 'existing' : 'new'); }}
          options={[
            { value: 'new', label: t('accept.into.new'), hint: t('accept.into.new.hint') },
            { value: 'existing', label: t('accept.into.existing'), hint: t('accept.into.existing.hint') },
          ]} />
      </FieldGroup>
      {into === 'new' ? (
        <SelectField id="accept-case-type" label={t('accept.field.caseType')} value={caseType} errors={w.form.errorsFor('case_type')}
          options={[{ value: '', label: t('accept.caseType.same') }, ...CASE_TYPES.map((c) => ({ value: c, label: caseTypeLabel(i18n, c) }))]}
          onChange={setCaseType} />
      ) : (
        <>
          <TextField id="accept-name" label={t('personSearch.field.name')} hint={t('accept.search.hint')} autoComplete="off"
            spellCheck={false} maxLength={400} value={name} onChange={setName}
            errors={[...(w.form.errorsFor('name') ?? []), ...(found?.length ? [] : personErrors)]} />
          <div className="form-actions">
            <button type="button" className="button button--secondary" disabled={searching} onClick={() => void search()}>
              {searching ? t('state.searching') : t('accept.search')}
            </button>
          </div>
          {searchFailure ? <ProblemAlert error={searchFailure} /> : null}
          <p role="status">{found ? t('accept.found', { count: found.length }) : ''}</p>
          {found && found.length > 0 ? (
            <FieldGroup id="accept-person" label={t('accept.field.person')} errors={personErrors}>
              <ul className="choice-list">
                {found.map((p) => {
                  const value = `${p.case_id}/${p.id}`;
                  const id = `accept-person-${p.id}`;
                  return (
                    <li key={value}>
                      <input id={id} type="radio" name="accept-person" checked={chosen === value} onChange={() => { setChosen(value); }} />
                      <label htmlFor={id}>
                        {p.code} – <PersonNames names={p.names} />{p.date_of_birth ? ` (${dateOfBirthText(i18n, p.date_of_birth)})` : ''}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </FieldGroup>
          ) : null}
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{t('accept.button')}</button>
      </div>
    </form>
  );
}

export function DeclineForm({ r, onDone }: ActionProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const w = useFormWrite('decline', { reason: { id: 'decline-reason', label: t('decline.field.reason') } });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = reason.trim() ? [] : [{ field: 'reason', rule: 'required', detail: '' }];
    const out: { next: Referral | null } = { next: null };
    const ok = await w.run(async () => { out.next = await referralApi.decline(r.id, r.version, reason.trim()); }, local);
    if (ok && out.next) onDone(out.next, t('decline.done', { code: r.code }));
  };
  return (
    <form className="narrow-form" noValidate aria-labelledby="decline-title" onSubmit={(e) => void submit(e)}>
      <h3 id="decline-title">{t('decline.title')}</h3>
      <p>{t('decline.intro')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <TextAreaField id="decline-reason" label={t('decline.field.reason')} hint={t('decline.reason.hint')} required value={reason}
        errors={w.form.errorsFor('reason')} onChange={setReason} />
      <div className="form-actions">
        <button type="submit" className="button button--warning" disabled={w.busy}>{t('decline.button')}</button>
      </div>
    </form>
  );
}

export function CompleteForm({ r, onDone }: ActionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const rules = useApi(referralApi.rules);
  const outcomes = purposeRule(rules.data?.purposes ?? [], r.purpose)?.outcomes ?? [];
  const [on, setOn] = useState(todayInSweden());
  const [outcome, setOutcome] = useState('');
  const w = useFormWrite('complete', {
    completed_on: { id: 'complete-on', label: t('complete.field.on') },
    outcome: { id: 'complete-outcome', label: t('complete.field.outcome') },
  });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = outcome ? [] : [{ field: 'outcome', rule: 'required', detail: '' }];
    const out: { next: Referral | null } = { next: null };
    const ok = await w.run(async () => { out.next = await referralApi.complete(r.id, r.version, on, outcome); }, local);
    if (ok && out.next) onDone(out.next, t('complete.done', { code: r.code }));
  };
  return (
    <form className="narrow-form" noValidate aria-labelledby="complete-title" onSubmit={(e) => void submit(e)}>
      <h3 id="complete-title">{t('complete.title')}</h3>
      <p>{t('complete.intro')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      {rules.error ? <ProblemAlert error={rules.error} onRetry={rules.reload} /> : null}
      <TextField id="complete-on" type="date" label={t('complete.field.on')} required value={on} errors={w.form.errorsFor('completed_on')}
        onChange={setOn} />
      <SelectField id="complete-outcome" label={t('complete.field.outcome')} required value={outcome} errors={w.form.errorsFor('outcome')}
        options={[{ value: '', label: t('work.choose') }, ...outcomes.map((o) => ({ value: o, label: outcomeLabel(i18n, o) }))]}
        onChange={setOutcome} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{t('complete.button')}</button>
      </div>
    </form>
  );
}
