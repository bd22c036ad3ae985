// /cases/:id: one case — its code, type, status, the step definitions it follows, its team, and how the
// user has access to it. Opened by break-glass, a banner says so and until when; a case the user may
// not see is "not found", exactly as one that does not exist (the server answers 404 for both).
import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import type { Case, CasePerson } from '../../api/caseTypes';
import type { ChildTrack } from './caseWorkTypes';
import { caseApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { AttachmentsSection } from './AttachmentsSection';
import { CaseClosure } from './CaseClosure';
import { childApi } from './caseWorkApi';
import { ChildTrackSection, MissingChildBanner } from './ChildTrackSection';
import { ClocksSection } from './ClocksSection';
import { ExploitationSection } from './ExploitationSection';
import { caseStatusLabel, caseTypeLabel } from './labels';
import { CaseReferralsSection } from '../referrals/CaseReferralsSection';
import { NotesSection } from './NotesSection';
import { PersonRecordsSection } from './PersonRecordsSection';
import { PersonsSection } from './PersonsSection';
import { ProceedingsSection } from './ProceedingsSection';
import { TasksSection } from './TasksSection';
import { TeamSection } from './TeamSection';
import { TimelineSection } from './TimelineSection';
import { TracksSection } from './TracksSection';
import { useCaseData } from './useCaseWork';
import { useHashTarget } from './useHashTarget';

export function CasePage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { id = '' } = useParams();
  const location = useLocation();
  // A link to a section (/cases/{id}#child-title) lands on it once it has rendered.
  useHashTarget();
  const justCreated = (location.state as { created?: boolean } | null)?.created === true;
  const load = useCallback((signal: AbortSignal) => caseApi.get(id, signal), [id]);
  const { data, error, reload } = useApi(load);
  // A team change answers with the case; it replaces the loaded one until the next load.
  const [changed, setChanged] = useState<Case | null>(null);
  const [message, setMessage] = useState<string | null>(justCreated ? t('case.created') : null);
  const c = changed?.id === id ? changed : data;
  // Any change on the page loads again the parts it may touch (tracks, timeline, clocks, tasks...).
  const [stamp, setStamp] = useState(0);
  const onChanged = (note: string) => {
    setMessage(note);
    setStamp((n) => n + 1);
  };
  const persons = useCaseData(caseApi.persons, id, stamp);
  const child = useCaseData(childApi.get, id, stamp);
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
      <MissingChildBanner alerts={child.data?.alerts ?? []} persons={persons.data?.items ?? []} />
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
      <CaseClosure value={c} editable={!breakGlass}
        onChanged={(next, note) => { setChanged(next); onChanged(note); }} />
      <TeamSection value={c} editable={!breakGlass}
        onChanged={(next, note) => { setChanged(next); setMessage(note); }} />
      <PersonsSection value={c} editable={!breakGlass} onAdded={onChanged} />
      <CaseWork caseId={c.id} stamp={stamp} editable={!breakGlass && c.status === 'open'} team={c.team}
        persons={persons.data?.items ?? []} child={child} onChanged={onChanged} />
    </article>
  );
}

interface WorkProps {
  caseId: string;
  stamp: number;
  editable: boolean;
  team: Case['team'];
  persons: CasePerson[];
  child: ReturnType<typeof useCaseData<ChildTrack>>;
  onChanged: (message: string) => void;
}

/** The case's work below its team and persons: tracks, exploitation, proceedings, clocks, tasks, person records, child track, referrals and consents, notes, timeline. */
function CaseWork({ caseId, stamp, editable, team, persons, child, onChanged }: WorkProps) {
  const common = { caseId, stamp, editable, onChanged };
  return (
    <>
      <TracksSection {...common} />
      <ExploitationSection {...common} />
      <ProceedingsSection {...common} persons={persons} />
      <ClocksSection {...common} persons={persons} />
      <TasksSection {...common} team={team} />
      <PersonRecordsSection {...common} persons={persons} />
      <ChildTrackSection caseId={caseId} data={child.data} error={child.error} reload={child.reload} editable={editable}
        persons={persons} onChanged={onChanged} />
      <CaseReferralsSection {...common} persons={persons} />
      <NotesSection {...common} />
      <AttachmentsSection {...common} />
      <TimelineSection caseId={caseId} stamp={stamp} />
    </>
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
