// The page frame: skip link, header with navigation and language switch, main landmark, footer.
import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/context';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new content as a full page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  const navItems = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/organisations', label: t('nav.organisations'), end: false },
    { to: '/coverage', label: t('nav.coverage'), end: false },
    { to: '/geography', label: t('nav.geography'), end: false },
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="container header-bar">
          <Link to="/" className="brand">
            <span className="brand-name">OpenNRM</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitch />
        </div>
        <nav className="site-nav" aria-label={t('nav.label')}>
          <ul className="container">
            {navItems.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="container site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('layout.footer')}</p>
        </div>
      </footer>
    </>
  );
}
