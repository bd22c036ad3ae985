// A new user's (or a reset) one-time password, shown once, with a copy button. Focus moves here so
// that screen readers read it out.
import { useEffect, useRef } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { useI18n } from '../../i18n/context';

export function OneTimePasswordNotice({ password, name }: { password: string; name: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [password]);
  return (
    <section className="alert alert--success one-time" aria-labelledby="one-time-title">
      <h2 id="one-time-title" ref={heading} tabIndex={-1}>{t('user.otp.title')}</h2>
      <p>{t('user.otp.body', { name })}</p>
      <p className="secret">
        <code id="one-time-password">{password}</code>
      </p>
      <CopyButton value={password} label={t('user.otp.copy')} />
    </section>
  );
}
