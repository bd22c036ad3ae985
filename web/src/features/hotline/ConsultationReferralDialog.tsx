// The referral from a consultation, in one compact step: to whom (prefilled from the routing
// suggestion), why, which of the four sections a consultation can send (identity, contact, assessment,
// notes), on which basis (a consent recorded on the consultation that covers all of it, recorded here
// if missing; or a basis without consent, e.g. a report of concern for a child), and how it is
// delivered. The case's four-step dialog is bound to a case's persons; this one to the consultation
// (POST /consultations/{id}/consents and /referrals). A refusal shows beside the field it names.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CONSENT_FORMS, PURPOSES, type BasisRule, type PurposeRule, type Referral } from '../../api/referralTypes';
import { useApi } from '../../api/useApi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { useFormProblems, validationProblems } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { todayInSweden } from '../cases/useCaseWork';
import { basisReference, basisTitle, consentFormLabel, purposeLabel, sectionExplain, sectionLabel, sectionList } from '../referrals/labels';
import { RecipientPicker, type ChosenOrganisation } from '../referrals/RecipientPicker';
import { referralApi } from '../referrals/referralApi';
import { basesWithoutConsent, chosenBasis, chosenConsentId } from '../referrals/referralDraft';
import { RadioChoices } from '../referrals/ReferralSteps';
import { consultationApi } from './hotlineApi';
import { CONSULTATION_SECTIONS, type ConsultationConsent, type NewConsultationReferral } from './hotlineTypes';

interface Props {
  consultationId: string;
  recipient: ChosenOrganisation;
  identityBasis: string;
  language: string;
  immediateDanger: boolean;
  ownOrgId: string | undefined;
  onClose: () => void;
  onSent: (r: Referral) => void;
}

/** The first purpose whose usual recipients include this kind; support otherwise. */
export function defaultPurpose(purposes: readonly PurposeRule[], kind: string): string {
  return purposes.find((p) => kind && p.usual_recipient_kinds.includes(kind))?.purpose ?? 'support';
}

/** The purpose's suggested sections that a consultation can send (identity and contact only with an identity basis). */
export function defaultSections(rule: PurposeRule | undefined, identityBasis: string): string[] {
  const allowed = CONSULTATION_SECTIONS.filter((s) => identityBasis !== 'none' || (s !== 'identity' && s !== 'contact'));
  const suggested = allowed.filter((s) => rule?.suggested_sections.includes(s));
  return suggested.length ? suggested : allowed.filter((s) => s === 'assessment' || s === 'notes' || s === 'identity');
}

/** The consents in force for this recipient and purpose that cover every chosen section. */
export function coveringConsultationConsents(consents: readonly ConsultationConsent[], recipientId: string, purpose: string,
  sections: readonly string[]): ConsultationConsent[] {
  return consents.filter((c) => c.status === 'given' && c.recipient_organisation_id === recipientId && c.purpose === purpose
    && sections.every((s) => c.sections.includes(s)));
}

