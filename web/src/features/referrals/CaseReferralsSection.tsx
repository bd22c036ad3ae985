// The case page's "Referrals and consents": the consent ledger of the case, the referrals sent from it,
// and for the team the "Refer" button that opens the referral dialog.
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { CasePerson } from '../../api/caseTypes';
import type { Referral } from '../../api/referralTypes';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { useCaseData } from '../cases/useCaseWork';
import { ConsentLedger } from './ConsentLedger';
import { ledgerApi, referralApi } from './referralApi';
import { ReferralDialog } from './ReferralDialog';
import { SentReferrals } from './SentReferrals';

interface Props {
  caseId: string;
  persons: CasePerson[];
  /** Anything on the case page changed: load again. */
  stamp: number;
  /** The team of an open case: may record, revoke, refer and withdraw. */
  editable: boolean;
  onChanged: (message: string) => void;
}

export function CaseReferralsSection({ caseId, persons, stamp, editable, onChanged }: Props) {
  const { t } = useI18n();
  const user = activeUser(useSession().state);
  const consents = useCaseData(ledgerApi.list, caseId, stamp);
  const sent = useCaseData(referralApi.sent, caseId, stamp);
  const [open, setOpen] = useState(false);
  const [last, setLast] = useState<Referral | null>(null);
  const referButton = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    window.setTimeout(() => referButton.current?.focus(), 0);
  };

  return (
    <section aria-labelledby="referrals-title" id="referrals">
      <h2 id="referrals-title">{t('referrals.section.title')}</h2>
      <p>{t('referrals.section.intro')}</p>
      {editable && !open ? (
        <div className="page-actions">
          <button ref={referButton} type="button" className="button" disabled={persons.length === 0}
            onClick={() => { setLast(null); setOpen(true); }}>
            {t('referral.refer')}
          </button>
          {persons.length === 0 ? <p className="muted">{t('referral.referNeedsPerson')}</p> : null}
        </div>
      ) : null}
      {last?.delivery === 'other_means' ? (
        <p className="alert alert--info">
          {t('referral.sentOtherMeans', { code: last.code })}{' '}
          <Link to={`/referrals/${last.id}/print`}>{t('referral.printLink')}</Link>
        </p>
      ) : null}
      {open ? (
        <ReferralDialog caseId={caseId} persons={persons} consents={consents.data?.items ?? []}
          senderKind={user?.organisation.kind ?? ''} ownOrgId={user?.organisation.id} onClose={close}
          onSent={(r) => {
            setLast(r);
            close();
            onChanged(t('referral.sentMessage', { code: r.code, name: r.recipient.name }));
          }} />
      ) : null}
      <SentReferrals list={sent} editable={editable} onChanged={onChanged} />
      <ConsentLedger caseId={caseId} persons={persons} list={consents} editable={editable} onChanged={onChanged} />
    </section>
  );
}
