// /account/password: choose a new password.
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';

export function ChangePasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('account.password.title'));
  const [changes, setChanges] = useState(0);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/account">{t('account.back')}</Link>
      </p>
      <h1>{t('account.password.title')}</h1>
      <StatusMessage message={changes ? t('account.password.changed') : null} />
      <ChangePasswordForm key={changes} inLoginFlow={false} submitLabel={t('account.password.submit')}
        onDone={() => { setChanges((n) => n + 1); }} />
    </>
  );
}
