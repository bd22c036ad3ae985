// Coverage: national, or a list of police regions, counties or municipalities.
import { COVERAGE_SCOPES, type CoverageScope } from '../../api/types';
import { CheckboxList, describedBy, FieldGroup } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { MunicipalitiesPicker } from '../geo/MunicipalityPicker';
import { regionLabel } from '../geo/RegionLegend';
import { useGeoReference } from '../geo/useGeoReference';
import { fieldDomId } from './fieldErrors';
import type { SectionProps } from './formTypes';
import { scopeLabel } from './labels';

export function CoverageFields({ state, update, errorsFor }: SectionProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { geo, error, reload } = useGeoReference();
  const scopeId = fieldDomId('coverage.scope');
  const codesId = fieldDomId('coverage.codes');
  const codeErrors = errorsFor('coverage.codes');

  const setScope = (scope: CoverageScope) => {
    update({ scope, codes: [] });
  };

  let codes = null;
  if (state.scope === 'national') {
    codes = <p className="muted">{t('org.coverage.nationalHint')}</p>;
  } else if (state.scope === 'municipalities') {
    codes = (
      <MunicipalitiesPicker
        id={codesId}
        label={t('org.coverage.municipalities')}
        hint={t('org.coverage.municipalitiesHint')}
        errors={codeErrors}
        value={state.codes}
        onChange={(c) => {
          update({ codes: c });
        }}
      />
    );
  } else if (geo) {
    const options =
      state.scope === 'police_regions'
        ? geo.regions.map((r) => ({ value: r.id, label: regionLabel(r, lang) }))
        : geo.counties.map((c) => ({ value: c.code, label: c.name }));
    codes = (
      <FieldGroup id={codesId} label={scopeLabel(i18n, state.scope)} errors={codeErrors}>
        <CheckboxList
          idPrefix={codesId}
          options={options}
          selected={state.codes}
          describedBy={describedBy(codesId, undefined, codeErrors)}
          onChange={(c) => {
            update({ codes: c });
          }}
        />
      </FieldGroup>
    );
  }

  return (
    <fieldset className="form-section">
      <legend>
        <h2>{t('org.section.coverage')}</h2>
      </legend>
      <FieldGroup id={scopeId} label={t('org.field.coverage.scope')} errors={errorsFor('coverage.scope')}>
        <ul className="radio-list">
          {COVERAGE_SCOPES.map((s) => (
            <li key={s}>
              <input
                id={`${scopeId}-${s}`}
                type="radio"
                name="coverage-scope"
                value={s}
                checked={state.scope === s}
                onChange={() => {
                  setScope(s);
                }}
              />
              <label htmlFor={`${scopeId}-${s}`}>{scopeLabel(i18n, s)}</label>
            </li>
          ))}
        </ul>
      </FieldGroup>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : codes}
    </fieldset>
  );
}