export function ConsultationReferralDialog(p: Props) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const rules = useApi(referralApi.rules);
  const loadConsents = useCallback((signal: AbortSignal) => consultationApi.consents(p.consultationId, signal), [p.consultationId]);
  const consents = useApi(loadConsents);
  const [recipient, setRecipient] = useState<ChosenOrganisation | null>(p.recipient);
  const [purposeChoice, setPurpose] = useState<string | null>(null);
  const [sectionsChoice, setSections] = useState<string[] | null>(null);
  const [basisChoice, setBasis] = useState<string | null>(null);
  const [justification, setJustification] = useState('');
  const [immediateDanger, setImmediateDanger] = useState(p.immediateDanger);
  const [delivery, setDelivery] = useState('');
  const [recording, setRecording] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const form = useFormProblems('referral', {
    recipient_organisation_id: { id: 'cref-recipient', label: t('referral.field.recipient') },
    purpose: { id: 'cref-purpose', label: t('referral.field.purpose') },
    sections: { id: 'cref-sections', label: t('referral.field.sections') },
    basis: { id: 'cref-basis', label: t('referral.field.basis') },
    consent_id: { id: 'cref-basis', label: t('referral.field.basis') },
    justification: { id: 'cref-justification', label: t('referral.field.justification') },
    immediate_danger: { id: 'cref-immediate-danger', label: t('referral.field.immediateDanger') },
    delivery: { id: 'cref-delivery', label: t('referral.field.delivery') },
  });
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const purposes = rules.data?.purposes ?? [];
  const bases = rules.data?.bases ?? [];
  const purpose = purposeChoice ?? defaultPurpose(purposes, recipient?.kind ?? p.recipient.kind);
  const rule = purposes.find((x) => x.purpose === purpose);
  const sections = sectionsChoice ?? defaultSections(rule, p.identityBasis);
  const covering = recipient ? coveringConsultationConsents(consents.data?.items ?? [], recipient.id, purpose, sections) : [];
  const others: BasisRule[] = basesWithoutConsent(bases, recipient?.kind || undefined);
  const fallbackBasis = covering[0] ? `consent:${covering[0].id}`
    : p.identityBasis === 'report_of_concern' && others.some((b) => b.code === 'duty_to_report_child') ? 'duty_to_report_child' : '';
  const basis = basisChoice ?? fallbackBasis;
  const basisRule = chosenBasis(bases, basis);
  const withConsent = chosenConsentId(basis) !== null;

  const send = async () => {
    setFailure(null);
    const local = [
      ...(!recipient ? [{ field: 'recipient_organisation_id', rule: 'required', detail: '' }] : []),
      ...(!sections.length ? [{ field: 'sections', rule: 'required', detail: '' }] : []),
      ...(!basis ? [{ field: 'basis', rule: 'no_basis', detail: '' }] : []),
    ];
    form.setProblems(local);
    if (local.length || !recipient) return;
    const consentId = chosenConsentId(basis);
    const body: NewConsultationReferral = {
      recipient_organisation_id: recipient.id, purpose, sections, basis: consentId !== null ? 'consent' : basis,
    };
    if (consentId !== null) body.consent_id = consentId;
    else {
      if (justification.trim()) body.justification = justification.trim();
      if (immediateDanger) body.immediate_danger = true;
    }
    if (delivery) body.delivery = delivery;
    setBusy(true);
    try {
      p.onSent(await consultationApi.refer(p.consultationId, body));
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      p.onClose();
    }
  };
  const consentOptions = covering.map((c) => ({
    value: `consent:${c.id}`,
    label: t('referral.basis.consentOption', { date: formatDate(c.given_on) }),
    hint: t('referral.basis.consentHint', { form: consentFormLabel(i18n, c.form), sections: sectionList(i18n, c.sections) }),
  }));
  const otherOptions = others.map((b) => ({
    value: b.code, label: basisTitle(i18n, b),
    hint: [t('referral.basis.reference', { reference: basisReference(i18n, b) }), b.needs_check ? t('referral.basis.needsCheck') : '']
      .filter(Boolean).join('\n'),
  }));

  return (
    // A non-modal dialog in the page's flow: Escape or Cancel closes it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog open className="referral-dialog hotline-referral" aria-labelledby="cref-title" onKeyDown={onKeyDown}>
      <h2 id="cref-title" ref={headingRef} tabIndex={-1}>{t('hotline.refer.title', { name: recipient?.name ?? p.recipient.name })}</h2>
      <p>{t('hotline.refer.intro')}</p>
      {rules.error ? <ProblemAlert error={rules.error} onRetry={rules.reload} /> : null}
      {consents.error ? <ProblemAlert error={consents.error} onRetry={consents.reload} /> : null}
      {!rules.data && !rules.error ? <Loading /> : null}
      {rules.data ? (
        <form noValidate aria-labelledby="cref-title" onSubmit={(e) => { e.preventDefault(); void send(); }}>
          <ErrorSummary items={form.summary} focusToken={form.focusToken} />
          {failure ? <ProblemAlert error={failure} /> : null}
          <RecipientPicker id="cref-recipient" label={t('referral.field.recipient')} value={recipient} excludeId={p.ownOrgId}
            errors={form.errorsFor('recipient_organisation_id')} onChange={(r) => { setRecipient(r); setBasis(null); }} />
          <SelectField id="cref-purpose" label={t('referral.field.purpose')} value={purpose} errors={form.errorsFor('purpose')}
            options={PURPOSES.map((x) => ({ value: x, label: purposeLabel(i18n, x) }))}
            onChange={(x) => { setPurpose(x); setSections(null); setBasis(null); }} />
          <FieldGroup id="cref-sections" label={t('referral.field.sections')} hint={t('hotline.refer.sectionsHint')}
            errors={form.errorsFor('sections')}>
            <ul className="choice-list">
              {CONSULTATION_SECTIONS.map((s) => (
                <li key={s}>
                  <input id={`cref-section-${s}`} type="checkbox" checked={sections.includes(s)}
                    disabled={p.identityBasis === 'none' && (s === 'identity' || s === 'contact')}
                    onChange={(e) => {
                      const next = e.target.checked ? [...sections, s] : sections.filter((x) => x !== s);
                      setSections(CONSULTATION_SECTIONS.filter((x) => next.includes(x)));
                      setBasis(null);
                    }} />
                  <div>
                    <label htmlFor={`cref-section-${s}`}>{sectionLabel(i18n, s)}</label>
                    <p className="field-hint">{sectionExplain(i18n, s)}</p>
                  </div>
                </li>
              ))}
            </ul>
          </FieldGroup>
          <FieldGroup id="cref-basis" label={t('referral.field.basis')} hint={t('referral.basis.hint')}
            errors={[...(form.errorsFor('basis') ?? []), ...(form.errorsFor('consent_id') ?? [])]}>
            {covering.length === 0 ? <p className="alert alert--info">{t('hotline.refer.noConsent', { name: recipient?.name ?? '' })}</p> : null}
            {consentOptions.length + otherOptions.length ? (
              <RadioChoices name="cref-basis" value={basis} options={[...consentOptions, ...otherOptions]} onChange={setBasis} />
            ) : <p>{t('referral.basis.none')}</p>}
          </FieldGroup>
          {covering.length === 0 && recipient && !recording ? (
            <button type="button" className="button button--secondary" onClick={() => { setRecording(true); }}>
              {t('hotline.refer.recordConsent')}
            </button>
          ) : null}
          {recording && recipient ? (
            <RecordConsent consultationId={p.consultationId} recipient={recipient} purpose={purpose} sections={sections}
              language={p.language} onCancel={() => { setRecording(false); }}
              onDone={(c) => { setRecording(false); consents.reload(); setBasis(`consent:${c.id}`); }} />
          ) : null}
          {basisRule && !withConsent ? (
            <>
              <TextAreaField id="cref-justification" label={t('referral.field.justification')} hint={t('referral.justification.hint')}
                required={basisRule.justification_required} value={justification} errors={form.errorsFor('justification')}
                onChange={setJustification} />
              {basisRule.immediate_danger_only ? (
                <CheckboxField id="cref-immediate-danger" label={t('referral.field.immediateDanger')} hint={t('referral.immediateDanger.hint')}
                  checked={immediateDanger} errors={form.errorsFor('immediate_danger')} onChange={setImmediateDanger} />
              ) : null}
            </>
          ) : null}
          <FieldGroup id="cref-delivery" label={t('referral.field.delivery')} errors={form.errorsFor('delivery')}>
            <RadioChoices name="cref-delivery" value={delivery} onChange={setDelivery} options={[
              { value: '', label: t('referral.delivery.auto'), hint: t('referral.delivery.auto.hint') },
              { value: 'in_app', label: t('referral.delivery.in_app'), hint: t('referral.delivery.in_app.hint') },
              { value: 'other_means', label: t('referral.delivery.other_means'), hint: t('referral.delivery.other_means.hint') },
            ]} />
          </FieldGroup>
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>{busy ? t('referral.sending') : t('referral.send')}</button>
            <button type="button" className="button button--secondary" onClick={p.onClose}>{t('action.cancel')}</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}

/** Records the person's consent to this recipient, purpose and sections on the consultation. */
function RecordConsent({ consultationId, recipient, purpose, sections, language, onCancel, onDone }: {
  consultationId: string; recipient: ChosenOrganisation; purpose: string; sections: string[]; language: string;
  onCancel: () => void; onDone: (c: ConsultationConsent) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [givenOn, setGivenOn] = useState(todayInSweden());
  const [how, setHow] = useState('spoken');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const problems = useFormProblems('ledger', {
    given_on: { id: 'cref-consent-given-on', label: t('ledger.field.givenOn') },
    form: { id: 'cref-consent-form', label: t('ledger.field.form') },
    note: { id: 'cref-consent-note', label: t('ledger.field.note') },
  });
  const record = async () => {
    setBusy(true);
    setFailure(null);
    problems.setProblems([]);
    try {
      onDone(await consultationApi.recordConsent(consultationId, {
        recipient_organisation_id: recipient.id, purpose, sections, given_on: givenOn, form: how, language,
        ...(note.trim() ? { note: note.trim() } : {}),
      }));
    } catch (err) {
      const p = validationProblems(err);
      if (p) problems.setProblems(p);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="confirm" aria-labelledby="cref-consent-title">
      <h3 id="cref-consent-title">{t('hotline.refer.consentTitle')}</h3>
      <p>{t('hotline.refer.consentWhat', { name: recipient.name, purpose: purposeLabel(i18n, purpose), sections: sectionList(i18n, sections) })}</p>
      <ErrorSummary items={problems.summary} focusToken={problems.focusToken} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <TextField id="cref-consent-given-on" type="date" label={t('ledger.field.givenOn')} value={givenOn}
        errors={problems.errorsFor('given_on')} onChange={setGivenOn} />
      <SelectField id="cref-consent-form" label={t('ledger.field.form')} value={how} errors={problems.errorsFor('form')}
        options={CONSENT_FORMS.map((f) => ({ value: f, label: consentFormLabel(i18n, f) }))} onChange={setHow} />
      <TextAreaField id="cref-consent-note" label={t('ledger.field.note')} hint={t('ledger.note.hint')} value={note}
        errors={problems.errorsFor('note')} onChange={setNote} />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void record()}>{t('ledger.add.button')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </section>
  );
}
