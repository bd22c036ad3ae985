// The facts about one organisation as a description list.
import { loadServices } from '../../api/cache';
import type { Organisation } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/context';
import { regionLabel } from '../geo/RegionLegend';
import { useGeoReference } from '../geo/useGeoReference';
import { ageLabel, genderLabel, kindLabel, scopeLabel, serviceName } from './labels';
import { useLanguageNames } from './useLanguageNames';

function useCoverageNames(org: Organisation): string[] {
  const { lang } = useI18n();
  const { geo } = useGeoReference();
  return org.coverage.codes.map((code) => {
    if (!geo) return code;
    switch (org.coverage.scope) {
      case 'police_regions': {
        const r = geo.region(code);
        return r ? regionLabel(r, lang) : code;
      }
      case 'counties':
        return geo.county(code)?.name ?? code;
      default:
        return geo.municipality(code)?.name ?? code;
    }
  });
}

export function OrgDetails({ org }: { org: Organisation }) {
  const i18n = useI18n();
  const { t, lang, formatDate, formatDateTime } = i18n;
  const { data: services } = useApi(loadServices);
  const languageName = useLanguageNames(org.languages, lang);
  const coverage = useCoverageNames(org);
  const serviceLabel = (code: string) => {
    const s = services?.items.find((x) => x.code === code);
    return s ? serviceName(s, lang) : code;
  };
  const none = <span className="muted">{t('org.none')}</span>;
  const c = org.contact;

  return (
    <dl className="details">
      <dt>{t('org.field.kind')}</dt>
      <dd>
        {kindLabel(i18n, org.kind)}
        {org.public_authority ? ` (${t('org.publicAuthority')})` : ''}
      </dd>
      <dt>{t('org.field.contact.phone')}</dt>
      <dd>{c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : none}</dd>
      <dt>{t('org.field.contact.email')}</dt>
      <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : none}</dd>
      <dt>{t('org.field.contact.website')}</dt>
      <dd>{c.website ? <a href={c.website} rel="noopener noreferrer">{c.website}</a> : none}</dd>
      <dt>{t('org.field.contact.postal_address')}</dt>
      <dd className="pre-line">{c.postal_address || none}</dd>
      <dt>{t('org.field.coverage.scope')}</dt>
      <dd>
        {scopeLabel(i18n, org.coverage.scope)}
        {coverage.length ? `: ${coverage.join(', ')}` : ''}
      </dd>
      <dt>{t('org.field.services')}</dt>
      <dd>{org.services.length ? org.services.map(serviceLabel).join(', ') : none}</dd>
      <dt>{t('org.field.languages')}</dt>
      <dd>{org.languages.length ? org.languages.map(languageName).join(', ') : none}</dd>
      <dt>{t('org.field.capacity')}</dt>
      <dd>
        {org.capacity.length ? (
          <ul className="plain-list">
            {org.capacity.map((e) => (
              <li key={`${e.gender}-${e.age_group}`}>
                {t('org.capacity.entry', { gender: genderLabel(i18n, e.gender), age: ageLabel(i18n, e.age_group), places: e.places })}
              </li>
            ))}
          </ul>
        ) : none}
      </dd>
      <dt>{t('org.occupancy')}</dt>
      <dd>
        {org.occupancy
          ? t('org.occupancy.value', { occupied: org.occupancy.occupied, date: formatDate(org.occupancy.reported_on) })
          : none}
        {org.free_places !== null ? ` – ${t('org.freePlaces', { count: org.free_places })}` : ''}
      </dd>
      <dt>{t('org.field.protected_address')}</dt>
      <dd>{org.has_protected_address ? t('org.protected.stored') : t('org.protected.none')}</dd>
      <dt>{t('org.updated')}</dt>
      <dd>{t('org.updatedValue', { date: formatDateTime(org.updated_at), version: org.version })}</dd>
    </dl>
  );
}
