// The header's link to the notifications, with the number of unread ones.
import { NavLink } from 'react-router';
import { useI18n } from '../../i18n/context';
import { useUnread } from './unread';

export function NotificationBell() {
  const { t } = useI18n();
  const { count } = useUnread();
  return (
    <NavLink to="/notifications" className="bell">
      <svg className="bell-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M12 2a6 6 0 0 0-6 6v3.6L4 15v1h16v-1l-2-3.4V8a6 6 0 0 0-6-6zm0 20a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22z" />
      </svg>
      <span>{t('nav.notifications')}</span>
      {count ? (
        <>
          <span className="bell-count" aria-hidden="true">{count > 99 ? '99+' : count}</span>
          <span className="visually-hidden">{t('bell.unread', { count })}</span>
        </>
      ) : null}
    </NavLink>
  );
}
