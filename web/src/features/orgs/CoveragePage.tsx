// /coverage: who covers municipality X (for service Y)? Active organisations only.
import { useCallback, useState, type SubmitEvent } from 'react';
import { useSearchParams } from 'react-router';
import { loadServices } from '../../api/cache';
import { orgApi } from '../../api/endpoints';
import type { CoverageAnswer } from '../../api/types';
import { useApi } from '../../api/useApi';
import { SelectField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { MunicipalityPicker } from '../geo/MunicipalityPicker';
import { OrgCard } from './OrgCard';
import { serviceName } from './labels';

function CoverageResult({ municipality, service }: { municipality: string; service: string }) {
  const { t, lang } = useI18n();
  const load = useCallback(
    (signal: AbortSignal) => orgApi.coverage(municipality, service || undefined, signal),
    [municipality, service],
  );
  const { data, error, reload } = useApi<CoverageAnswer>(load);
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const region = lang === 'en' ? data.police_region.name_en : data.police_region.name;
  return (
    <section aria-labelledby="coverage-result-title">
      <h2 id="coverage-result-title">{t('coverage.resultTitle', { municipality: data.municipality.name })}</h2>
      <p>{t('coverage.place', { county: data.county.name, region })}</p>
      <p role="status">{t('coverage.count', { count: data.items.length })}</p>
      {data.items.length ? (
        <ul className="org-list">
          {data.items.map((o) => (
            <OrgCard key={o.id} org={o} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function CoveragePage() {
  const { t, lang } = useI18n();
  usePageTitle(t('coverage.title'));
  const [params, setParams] = useSearchParams();
  const municipality = params.get('municipality') ?? '';
  const service = params.get('service') ?? '';
  const [draft, setDraft] = useState({ municipality, service });
  const [missing, setMissing] = useState(false);
  const { data: services } = useApi(loadServices);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setMissing(!draft.municipality);
    if (!draft.municipality) return;
    const next = new URLSearchParams({ municipality: draft.municipality });
    if (draft.service) next.set('service', draft.service);
    setParams(next);
  };

  return (
    <>
      <h1>{t('coverage.title')}</h1>
      <p className="lead">{t('coverage.intro')}</p>
      <search aria-label={t('coverage.title')}>
        <form className="coverage-form" noValidate onSubmit={submit}>
          <MunicipalityPicker id="coverage-municipality" label={t('coverage.municipality')}
            hint={t('dir.municipalityHint')} errors={missing ? [t('coverage.municipalityMissing')] : undefined}
            value={draft.municipality} onChange={(m) => { setDraft((d) => ({ ...d, municipality: m })); }} />
          <SelectField id="coverage-service" label={t('coverage.service')} value={draft.service}
            options={[{ value: '', label: t('dir.allServices') }, ...(services?.items ?? []).map((s) => ({ value: s.code, label: serviceName(s, lang) }))]}
            onChange={(s) => { setDraft((d) => ({ ...d, service: s })); }} />
          <div className="form-actions">
            <button type="submit" className="button">{t('coverage.submit')}</button>
          </div>
        </form>
      </search>
      {municipality ? <CoverageResult municipality={municipality} service={service} /> : null}
    </>
  );
}
