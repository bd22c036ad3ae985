// The services an organisation offers, as checkboxes from the service catalogue.
import { loadServices } from '../../api/cache';
import { useApi } from '../../api/useApi';
import { CheckboxList, describedBy, FieldGroup } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { fieldDomId } from './fieldErrors';
import type { SectionProps } from './formTypes';
import { serviceName } from './labels';

export function ServicesField({ state, update, errorsFor }: SectionProps) {
  const { t, lang } = useI18n();
  const { data, error, reload } = useApi(loadServices);
  const id = fieldDomId('services');
  const errors = errorsFor('services');
  return (
    <section className="form-section" aria-labelledby="org-services-title">
      <h2 id="org-services-title">{t('org.section.services')}</h2>
      <FieldGroup id={id} label={t('org.field.services')} errors={errors}>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!error && !data ? <Loading /> : null}
      {data ? (
        <CheckboxList
          idPrefix={id}
          options={data.items.map((s) => ({ value: s.code, label: serviceName(s, lang) }))}
          selected={state.services}
          describedBy={describedBy(id, undefined, errors)}
          onChange={(services) => {
            update({ services });
          }}
        />
      ) : null}
      </FieldGroup>
    </section>
  );
}
