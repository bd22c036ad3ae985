// /statistics/admin: the national unit's statisticians publish a year (again: a revision, compared cell
// by cell with the last release) after a confirmation that says what publishing does, and import the
// official crime figures as a CSV file, seeing every line the server refuses. The release log below.
import { useCallback, useId, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/useApi';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { NoAccessPage } from '../auth/guards';
import { useSession } from '../auth/sessionState';
import { mayManageStatistics } from './access';
import { ProblemList } from './ProblemList';
import { importCrimeFigures, statisticsApi } from './statisticsApi';
import './statistics.css';

const loadReleases = (signal: AbortSignal) => statisticsApi.releases(undefined, signal);

export function AdminPage() {
  const { t } = useI18n();
  usePageTitle(t('stats.admin.title'));
  const user = activeUser(useSession().state);
  if (!user || !mayManageStatistics(user)) return <NoAccessPage />;
  return (
    <>
      <p className="breadcrumb"><Link to="/statistics">{t('stats.title')}</Link></p>
      <h1>{t('stats.admin.title')}</h1>
      <ReleaseSection />
      <ImportSection />
    </>
  );
}

function ReleaseSection() {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const releases = useApi(loadReleases);
  const [year, setYear] = useState(() => String(new Date().getFullYear() - 1));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const published = (releases.data?.items ?? []).filter((r) => String(r.year) === year);
  const publish = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const answer = await statisticsApi.publish(Number(year));
      setDone(t('stats.admin.published', { year: answer.year, release: answer.release, tables: answer.tables }));
      releases.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const valid = /^\d{4}$/.test(year);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('stats.admin.publishTitle')}</h2>
      <p>{t('stats.admin.publishIntro')}</p>
      <div className="field field--narrow">
        <label className="field-label" htmlFor={`${id}-year`}>{t('stats.choice.year')}</label>
        <input id={`${id}-year`} type="text" inputMode="numeric" autoComplete="off" value={year}
          onChange={(e) => { setYear(e.target.value.trim()); }} />
      </div>
      {valid ? (
        <ConfirmButton label={published.length ? t('stats.admin.revise', { year }) : t('stats.admin.publish', { year })}
          question={published.length
            ? t('stats.admin.reviseQuestion', { year, release: published.length + 1 })
            : t('stats.admin.publishQuestion', { year })}
          confirmLabel={t('stats.admin.confirm')} onConfirm={publish} busy={busy} />
      ) : <p className="field-error">{t('stats.admin.yearFormat')}</p>}
      <StatusMessage message={done} />
      {error ? <ProblemList error={error} scope="stats.admin" title={t('stats.admin.publishProblem')} /> : null}
      <h3>{t('stats.admin.log')}</h3>
      {releases.error ? <ProblemAlert error={releases.error} onRetry={releases.reload} /> : null}
      {releases.loading && !releases.error ? <Loading /> : null}
      {releases.data ? (
        releases.data.items.length ? (
          <ul>
            {releases.data.items.map((r) => (
              <li key={`${r.year}-${r.number}`}>
                {t('stats.admin.logItem', { year: r.year, release: r.number, tables: r.tables, date: i18n.formatDateTime(r.published_at), by: r.by_organisation })}
              </li>
            ))}
          </ul>
        ) : <p className="muted">{t('stats.admin.noReleases')}</p>
      ) : null}
    </section>
  );
}

function ImportSection() {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = useCallback(async (e: SubmitEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const answer = await importCrimeFigures(file);
      setDone(t('stats.admin.imported', { count: answer.imported, years: answer.years.join(', ') }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, [file, t]);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('stats.admin.importTitle')}</h2>
      <p>{t('stats.admin.importIntro')}</p>
      <form onSubmit={(e) => { void submit(e); }}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-file`}>{t('stats.admin.file')}</label>
          <p className="field-hint" id={`${id}-hint`}>{t('stats.admin.fileHint')}</p>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint`}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); }} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={!file || busy}>{t('stats.admin.import')}</button>
        </div>
      </form>
      <StatusMessage message={done} />
      {error ? <ProblemList error={error} scope="stats.import" title={t('stats.admin.importProblem')} /> : null}
    </section>
  );
}
