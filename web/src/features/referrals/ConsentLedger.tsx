// The consent ledger of a case: every consent a person gave to share chosen sections with one
// organisation for one purpose, how it was given, and whether it is in force or revoked (when, why).
// The team records consents and revokes them; a revocation stops every later referral relying on it.
import { useState, type SubmitEvent } from 'react';
import type { CasePerson } from '../../api/caseTypes';
import type { LedgerConsent } from '../../api/referralTypes';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { interpreterText } from '../cases/ConversationPanel';
import { todayInSweden, useFormWrite } from '../cases/useCaseWork';
import { useLanguageNames } from '../orgs/useLanguageNames';
import { consentFormLabel, purposeLabel, sectionList } from './labels';
import { ledgerApi } from './referralApi';
import { RecordConsentForm } from './RecordConsentForm';
import type { ApiState } from '../../api/useApi';
import type { ItemList } from '../../api/types';

interface Props {
  caseId: string;
  persons: CasePerson[];
  list: ApiState<ItemList<LedgerConsent>>;
  editable: boolean;
  onChanged: (message: string) => void;
}

export function ConsentLedger({ caseId, persons, list, editable, onChanged }: Props) {
  const i18n = useI18n();
  const { t, formatDate, lang } = i18n;
  const [revoking, setRevoking] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const items = list.data?.items ?? [];
  const nameOf = useLanguageNames([...new Set(items.map((c) => c.language))], lang);
  const rowName = (c: LedgerConsent) => `${c.person_code}, ${c.recipient_name}, ${purposeLabel(i18n, c.purpose)}`;

  const columns: Column<LedgerConsent>[] = [
    { id: 'person', header: t('ledger.col.person'), cell: (c) => c.person_code },
    { id: 'recipient', header: t('ledger.col.recipient'), cell: (c) => <span dir="auto">{c.recipient_name}</span> },
    { id: 'purpose', header: t('ledger.col.purpose'), cell: (c) => purposeLabel(i18n, c.purpose) },
    { id: 'sections', header: t('ledger.col.sections'), cell: (c) => sectionList(i18n, c.sections) },
    { id: 'given', header: t('ledger.col.given'), cell: (c) => formatDate(c.given_on) },
    {
      id: 'how', header: t('ledger.col.how'),
      cell: (c) => t('ledger.how', { form: consentFormLabel(i18n, c.form), language: nameOf(c.language), interpreter: interpreterText(i18n, c.interpreter) }),
    },
    {
      id: 'status', header: t('ledger.col.status'),
      cell: (c) => (c.status === 'revoked' ? (
        <>
          <span className="badge badge--inactive">{t('ledger.status.revoked', { date: formatDate(c.revoked_on ?? '') })}</span>
          {c.revocation_reason ? <p className="pre-line" dir="auto">{t('ledger.revokedReason', { reason: c.revocation_reason })}</p> : null}
        </>
      ) : <span className="badge badge--active">{t('ledger.status.given')}</span>),
    },
  ];
  if (editable) {
    columns.push({
      id: 'actions', header: t('ledger.col.actions'), hideHeader: true,
      cell: (c) => (c.status === 'given' && revoking !== c.id ? (
        <button type="button" className="button button--secondary button--small" onClick={() => { setRevoking(c.id); }}>
          {t('ledger.revoke')}<span className="visually-hidden"> {rowName(c)}</span>
        </button>
      ) : null),
    });
  }
  const target = items.find((c) => c.id === revoking);

  return (
    <section aria-labelledby="ledger-title">
      <h3 id="ledger-title">{t('ledger.title')}</h3>
      <p>{t('ledger.intro')}</p>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{t('ledger.none')}</p> : null}
      {items.length > 0 ? (
        <DataTable caption={t('ledger.caption')} labelledBy="ledger-title" columns={columns} rows={items} rowKey={(c) => c.id} compact />
      ) : null}
      {target ? (
        <RevokeForm consent={target} label={rowName(target)} onCancel={() => { setRevoking(null); }}
          onDone={() => { setRevoking(null); onChanged(t('ledger.revoked', { name: rowName(target) })); }} />
      ) : null}
      {editable && !adding ? (
        <button type="button" className="button button--secondary" onClick={() => { setAdding(true); }}>{t('ledger.add.open')}</button>
      ) : null}
      {editable && adding ? (
        <RecordConsentForm caseId={caseId} persons={persons} onCancel={() => { setAdding(false); }}
          onDone={(c) => { setAdding(false); onChanged(t('ledger.added', { name: rowName(c) })); }} />
      ) : null}
    </section>
  );
}

function RevokeForm({ consent, label, onCancel, onDone }: { consent: LedgerConsent; label: string; onCancel: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(todayInSweden());
  const [reason, setReason] = useState('');
  const w = useFormWrite('ledger', {
    revoked_on: { id: 'revoke-on', label: t('ledger.revoke.on') },
    reason: { id: 'revoke-reason', label: t('ledger.revoke.reason') },
  });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await w.run(() => ledgerApi.revoke(consent.id, on, reason))) onDone();
  };
  return (
    <form className="narrow-form confirm" noValidate aria-labelledby="revoke-title" onSubmit={(e) => void submit(e)}>
      <h4 id="revoke-title">{t('ledger.revoke.title', { name: label })}</h4>
      <p>{t('ledger.revoke.explain')}</p>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <TextField id="revoke-on" type="date" label={t('ledger.revoke.on')} required value={on} errors={w.form.errorsFor('revoked_on')}
        onChange={setOn} />
      <TextAreaField id="revoke-reason" label={t('ledger.revoke.reason')} hint={t('ledger.revoke.reason.hint')} value={reason}
        errors={w.form.errorsFor('reason')} onChange={setReason} />
      <div className="form-actions">
        <button type="submit" className="button button--warning" disabled={w.busy}>{t('ledger.revoke.confirm')}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}
