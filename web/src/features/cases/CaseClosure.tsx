// Closing a case with one of the closure reasons (asked to confirm first: every track stops where it
// stands until the case is reopened), and reopening a closed one. Only the team; a break-glass reader
// sees the state only. The server's problems show beside the reasons and in the summary.
import { useState } from 'react';
import type { Case } from '../../api/caseTypes';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { closureApi, CLOSURE_REASONS } from './caseFormsApi';
import { useFormWrite } from './useCaseWork';

interface Props {
  value: Case;
  editable: boolean;
  /** The case as the server answered, and a message for the page. */
  onChanged: (next: Case, message: string) => void;
}

const reasonLabel = (i: ReturnType<typeof useI18n>, reason: string) => i.tDynamic(`work.closure.${reason}`, reason);

export function CaseClosure({ value, editable, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [reason, setReason] = useState('');
  const w = useFormWrite('closure', {
    reason: { id: 'closure-reason', label: t('closure.field.reason') },
    case: { id: 'closure-reason', label: t('closure.title') },
  });

  const close = async () => {
    const answer: { next?: Case } = {};
    const local = reason ? [] : [{ field: 'reason', rule: 'required', detail: '' }];
    const ok = await w.run(async () => { answer.next = await closureApi.close(value.id, reason); }, local);
    if (ok && answer.next) {
      setReason('');
      onChanged(answer.next, t('closure.closed', { reason: reasonLabel(i18n, reason) }));
    }
  };
  const reopen = async () => {
    const answer: { next?: Case } = {};
    const ok = await w.run(async () => { answer.next = await closureApi.reopen(value.id); });
    if (ok && answer.next) onChanged(answer.next, t('closure.reopened'));
  };

  if (value.status === 'closed') {
    return (
      <section className="form-section" aria-labelledby="closure-title">
        <h2 id="closure-title">{t('closure.closedTitle')}</h2>
        <p>{t('closure.closedWith', { reason: reasonLabel(i18n, value.closure_reason ?? '') })}</p>
        {editable ? (
          <>
            <p>{t('closure.reopen.intro')}</p>
            <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
            {w.failure ? <ProblemAlert error={w.failure} /> : null}
            <button type="button" className="button" disabled={w.busy} onClick={() => void reopen()}>
              {t('closure.reopen.button')}
            </button>
          </>
        ) : null}
      </section>
    );
  }
  if (!editable) return null;
  return (
    <section className="form-section" aria-labelledby="closure-title">
      <h2 id="closure-title">{t('closure.title')}</h2>
      <p>{t('closure.intro')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <FieldGroup id="closure-reason" label={t('closure.field.reason')} errors={w.form.errorsFor('reason') ?? w.form.errorsFor('case')}>
        <ul className="choice-list">
          {CLOSURE_REASONS.map((r) => (
            <li key={r}>
              <input id={`closure-reason-${r}`} type="radio" name="closure-reason" value={r} checked={reason === r}
                onChange={() => { setReason(r); }} />
              <label htmlFor={`closure-reason-${r}`}>{reasonLabel(i18n, r)}</label>
            </li>
          ))}
        </ul>
      </FieldGroup>
      <ConfirmButton label={t('closure.button')} busy={w.busy} secondary
        question={reason ? t('closure.confirm', { reason: reasonLabel(i18n, reason) }) : t('closure.confirmNoReason')}
        confirmLabel={t('closure.confirmButton')} onConfirm={close} />
    </section>
  );
}
