// The directory's search form; its draft only reaches the URL (and so the search) on submit.
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { loadServices } from '../../api/cache';
import { ORGANISATION_KINDS, type ActiveFilter } from '../../api/types';
import { useApi } from '../../api/useApi';
import { SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { MunicipalityPicker } from '../geo/MunicipalityPicker';
import { kindLabel, serviceName } from './labels';
import type { DirectoryFilters } from './query';

interface Props {
  filters: DirectoryFilters;
  onSearch: (filters: DirectoryFilters) => void;
}

export function OrgFilters({ filters, onSearch }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [draft, setDraft] = useState(filters);
  const { data: services } = useApi(loadServices);
  const set = (patch: Partial<DirectoryFilters>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    onSearch({ ...draft, page: 0 });
  };

  return (
    <search className="filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('dir.filters')}</h2>
      <form onSubmit={submit}>
        <TextField id="filter-q" label={t('dir.q')} hint={t('dir.qHint')} type="search" value={draft.q}
          onChange={(q) => { set({ q }); }} />
        <SelectField id="filter-kind" label={t('dir.kind')} value={draft.kind}
          options={[{ value: '', label: t('dir.allKinds') }, ...ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(i18n, k) }))]}
          onChange={(kind) => { set({ kind }); }} />
        <MunicipalityPicker id="filter-municipality" label={t('dir.municipality')} hint={t('dir.municipalityHint')}
          value={draft.municipality} onChange={(municipality) => { set({ municipality }); }} />
        <SelectField id="filter-service" label={t('dir.service')} value={draft.service}
          options={[{ value: '', label: t('dir.allServices') }, ...(services?.items ?? []).map((s) => ({ value: s.code, label: serviceName(s, lang) }))]}
          onChange={(service) => { set({ service }); }} />
        <SelectField id="filter-active" label={t('dir.active')} value={draft.active}
          options={[
            { value: 'true', label: t('dir.active.true') },
            { value: 'false', label: t('dir.active.false') },
            { value: 'all', label: t('dir.active.all') },
          ]}
          onChange={(active) => { set({ active: active as ActiveFilter }); }} />
        <div className="form-actions">
          <button type="submit" className="button">{t('dir.search')}</button>
          <Link to="/organisations" className="button button--secondary">{t('dir.clear')}</Link>
        </div>
      </form>
    </search>
  );
}
