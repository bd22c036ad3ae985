// One organisation in a result list: name (a link to its page), kind, coverage, services, free places.
import { Link } from 'react-router';
import type { Organisation } from '../../api/types';
import { useI18n } from '../../i18n/context';
import { kindLabel, scopeLabel } from './labels';

export function OrgCard({ org, headingLevel = 3 }: { org: Organisation; headingLevel?: 2 | 3 }) {
  const i18n = useI18n();
  const { t } = i18n;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="org-card">
      <Heading className="org-card-title">
        <Link to={`/organisations/${org.id}`}>{org.name}</Link>
      </Heading>
      <p className="org-card-meta">
        <span>{kindLabel(i18n, org.kind)}</span>
        <span>
          {t('org.field.coverage.scope')}: {scopeLabel(i18n, org.coverage.scope)}
        </span>
        {org.free_places !== null ? <span>{t('org.freePlaces', { count: org.free_places })}</span> : null}
        {!org.active ? <span className="badge badge--inactive">{t('org.inactive')}</span> : null}
      </p>
      {org.contact.phone ? (
        <p className="org-card-contact">
          {t('org.field.contact.phone')}: <a href={`tel:${org.contact.phone}`}>{org.contact.phone}</a>
        </p>
      ) : null}
    </li>
  );
}
