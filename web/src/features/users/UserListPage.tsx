// /users: the accounts an administrator manages, with filters and paging.
import { useCallback, useState, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ROLES, type ManagedUser } from '../../api/accountTypes';
import { userApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { SelectField, TextField } from '../../components/fields';
import { Pagination } from '../../components/Pagination';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser, hasRole } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { paramsFromUserFilters, USER_PAGE_SIZE, userApiQuery, userFiltersFromParams, type UserFilters } from './query';
import { OrganisationPicker } from './OrganisationPicker';
import { roleLabel } from './roleLabels';

export function UserListPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('users.title'));
  const me = activeUser(useSession().state);
  const sysAdmin = me ? hasRole(me, 'system_administrator') : false;
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = userFiltersFromParams(new URLSearchParams(key));
  const load = useCallback(
    (signal: AbortSignal) => userApi.list(userApiQuery(userFiltersFromParams(new URLSearchParams(key))), signal),
    [key],
  );
  const { data, error, reload } = useApi(load);
  const columns: Column<ManagedUser>[] = [
    { id: 'name', header: t('user.field.display_name'), cell: (u) => <Link to={`/users/${u.id}`}>{u.display_name || u.username}</Link> },
    { id: 'username', header: t('user.field.username'), cell: (u) => u.username },
    ...(sysAdmin ? [{ id: 'organisation', header: t('user.field.organisation'), cell: (u: ManagedUser) => u.organisation.name }] : []),
    { id: 'roles', header: t('user.field.roles'), cell: (u) => u.roles.map((r) => roleLabel(i18n, r)).join(', ') },
    {
      id: 'status',
      header: t('user.field.status'),
      cell: (u) => (
        <>
          {u.active ? t('user.active') : t('user.inactive')}
          {u.must_change_password ? <span className="muted"> · {t('user.mustChange')}</span> : null}
        </>
      ),
    },
  ];
  const hrefFor = (page: number) => {
    const s = paramsFromUserFilters({ ...filters, page }).toString();
    return s ? `/users?${s}` : '/users';
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <div className="page-actions">
          <Link to="/users/new" className="button">{t('users.new')}</Link>
        </div>
      </div>
      {me && !sysAdmin ? <p className="lead">{t('users.intro', { organisation: me.organisation.name })}</p> : null}
      <div className="directory-layout">
        <UserFilterForm key={key} filters={filters} showOrganisation={sysAdmin}
          onSearch={(f) => { setParams(paramsFromUserFilters(f)); }} />
        <section className="results" aria-labelledby="results-title">
          <h2 id="results-title">{t('dir.results')}</h2>
          <p role="status" className="results-count">{data ? t('users.count', { count: data.total }) : ''}</p>
          {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
          {!data && !error ? <Loading /> : null}
          {data?.items.length === 0 ? <p>{t('users.none')}</p> : null}
          {data && data.items.length > 0 ? (
            <DataTable caption={t('users.caption')} labelledBy="results-title" columns={columns} rows={data.items}
              rowKey={(u) => u.id} />
          ) : null}
          {data ? <Pagination page={filters.page} pages={Math.ceil(data.total / USER_PAGE_SIZE)} hrefFor={hrefFor} /> : null}
        </section>
      </div>
    </>
  );
}

function UserFilterForm({ filters, showOrganisation, onSearch }: { filters: UserFilters; showOrganisation: boolean; onSearch: (f: UserFilters) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<UserFilters>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onSearch({ ...draft, page: 0 });
  };
  return (
    <search className="filters" aria-labelledby="user-filters-title">
      <h2 id="user-filters-title">{t('dir.filters')}</h2>
      <form onSubmit={submit}>
        <TextField id="users-q" label={t('dir.q')} hint={t('users.qHint')} type="search" value={draft.q}
          onChange={(q) => { set({ q }); }} />
        {showOrganisation ? (
          <OrganisationPicker id="users-organisation" label={t('user.field.organisation')} hint={t('users.organisationHint')}
            value={draft.organisation} onChange={(o) => { set({ organisation: o?.id ?? '' }); }} />
        ) : null}
        <SelectField id="users-role" label={t('user.field.role')} value={draft.role}
          options={[{ value: '', label: t('users.allRoles') }, ...ROLES.map((r) => ({ value: r, label: roleLabel(i18n, r) }))]}
          onChange={(role) => { set({ role }); }} />
        <SelectField id="users-active" label={t('dir.active')} value={draft.active}
          options={[
            { value: '', label: t('dir.active.all') },
            { value: 'true', label: t('users.active.true') },
            { value: 'false', label: t('users.active.false') },
          ]}
          onChange={(active) => { set({ active: active as UserFilters['active'] }); }} />
        <div className="form-actions">
          <button type="submit" className="button">{t('dir.search')}</button>
          <Link to="/users" className="button button--secondary">{t('dir.clear')}</Link>
        </div>
      </form>
    </search>
  );
}
