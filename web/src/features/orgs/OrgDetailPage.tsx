// /organisations/:id: one organisation, with edit and (de)activate.
import { useCallback, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { orgApi } from '../../api/endpoints';
import type { Organisation } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { can } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { OrgDetails } from './OrgDetails';
import type { Flash } from './OrgFormPage';

function flashOf(state: unknown): Flash | null {
  if (typeof state === 'object' && state !== null && 'flash' in state) {
    const f = (state as { flash: unknown }).flash;
    if (f === 'created' || f === 'saved') return f;
  }
  return null;
}

export function OrgDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const load = useCallback((signal: AbortSignal) => orgApi.get(id, signal), [id]);
  const { data, error, reload } = useApi<Organisation>(load);
  // The answer to (de)activate replaces the loaded organisation until the next load.
  const [changed, setChanged] = useState<Organisation | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const manage = can(useSession().state, 'manageOrganisations');
  const org = changed?.id === id && data && changed.version > data.version ? changed : data;
  usePageTitle(org?.name ?? t('org.detail.loading'));

  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!org) return <Loading />;

  const flash = changed ? (changed.active ? 'activated' : 'deactivated') : flashOf(location.state);
  const toggle = async () => {
    setBusy(true);
    setActionError(null);
    try {
      setChanged(await orgApi.setActive(org.id, !org.active, org.version));
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const conflict = isApiError(actionError) && actionError.kind === 'conflict';

  return (
    <article className="org-detail">
      <p className="breadcrumb">
        <Link to="/organisations">{t('org.backToList')}</Link>
      </p>
      <h1>{org.name}</h1>
      <p>
        <span className={org.active ? 'badge badge--active' : 'badge badge--inactive'}>
          {org.active ? t('org.active') : t('org.inactive')}
        </span>
      </p>
      <div role="status">{flash ? <p className="alert alert--success">{t(`org.flash.${flash}`)}</p> : null}</div>
      {conflict ? (
        <div className="alert alert--error" role="alert">
          <p>{t('org.conflict.body')}</p>
          <button type="button" className="button" onClick={() => { setActionError(null); setChanged(null); reload(); }}>
            {t('org.conflict.reload')}
          </button>
        </div>
      ) : actionError ? (
        <ProblemAlert error={actionError} />
      ) : null}
      {manage ? (
        <div className="page-actions">
          <Link to={`/organisations/${org.id}/edit`} className="button">{t('org.edit')}</Link>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void toggle()}>
            {org.active ? t('org.deactivate') : t('org.activate')}
          </button>
        </div>
      ) : null}
      <OrgDetails org={org} />
    </article>
  );
}
