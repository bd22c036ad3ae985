// Immediate danger: the steps the operator takes at once, each with a "done" button that records when
// (POST /consultations/{id}/danger-steps; before the first save the times are kept and sent with it):
// 112, the police on 114 14 and, outside office hours, the municipality's after-hours social services
// (socialjour). The server notifies the regional coordinator of the police region when the consultation
// is saved as immediate danger, and records that as a step of its own.
import { useCallback } from 'react';
import { orgApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/context';
import type { DangerStepRecord, HotlineSetup } from './hotlineTypes';
import { DANGER_STEPS, SYSTEM_DANGER_STEP } from './hotlineTypes';
import { dangerStepLabel } from './labels';

export interface PendingStep {
  step: string;
  at_us: number;
}

interface Props {
  setup: HotlineSetup | undefined;
  municipalityCode: string;
  municipalityName: string;
  recorded: readonly DangerStepRecord[];
  pending: readonly PendingStep[];
  /** The consultation is saved (the coordinator has been notified by the server). */
  saved: boolean;
  busy: boolean;
  onDone: (step: string) => void;
}

/** The steps an operator takes, in the order shown; the after-hours social services only outside office hours. */
export function operatorSteps(setup: HotlineSetup | undefined): string[] {
  const all = setup?.danger_steps.length ? setup.danger_steps : [...DANGER_STEPS];
  const openNow = setup?.office_hours.open_now ?? true;
  return all.filter((s) => s !== SYSTEM_DANGER_STEP && (s !== 'called_social_services_after_hours' || !openNow));
}

function useAfterHoursContacts(code: string, wanted: boolean) {
  const load = useCallback(
    (signal: AbortSignal) => (wanted && code
      ? orgApi.list({ municipality: code, kind: 'municipal_social_services', active: 'true', limit: 3 }, signal)
      : Promise.resolve(null)),
    [code, wanted],
  );
  return useApi(load).data?.items ?? [];
}

export function DangerPanel({ setup, municipalityCode, municipalityName, recorded, pending, saved, busy, onDone }: Props) {
  const i18n = useI18n();
  const { t, formatTime } = i18n;
  const steps = operatorSteps(setup);
  const afterHours = steps.includes('called_social_services_after_hours');
  const contacts = useAfterHoursContacts(municipalityCode, afterHours);
  const numbers = setup?.numbers ?? { emergency: '112', police: '114 14', victim_support: '116 006', hotline: '020-390 000' };
  const doneAt = (step: string): number | undefined =>
    recorded.find((r) => r.step === step)?.done_at_us ?? pending.find((p) => p.step === step)?.at_us;
  const notified = recorded.find((r) => r.step === SYSTEM_DANGER_STEP);
  const time = (us: number) => formatTime(new Date(us / 1000));
  const explain = (step: string): string => {
    if (step === 'called_112' || step === 'advised_caller_to_call_112') return t('hotline.danger.explain.112', { number: numbers.emergency });
    if (step === 'called_police') return t('hotline.danger.explain.police', { number: numbers.police });
    if (step === 'called_social_services_after_hours') {
      return municipalityName ? t('hotline.danger.explain.socialjour', { municipality: municipalityName }) : t('hotline.danger.explain.socialjourNoPlace');
    }
    return '';
  };

  return (
    <section className="danger-panel" aria-labelledby="danger-title">
      <h2 id="danger-title">{t('hotline.danger.title')}</h2>
      <p>{setup && !setup.office_hours.open_now ? t('hotline.danger.introClosed') : t('hotline.danger.intro')}</p>
      <ol className="danger-steps">
        {steps.map((step) => {
          const at = doneAt(step);
          return (
            <li key={step} className={at !== undefined ? 'danger-step danger-step--done' : 'danger-step'}>
              <div>
                <strong>{dangerStepLabel(i18n, step)}</strong>
                {explain(step) ? <p className="danger-explain">{explain(step)}</p> : null}
                {step === 'called_social_services_after_hours' && contacts.length ? (
                  <ul className="plain-list">
                    {contacts.map((o) => (
                      <li key={o.id}>{o.name}{o.contact.phone ? `: ${o.contact.phone}` : ''}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
              {at !== undefined ? (
                <span className="badge badge--active">{t('hotline.danger.doneAt', { time: time(at) })}</span>
              ) : (
                <button type="button" className="button button--warning button--small" disabled={busy} onClick={() => { onDone(step); }}>
                  {t('hotline.danger.done')}<span className="visually-hidden"> {dangerStepLabel(i18n, step)}</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <p className="danger-coordinator" role="status">
        {notified
          ? t('hotline.danger.notifiedAt', { time: time(notified.done_at_us) })
          : saved ? t('hotline.danger.notified') : t('hotline.danger.notifyOnSave')}
      </p>
    </section>
  );
}
