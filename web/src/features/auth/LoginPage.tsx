// /login: the whole login flow on one page — password, TOTP or recovery code, and at first login (or after an
// administrator's reset) the password change, TOTP enrolment and new recovery codes — then on to the
// page the user wanted (?next=).
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { EnrolmentConfirmed, LoginAnswer, Stage } from '../../api/accountTypes';
import { Loading } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/sv';
import { ChangePasswordForm } from './ChangePasswordForm';
import { CredentialsStep } from './CredentialsStep';
import { EnrolTotpStep } from './EnrolTotpStep';
import { SessionCheckFailed } from './guards';
import { initialStep, loginReducer, type LoginStep } from './loginMachine';
import { safeNext } from './next';
import { RecoveryCodesStep } from './RecoveryCodesStep';
import { useSession } from './sessionState';
import { TotpStep } from './TotpStep';

const TITLE: Record<LoginStep['step'], MessageKey> = {
  credentials: 'login.title',
  totp: 'totp.title',
  change_password: 'password.firstTitle',
  enrol_totp: 'enrol.title',
  recovery_codes: 'recovery.title',
  done: 'login.title',
};

const INTRO: Partial<Record<LoginStep['step'], MessageKey>> = {
  totp: 'totp.intro',
  change_password: 'password.firstIntro',
  enrol_totp: 'enrol.intro',
};

export function LoginPage() {
  const { state, reload } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <SessionCheckFailed error={state.error} onRetry={reload} />;
  return <LoginFlow next={next} />;
}

function LoginFlow({ next }: { next: string }) {
  const { t, lang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [step, dispatch] = useReducer(loginReducer, undefined, () => initialStep(session.state));
  usePageTitle(t(TITLE[step.step]));

  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step.step);
  useEffect(() => {
    // Each new step is announced by moving focus to its heading, as a new page would be.
    if (shown.current !== step.step) heading.current?.focus();
    shown.current = step.step;
    if (step.step === 'done') void navigate(next, { replace: true });
  }, [step.step, next, navigate]);

  const { signedIn, setStage, forget } = session;
  const answered = useCallback((a: LoginAnswer) => {
    signedIn(a);
    dispatch({ type: 'stage', stage: a.stage });
  }, [signedIn]);
  const stageChanged = useCallback((stage: Stage) => {
    setStage(stage);
    dispatch({ type: 'stage', stage });
  }, [setStage]);
  const enrolled = useCallback((a: EnrolmentConfirmed) => {
    // The session stays "enrolling" here until the codes are saved, so the app waits for that.
    dispatch({ type: 'enrolled', codes: a.recovery_codes, stage: a.stage });
  }, []);
  const expired = useCallback(() => {
    forget();
    dispatch({ type: 'expired' });
  }, [forget]);
  const restart = useCallback(() => {
    forget();
    dispatch({ type: 'restart' });
  }, [forget]);

  const username = session.state.status === 'signed-in' ? session.state.user.username : '';
  const intro = INTRO[step.step];
  return (
    <div className="login">
      <h1 ref={heading} tabIndex={-1}>{t(TITLE[step.step])}</h1>
      {intro ? <p className="lead">{t(intro)}</p> : null}
      {step.step === 'credentials' ? <CredentialsStep notice={step.notice} onAnswer={answered} /> : null}
      {step.step === 'totp' ? (
        <TotpStep recovery={step.recovery} onAnswer={answered} onToggle={() => { dispatch({ type: 'toggleRecovery' }); }}
          onExpired={expired} onRestart={restart} />
      ) : null}
      {step.step === 'change_password' ? (
        <ChangePasswordForm inLoginFlow onDone={stageChanged} onExpired={expired} submitLabel={t('password.submit')} />
      ) : null}
      {step.step === 'enrol_totp' ? <EnrolTotpStep onEnrolled={enrolled} onExpired={expired} /> : null}
      {step.step === 'recovery_codes' ? (
        <RecoveryCodesStep codes={step.codes} username={username}
          onSaved={() => { setStage(step.then); dispatch({ type: 'codesSaved' }); }} />
      ) : null}
      {step.step === 'done' ? <Loading /> : null}
      {step.step === 'credentials' ? (
        <p className="login-help"><Link to={lang === 'en' ? '/help' : '/hjalp'}>{t('login.helpLink')}</Link></p>
      ) : null}
    </div>
  );
}
