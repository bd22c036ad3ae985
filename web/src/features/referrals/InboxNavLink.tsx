// The main navigation's link to the referral inbox, with the number of referrals awaiting an answer.
// The number is asked once when the app loads and again each time the user goes to a referral page
// (reading the inbox is audited, so it is not polled).
import { useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useI18n } from '../../i18n/context';
import { referralApi } from './referralApi';

export function InboxNavLink() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const [awaiting, setAwaiting] = useState<number | null>(null);
  const onReferrals = pathname.startsWith('/referrals');
  const trigger = onReferrals ? pathname : '';

  useEffect(() => {
    const ctl = new AbortController();
    referralApi.inbox({ status: 'sent', limit: 1, offset: 0 }, ctl.signal).then(
      (r) => { setAwaiting(r.total); },
      () => undefined,
    );
    return () => { ctl.abort(); };
  }, [trigger]);

  return (
    <NavLink to="/referrals/inbox">
      {t('nav.referrals')}
      {awaiting ? (
        <>
          <span className="bell-count badge--inline" aria-hidden="true">{awaiting > 99 ? '99+' : awaiting}</span>
          <span className="visually-hidden"> {t('nav.referrals.awaiting', { count: awaiting })}</span>
        </>
      ) : null}
    </NavLink>
  );
}
