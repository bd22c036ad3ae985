// /cases/:id: one case — its code, type, status, the step definitions it follows, its team, and how the
// user has access to it. Opened by break-glass, a banner says so and until when; a case the user may
// not see is "not found", exactly as one that does not exist (the server answers 404 for both).
import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { Case } from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { caseStatusLabel, caseTypeLabel } from './labels';
import { PersonsSection } from './PersonsSection';
import { TeamSection } from './TeamSection';

export function CasePage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { id = '' } = useParams();
  const location = useLocation();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const load = useCallback((signal: AbortSignal) => caseApi.get(id, signal), [id]);
  const { data, error, reload } = useApi(load);
  // A team change answers with the case; it replaces the loaded one until the next load.
  const [changed, setChanged] = useState<Case | null>(null);
  const [message, setMessage] = useState<string | null>(justCreated ? t('case.created') : null);
  const c = changed?.id === id ? changed : data;
  const notFound = isApiError(error) && error.kind === 'not-found';
  usePageTitle(c ? c.code : notFound ? t('case.notFound.title') : t('case.loading'));

  if (notFound) return <CaseNotFound />;
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!c) return <Loading />;
  const breakGlass = c.access === 'break_glass';

  return (
    <article>
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.back')}</Link>
      </p>
      <h1>{t('case.heading', { code: c.code })}</h1>
      {breakGlass ? (
        <div className="alert alert--warning break-glass-banner" role="note" aria-labelledby="break-glass-banner-title">
          <h2 id="break-glass-banner-title">{t('case.breakGlass.title')}</h2>
          <p>
            {c.break_glass_expires_at
              ? t('case.breakGlass.until', { time: formatDateTime(c.break_glass_expires_at) })
              : t('case.breakGlass.session')}
          </p>
          <p>{t('case.breakGlass.logged')}</p>
        </div>
      ) : null}
      <StatusMessage message={message} />
      <dl className="details">
        <dt>{t('case.field.code')}</dt>
        <dd>{c.code}</dd>
        <dt>{t('case.field.type')}</dt>
        <dd>{caseTypeLabel(i18n, c.type)}</dd>
        <dt>{t('case.field.status')}</dt>
        <dd>{caseStatusLabel(i18n, c.status)}</dd>
        <dt>{t('case.field.stepsVersion')}</dt>
        <dd>{c.steps_version}</dd>
        <dt>{t('case.field.created')}</dt>
        <dd>{formatDateTime(c.created_at)}</dd>
        <dt>{t('case.field.updated')}</dt>
        <dd>{formatDateTime(c.updated_at)}</dd>
        <dt>{t('case.field.access')}</dt>
        <dd>{breakGlass ? t('case.access.break_glass') : t('case.access.team')}</dd>
      </dl>
      <TeamSection value={c} editable={!breakGlass}
        onChanged={(next, note) => { setChanged(next); setMessage(note); }} />
      <PersonsSection value={c} editable={!breakGlass} onAdded={setMessage} />
    </article>
  );
}

function CaseNotFound() {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('case.notFound.title')}</h1>
      <p>{t('case.notFound.body')}</p>
      <p>
        <Link to="/cases">{t('cases.back')}</Link>
      </p>
    </>
  );
}
