// Login, step one: username and password (at first login, the one-time password).
import { useState, type SubmitEvent } from 'react';
import type { LoginAnswer } from '../../api/accountTypes';
import { sessionApi } from '../../api/endpoints';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { loginFlowProblems } from './authErrors';

interface Props {
  notice?: 'expired' | 'loggedOut';
  onAnswer: (answer: LoginAnswer) => void;
}

export function CredentialsStep({ notice, onAnswer }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useFormProblems('login', {
    username: { id: 'login-username', label: t('login.username') },
    password: { id: 'login-password', label: t('login.password') },
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const local: FormProblem[] = [];
    if (!username.trim()) local.push({ field: 'username', rule: 'required', detail: '' });
    if (!password) local.push({ field: 'password', rule: 'required', detail: '' });
    form.setProblems(local);
    if (local.length) return;
    setBusy(true);
    try {
      const answer = await sessionApi.login(username.trim(), password);
      setPassword('');
      onAnswer(answer);
    } catch (err) {
      const problems = loginFlowProblems(i18n, err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {notice === 'expired' ? <p className="alert alert--info">{t('login.notice.expired')}</p> : null}
      <div role="status">{notice === 'loggedOut' ? <p className="alert alert--success">{t('login.notice.loggedOut')}</p> : null}</div>
      <form className="narrow-form" noValidate onSubmit={(e) => void submit(e)}>
        <ErrorSummary items={form.summary} focusToken={form.focusToken} />
        {failure ? <ProblemAlert error={failure} /> : null}
        <TextField id="login-username" label={t('login.username')} autoComplete="username" spellCheck={false}
          autoCapitalize="none" value={username} errors={form.errorsFor('username')} onChange={setUsername} />
        <TextField id="login-password" type="password" label={t('login.password')} hint={t('login.passwordHint')}
          autoComplete="current-password" value={password} errors={form.errorsFor('password')} onChange={setPassword} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('login.busy') : t('login.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
