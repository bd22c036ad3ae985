// /organisations/new and /organisations/:id/edit: load, then hand over to OrgForm.
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router';
import { orgApi } from '../../api/endpoints';
import type { Organisation, OrganisationInput } from '../../api/types';
import { useApi } from '../../api/useApi';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { emptyForm, fromOrganisation } from './formModel';
import { OrgForm } from './OrgForm';

export type Flash = 'created' | 'saved';

export function CreateOrgPage() {
  const { t } = useI18n();
  usePageTitle(t('org.create.title'));
  const navigate = useNavigate();
  const create = async (input: OrganisationInput) => {
    const org = await orgApi.create(input);
    void navigate(`/organisations/${org.id}`, { state: { flash: 'created' satisfies Flash } });
  };
  return (
    <>
      <h1>{t('org.create.title')}</h1>
      <p className="lead">{t('org.form.intro')}</p>
      <OrgForm mode="create" initial={emptyForm()} hasProtectedAddress={false} cancelTo="/organisations" onSubmit={create} />
    </>
  );
}

export function EditOrgPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const load = useCallback((signal: AbortSignal) => orgApi.get(id, signal), [id]);
  const { data: org, error, reload } = useApi<Organisation>(load);
  usePageTitle(org ? t('org.edit.title', { name: org.name }) : t('org.edit.titleLoading'));

  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!org) return <Loading />;
  const save = async (input: OrganisationInput) => {
    await orgApi.update(org.id, { ...input, version: org.version });
    void navigate(`/organisations/${org.id}`, { state: { flash: 'saved' satisfies Flash } });
  };
  return (
    <>
      <h1>{t('org.edit.title', { name: org.name })}</h1>
      <p className="lead">{t('org.form.intro')}</p>
      <OrgForm
        key={`${org.id}:${org.version}`}
        mode="edit"
        initial={fromOrganisation(org)}
        hasProtectedAddress={org.has_protected_address}
        cancelTo={`/organisations/${org.id}`}
        onSubmit={save}
        onReload={reload}
      />
    </>
  );
}
