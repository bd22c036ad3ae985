// The referral dialog, opened by "Refer" on the case page: four steps (who, why and to whom; what is
// shared; on which legal basis; what will be shared and why, and how it is delivered), then Send. Each
// step says what it still lacks before the next; a refusal of the server goes back to the step of the
// first field it names, with the message beside the field and in the summary.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CasePerson } from '../../api/caseTypes';
import type { LedgerConsent, Referral } from '../../api/referralTypes';
import { useApi } from '../../api/useApi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormProblems, validationProblems, type FormField } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { BasisStep } from './BasisStep';
import { referralApi } from './referralApi';
import { emptyDraft, purposeRule, referralBody, STEP_COUNT, stepOfField, stepProblems, type ReferralDraft } from './referralDraft';
import { SectionsStep, WhoStep } from './ReferralSteps';
import { SummaryStep } from './SummaryStep';

interface Props {
  caseId: string;
  persons: CasePerson[];
  consents: LedgerConsent[];
  senderKind: string;
  ownOrgId: string | undefined;
  onClose: () => void;
  onSent: (r: Referral) => void;
}

const STEP_TITLES = ['referral.step1', 'referral.step2', 'referral.step3', 'referral.step4'] as const;

export function ReferralDialog({ caseId, persons, consents, senderKind, ownOrgId, onClose, onSent }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const rules = useApi(referralApi.rules);
  const [draft, setDraft] = useState<ReferralDraft>(() => emptyDraft(persons.length === 1 ? (persons[0]?.id ?? '') : ''));
  const [step, setStep] = useState(0);
  const [sectionsFor, setSectionsFor] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const fieldsOfStep: Record<string, FormField> = {
    person_id: { id: 'referral-person', label: t('referral.field.person') },
    purpose: { id: 'referral-purpose', label: t('referral.field.purpose') },
    recipient_organisation_id: { id: 'referral-recipient', label: t('referral.field.recipient') },
    sections: { id: 'referral-sections', label: t('referral.field.sections') },
    basis: { id: 'referral-basis', label: t('referral.field.basis') },
    consent_id: { id: 'referral-basis', label: t('referral.field.basis') },
    justification: { id: 'referral-justification', label: t('referral.field.justification') },
    immediate_danger: { id: 'referral-immediate-danger', label: t('referral.field.immediateDanger') },
    delivery: { id: 'referral-delivery', label: t('referral.field.delivery') },
  };
  // Only the fields of the step shown can be jumped to from the summary.
  const fields = Object.fromEntries(Object.entries(fieldsOfStep).filter(([f]) => stepOfField(f) === step));
  const form = useFormProblems('referral', fields);

  const ready = rules.data !== undefined;
  useEffect(() => {
    headingRef.current?.focus();
  }, [step, ready]);

  const bases = rules.data?.bases ?? [];
  const rule = purposeRule(rules.data?.purposes ?? [], draft.purpose);
  const person = persons.find((p) => p.id === draft.personId);

  const next = () => {
    const problems = stepProblems(step, draft, bases, rules.data?.sender_kind ?? '');
    form.setProblems(problems);
    if (problems.length) return;
    // The purpose's usual sections are ticked when the sections are first shown for it.
    if (step === 0 && sectionsFor !== draft.purpose) {
      setDraft({ ...draft, sections: [...(rule?.suggested_sections ?? [])] });
      setSectionsFor(draft.purpose);
    }
    setStep(step + 1);
  };
  const back = () => {
    form.setProblems([]);
    setStep(step - 1);
  };
  const send = async () => {
    setFailure(null);
    form.setProblems([]);
    setBusy(true);
    try {
      const sent = await referralApi.send(caseId, referralBody(draft));
      onSent(sent);
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) {
        setStep(Math.min(...problems.map((p) => stepOfField(p.field))));
        form.setProblems(problems);
      } else setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // An Escape the combobox used to close its list is not for the dialog.
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      onClose();
    }
  };

  return (
    // A non-modal dialog in the page's flow: Escape or Cancel closes it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog open className="referral-dialog" aria-labelledby="referral-dialog-title" onKeyDown={onKeyDown}>
      <h3 id="referral-dialog-title">{t('referral.dialog.title')}</h3>
      {rules.error ? <ProblemAlert error={rules.error} onRetry={rules.reload} /> : null}
      {!rules.data && !rules.error ? <Loading /> : null}
      {rules.data ? (
        <form noValidate aria-labelledby="referral-step-title" onSubmit={(e) => {
          e.preventDefault();
          if (step < STEP_COUNT - 1) next();
          else void send();
        }}>
          <p className="muted">{t('referral.stepOf', { n: step + 1, count: STEP_COUNT })}</p>
          <h4 id="referral-step-title" ref={headingRef} tabIndex={-1}>{t(STEP_TITLES[step] ?? 'referral.step1')}</h4>
          <ErrorSummary items={form.summary} focusToken={form.focusToken} />
          {failure ? <ProblemAlert error={failure} /> : null}
          {step === 0 ? (
            <WhoStep draft={draft} onChange={setDraft} errors={form.errorsFor} persons={persons} rule={rule} ownOrgId={ownOrgId} />
          ) : null}
          {step === 1 ? <SectionsStep draft={draft} onChange={setDraft} errors={form.errorsFor} rule={rule} /> : null}
          {step === 2 ? (
            <BasisStep draft={draft} onChange={setDraft} errors={form.errorsFor} bases={bases} consents={consents} senderKind={senderKind} />
          ) : null}
          {step === 3 ? (
            <SummaryStep draft={draft} onChange={setDraft} errors={form.errorsFor} personCode={person?.code ?? ''} bases={bases}
              consents={consents} responseDays={rule?.response_days} senderKind={senderKind} />
          ) : null}
          <div className="form-actions">
            {step > 0 ? <button type="button" className="button button--secondary" onClick={back}>{t('referral.back')}</button> : null}
            {step < STEP_COUNT - 1
              ? <button type="submit" className="button">{t('referral.next')}</button>
              : <button type="submit" className="button" disabled={busy}>{busy ? t('referral.sending') : t('referral.send')}</button>}
            <button type="button" className="button button--secondary" onClick={onClose}>{t('action.cancel')}</button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
