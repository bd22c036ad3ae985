// The page frame: skip link, header with the signed-in user, navigation (only what the user's roles
// can use) and language switch, main landmark, footer.
import { Fragment, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { activeUser, navFor } from '../features/auth/capabilities';
import { useSession } from '../features/auth/sessionState';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { UnreadProvider } from '../features/notifications/unread';
import { InboxNavLink } from '../features/referrals/InboxNavLink';
import { useI18n } from '../i18n/context';
import { LanguageSwitch } from './LanguageSwitch';
import { ProblemAlert } from './ProblemAlert';

export function Layout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const session = useSession();
  const user = activeUser(session.state);
  const navItems = navFor(session.state);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [logoutError, setLogoutError] = useState<unknown>(null);

  // After client-side navigation, move focus to the new content as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  const logout = async () => {
    setLogoutError(null);
    try {
      await session.signOut();
    } catch (e) {
      setLogoutError(e);
    }
  };

  return (
    <UnreadProvider enabled={user !== null}>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="container header-bar">
          <Link to="/" className="brand">
            <span className="brand-name">OpenNRM</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
            {user ? (
              <div className="user-bar">
                <p className="user-name">
                  <span className="visually-hidden">{t('user.signedInAs')} </span>
                  {user.display_name || user.username}
                  <span className="user-org">{user.organisation.name}</span>
                </p>
                <NotificationBell />
                <NavLink to="/account" className="header-link">{t('nav.account')}</NavLink>
                <button type="button" className="header-button" onClick={() => void logout()}>
                  {t('nav.logout')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
        {navItems.length ? (
          <nav className="site-nav" aria-label={t('nav.label')}>
            <ul className="container">
              {navItems.map((item) => (
                <Fragment key={item.to}>
                  <li>
                    <NavLink to={item.to} end={item.end}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                  {/* The user's own tasks across their cases, and the referral inbox, next to the cases. */}
                  {item.to === '/cases' ? (
                    <>
                      <li>
                        <NavLink to="/tasks">{t('nav.tasks')}</NavLink>
                      </li>
                      <li>
                        <InboxNavLink />
                      </li>
                    </>
                  ) : null}
                </Fragment>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container site-main">
        {logoutError ? <ProblemAlert error={logoutError} /> : null}
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('layout.footer')}</p>
        </div>
      </footer>
    </UnreadProvider>
  );
}
