// The create/edit form for an organisation: every field of OrganisationInput, with server errors beside each.
import { useMemo, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { ORGANISATION_KINDS, type FieldProblem, type OrganisationInput } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { CapacityFields } from './CapacityFields';
import { CoverageFields } from './CoverageFields';
import { fieldDomId, fieldKeyFor, groupFieldErrors, type OrgFieldKey } from './fieldErrors';
import { localProblems, toInput, type OrgFormState } from './formModel';
import { kindLabel, problemText, summaryText } from './labels';
import { LanguagePicker } from './LanguagePicker';
import { ServicesField } from './ServicesField';

export interface OrgFormProps {
  mode: 'create' | 'edit';
  initial: OrgFormState;
  hasProtectedAddress: boolean;
  cancelTo: string;
  /** Saves; rejects with ApiError when the server refuses. */
  onSubmit: (input: OrganisationInput) => Promise<void>;
  /** Throws the edits away and loads the stored organisation again (after a conflict). */
  onReload?: () => void;
}

export function OrgForm({ mode, initial, hasProtectedAddress, cancelTo, onSubmit, onReload }: OrgFormProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const [state, setState] = useState(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const grouped = useMemo(() => groupFieldErrors(problems), [problems]);
  const errorsFor = (key: OrgFieldKey) => grouped.byField.get(key)?.map((p) => problemText(i18n, p));
  const update = (patch: Partial<OrgFormState>) => {
    setState((s) => ({ ...s, ...patch }));
  };
  const summary = problems.map((p) => {
    const key = fieldKeyFor(p.field);
    return { targetId: key ? fieldDomId(key) : null, message: summaryText(i18n, p) };
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setConflict(false);
    setFailure(null);
    const local = localProblems(state);
    setProblems(local);
    if (local.length) return;
    setSaving(true);
    try {
      await onSubmit(toInput(state));
    } catch (err) {
      if (isApiError(err) && err.kind === 'validation') {
        setProblems(err.errors.length ? err.errors : [{ field: '', rule: '', detail: err.message }]);
      } else if (isApiError(err) && err.kind === 'conflict') {
        setConflict(true);
      } else {
        setFailure(err);
      }
    } finally {
      setSaving(false);
    }
  };

  const protectedHint =
    mode === 'edit' && hasProtectedAddress ? t('org.protected.hintStored') : t('org.protected.hintNew');

  return (
    <form className="org-form" noValidate onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={summary} focusToken={problems.length ? problems : null} />
      {conflict ? (
        <div className="alert alert--error" role="alert">
          <h2>{t('org.conflict.title')}</h2>
          <p>{t('org.conflict.body')}</p>
          {onReload ? (
            <button type="button" className="button" onClick={onReload}>
              {t('org.conflict.reload')}
            </button>
          ) : null}
        </div>
      ) : null}
      {failure ? <ProblemAlert error={failure} /> : null}

      <fieldset className="form-section">
        <legend>
          <h2>{t('org.section.basics')}</h2>
        </legend>
        <TextField id={fieldDomId('name')} label={t('org.field.name')} required autoComplete="organization"
          value={state.name} errors={errorsFor('name')} onChange={(name) => { update({ name }); }} />
        <SelectField id={fieldDomId('kind')} label={t('org.field.kind')} required value={state.kind}
          errors={errorsFor('kind')}
          options={[{ value: '', label: t('org.kind.choose') }, ...ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(i18n, k) }))]}
          onChange={(kind) => { update({ kind: kind as OrgFormState['kind'] }); }} />
        <CheckboxField id={fieldDomId('active')} label={t('org.field.active')} hint={t('org.active.hint')}
          checked={state.active} errors={errorsFor('active')} onChange={(active) => { update({ active }); }} />
      </fieldset>

      <fieldset className="form-section">
        <legend>
          <h2>{t('org.section.contact')}</h2>
        </legend>
        <TextField id={fieldDomId('contact.phone')} label={t('org.field.contact.phone')} type="tel" autoComplete="tel"
          hint={t('org.phone.hint')} value={state.phone} errors={errorsFor('contact.phone')}
          onChange={(phone) => { update({ phone }); }} />
        <TextField id={fieldDomId('contact.email')} label={t('org.field.contact.email')} type="email" autoComplete="email"
          value={state.email} errors={errorsFor('contact.email')} onChange={(email) => { update({ email }); }} />
        <TextField id={fieldDomId('contact.website')} label={t('org.field.contact.website')} type="url" autoComplete="url"
          hint={t('org.website.hint')} value={state.website} errors={errorsFor('contact.website')}
          onChange={(website) => { update({ website }); }} />
        <TextAreaField id={fieldDomId('contact.postal_address')} label={t('org.field.contact.postal_address')}
          hint={t('org.postal.hint')} value={state.postalAddress} errors={errorsFor('contact.postal_address')}
          onChange={(postalAddress) => { update({ postalAddress }); }} />
      </fieldset>

      <CoverageFields state={state} update={update} errorsFor={errorsFor} />
      <ServicesField state={state} update={update} errorsFor={errorsFor} />

      <section className="form-section" aria-labelledby="org-languages-title">
        <h2 id="org-languages-title">{t('org.section.languages')}</h2>
        <LanguagePicker id={fieldDomId('languages')} value={state.languages} errors={errorsFor('languages')}
          onChange={(languages) => { update({ languages }); }} />
      </section>

      <CapacityFields state={state} update={update} errorsFor={errorsFor} />

      <fieldset className="form-section">
        <legend>
          <h2>{t('org.section.protected')}</h2>
        </legend>
        <TextAreaField id={fieldDomId('protected_address')} label={t('org.field.protected_address')}
          hint={protectedHint} autoComplete="off" value={state.protectedAddress}
          errors={errorsFor('protected_address')} onChange={(protectedAddress) => { update({ protectedAddress }); }} />
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t('action.saving') : mode === 'create' ? t('org.create.submit') : t('org.edit.submit')}
        </button>
        <Link to={cancelTo} className="button button--secondary">
          {t('action.cancel')}
        </Link>
      </div>
    </form>
  );
}
