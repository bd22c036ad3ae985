// Parts of the consultation page: the follow-ups (add, mark done), the danger steps recorded, the
// consents recorded on the consultation (revoke) and the history built from what was recorded when.
import { useState, type SubmitEvent } from 'react';
import type { Referral } from '../../api/referralTypes';
import { ConfirmButton } from '../../components/ConfirmButton';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n, type I18n } from '../../i18n/context';
import { todayInSweden, useFormWrite } from '../cases/useCaseWork';
import { purposeLabel, sectionList } from '../referrals/labels';
import { ledgerApi } from '../referrals/referralApi';
import { consultationApi } from './hotlineApi';
import type { Consultation, ConsultationConsent, FollowUp } from './hotlineTypes';
import { dangerStepLabel } from './labels';

const at = (i: Pick<I18n, 'formatDateTime'>, us: number) => i.formatDateTime(new Date(us / 1000).toISOString());

export function FollowUpsSection({ c, onChanged }: { c: Consultation; onChanged: (message: string) => void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [failure, setFailure] = useState<unknown>(null);
  const w = useFormWrite('hotline', {
    text: { id: 'follow-up-text', label: t('hotline.field.followUp') },
    due_on: { id: 'follow-up-due', label: t('hotline.field.followUpDue') },
  });
  const add = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = text.trim() ? [] : [{ field: 'text', rule: 'required', detail: '' }];
    if (await w.run(() => consultationApi.addFollowUp(c.id, text.trim(), due || null), local)) {
      setText('');
      setDue('');
      onChanged(t('hotline.followUp.added'));
    }
  };
  const done = async (f: FollowUp) => {
    setFailure(null);
    try {
      await consultationApi.followUpDone(c.id, f.id);
      onChanged(t('hotline.followUp.doneMessage'));
    } catch (err) {
      setFailure(err);
    }
  };
  const open = c.status !== 'closed';
  return (
    <section aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('hotline.followUps.title')}</h2>
      {failure ? <ProblemAlert error={failure} /> : null}
      {c.follow_ups.length === 0 ? <p>{t('hotline.followUps.none')}</p> : (
        <ul className="plain-list follow-up-list">
          {c.follow_ups.map((f) => (
            <li key={f.id} className="routing-item">
              <p className="pre-line" dir="auto">{f.text}</p>
              <p className="muted">
                {f.due_on ? `${t('hotline.followUp.due', { date: formatDate(f.due_on) })} · ` : ''}
                {t('hotline.followUp.by', { name: f.created_by.name, at: at(i18n, f.created_at_us) })}
              </p>
              {f.done_at_us !== null ? (
                <span className="badge badge--active">{t('hotline.followUp.doneBy', { name: f.done_by?.name ?? '', at: at(i18n, f.done_at_us) })}</span>
              ) : open ? (
                <button type="button" className="button button--secondary button--small" onClick={() => void done(f)}>
                  {t('hotline.followUp.markDone')}<span className="visually-hidden"> {f.text.slice(0, 40)}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form className="narrow-form" noValidate aria-labelledby="follow-up-add-title" onSubmit={(e) => void add(e)}>
          <h3 id="follow-up-add-title">{t('hotline.followUp.add')}</h3>
          <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
          {w.failure ? <ProblemAlert error={w.failure} /> : null}
          <TextAreaField id="follow-up-text" label={t('hotline.field.followUp')} value={text} errors={w.form.errorsFor('text')} onChange={setText} />
          <TextField id="follow-up-due" type="date" label={t('hotline.field.followUpDue')} value={due} errors={w.form.errorsFor('due_on')}
            onChange={setDue} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={w.busy}>{t('hotline.followUp.addButton')}</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

export function DangerStepsSection({ c }: { c: Consultation }) {
  const i18n = useI18n();
  const { t } = i18n;
  if (!c.immediate_danger && c.danger_steps.length === 0) return null;
  const columns: Column<Consultation['danger_steps'][number]>[] = [
    { id: 'step', header: t('hotline.danger.col.step'), cell: (s) => dangerStepLabel(i18n, s.step) },
    { id: 'done', header: t('hotline.danger.col.done'), cell: (s) => at(i18n, s.done_at_us) },
    { id: 'by', header: t('hotline.danger.col.by'), cell: (s) => s.recorded_by?.name ?? t('hotline.system') },
  ];
  return (
    <section aria-labelledby="danger-steps-title">
      <h2 id="danger-steps-title">{t('hotline.danger.steps')}</h2>
      {c.danger_steps.length === 0 ? <p>{t('hotline.danger.noSteps')}</p> : (
        <DataTable caption={t('hotline.danger.steps')} labelledBy="danger-steps-title" columns={columns} rows={c.danger_steps}
          rowKey={(s) => s.n} compact />
      )}
    </section>
  );
}

export function ConsentsSection({ list, error, onRetry, editable, onChanged }: {
  list: ConsultationConsent[] | undefined; error: unknown; onRetry: () => void; editable: boolean; onChanged: (message: string) => void;
}) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const [failure, setFailure] = useState<unknown>(null);
  const revoke = async (c: ConsultationConsent) => {
    setFailure(null);
    try {
      await ledgerApi.revoke(c.id, todayInSweden(), '');
      onChanged(t('ledger.revoked', { name: `${c.recipient_name}, ${purposeLabel(i18n, c.purpose)}` }));
    } catch (err) {
      setFailure(err);
    }
  };
  const columns: Column<ConsultationConsent>[] = [
    { id: 'recipient', header: t('ledger.col.recipient'), cell: (c) => <span dir="auto">{c.recipient_name}</span> },
    { id: 'purpose', header: t('ledger.col.purpose'), cell: (c) => purposeLabel(i18n, c.purpose) },
    { id: 'sections', header: t('ledger.col.sections'), cell: (c) => sectionList(i18n, c.sections) },
    { id: 'given', header: t('ledger.col.given'), cell: (c) => formatDate(c.given_on) },
    {
      id: 'status', header: t('ledger.col.status'),
      cell: (c) => (c.status === 'revoked'
        ? <span className="badge badge--inactive">{t('ledger.status.revoked', { date: formatDate(c.revoked_on ?? '') })}</span>
        : (
          <>
            <span className="badge badge--active">{t('ledger.status.given')}</span>
            {editable ? (
              <ConfirmButton secondary label={t('hotline.consent.revoke', { name: c.recipient_name })}
                question={t('ledger.revoke.explain')} confirmLabel={t('ledger.revoke.confirm')} onConfirm={() => revoke(c)} />
            ) : null}
          </>
        )),
    },
  ];
  return (
    <section aria-labelledby="consultation-consents-title">
      <h2 id="consultation-consents-title">{t('hotline.consents.title')}</h2>
      {failure ? <ProblemAlert error={failure} /> : null}
      {error ? <ProblemAlert error={error} onRetry={onRetry} /> : null}
      {!list && !error ? <Loading /> : null}
      {list?.length === 0 ? <p>{t('hotline.consents.none')}</p> : null}
      {list?.length ? (
        <DataTable caption={t('hotline.consents.title')} labelledBy="consultation-consents-title" columns={columns} rows={list}
          rowKey={(c) => c.id} compact />
      ) : null}
    </section>
  );
}

interface Event {
  at_us: number;
  text: string;
}

/** What happened to the consultation, oldest first, from the times it records. */
export function historyOf(i: Pick<I18n, 't' | 'tDynamic' | 'lang'>, c: Consultation, consents: readonly ConsultationConsent[],
  referrals: readonly Referral[]): Event[] {
  const { t } = i;
  const events: Event[] = [
    { at_us: c.received_at_us, text: t('hotline.history.received') },
    { at_us: c.created_at_us, text: c.created_by ? t('hotline.history.created', { name: c.created_by.name }) : t('hotline.history.createdPublic') },
  ];
  if (c.first_response_at_us !== null) events.push({ at_us: c.first_response_at_us, text: t('hotline.history.firstResponse') });
  for (const s of c.danger_steps) {
    events.push({ at_us: s.done_at_us, text: t('hotline.history.danger', { step: dangerStepLabel(i, s.step), name: s.recorded_by?.name ?? t('hotline.system') }) });
  }
  for (const f of c.follow_ups) {
    events.push({ at_us: f.created_at_us, text: t('hotline.history.followUp', { name: f.created_by.name }) });
    if (f.done_at_us !== null) events.push({ at_us: f.done_at_us, text: t('hotline.history.followUpDone', { name: f.done_by?.name ?? '' }) });
  }
  for (const k of consents) {
    const ms = Date.parse(k.recorded_at);
    if (!Number.isNaN(ms)) events.push({ at_us: ms * 1000, text: t('hotline.history.consent', { name: k.recipient_name }) });
  }
  for (const r of referrals) {
    const sent = r.steps.find((s) => s.step === 'sent');
    const us = sent?.at_us ?? Date.parse(`${r.sent_on}T12:00:00Z`) * 1000;
    events.push({ at_us: us, text: t('hotline.history.referral', { code: r.code, name: r.recipient.name }) });
  }
  if (c.updated_at_us > c.created_at_us) events.push({ at_us: c.updated_at_us, text: t('hotline.history.updated') });
  if (c.closed_at_us !== null) events.push({ at_us: c.closed_at_us, text: t('hotline.history.closed') });
  return events.filter((e) => Number.isFinite(e.at_us) && e.at_us > 0).sort((a, b) => a.at_us - b.at_us);
}

export function HistorySection({ events }: { events: Event[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('hotline.history.title')}</h2>
      <ol className="timeline">
        {events.map((e, n) => (
          <li key={n}><time dateTime={new Date(e.at_us / 1000).toISOString()}>{at(i18n, e.at_us)}</time>{e.text}</li>
        ))}
      </ol>
    </section>
  );
}
