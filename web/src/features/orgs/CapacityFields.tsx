// Capacity rows (places per gender and age group) and the latest reported occupancy.
import { AGE_GROUPS, GENDERS, type AgeGroup, type Gender } from '../../api/types';
import { CheckboxField, FieldGroup, SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { fieldDomId } from './fieldErrors';
import { newCapacityRow, type CapacityRow } from './formModel';
import type { SectionProps } from './formTypes';
import { ageLabel, genderLabel } from './labels';

export function CapacityFields({ state, update, errorsFor }: SectionProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const rows = state.capacity;
  const setRow = (index: number, patch: Partial<CapacityRow>) => {
    update({ capacity: rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  };
  const today = new Date().toISOString().slice(0, 10);

  return (
    <fieldset className="form-section">
      <legend>
        <h2>{t('org.section.capacity')}</h2>
      </legend>
      <FieldGroup id={fieldDomId('capacity')} label={t('org.field.capacity')} hint={t('org.capacity.hint')} errors={errorsFor('capacity')}>
        {rows.map((row, i) => {
          const rowKey = `capacity.${i}` as const;
          return (
            <FieldGroup key={row.key} id={fieldDomId(rowKey)} label={t('org.capacity.row', { n: i + 1 })} errors={errorsFor(rowKey)} className="capacity-row">
              <SelectField
                id={fieldDomId(`capacity.${i}.gender`)}
                label={t('org.capacity.gender')}
                value={row.gender}
                errors={errorsFor(`capacity.${i}.gender`)}
                options={GENDERS.map((g) => ({ value: g, label: genderLabel(i18n, g) }))}
                onChange={(v) => {
                  setRow(i, { gender: v as Gender });
                }}
              />
              <SelectField
                id={fieldDomId(`capacity.${i}.age_group`)}
                label={t('org.capacity.age_group')}
                value={row.age_group}
                errors={errorsFor(`capacity.${i}.age_group`)}
                options={AGE_GROUPS.map((a) => ({ value: a, label: ageLabel(i18n, a) }))}
                onChange={(v) => {
                  setRow(i, { age_group: v as AgeGroup });
                }}
              />
              <TextField
                id={fieldDomId(`capacity.${i}.places`)}
                label={t('org.capacity.places')}
                inputMode="numeric"
                className="field--narrow"
                value={row.places}
                errors={errorsFor(`capacity.${i}.places`)}
                onChange={(v) => {
                  setRow(i, { places: v });
                }}
              />
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  update({ capacity: rows.filter((_, j) => j !== i) });
                }}
              >
                {t('org.capacity.remove', { n: i + 1 })}
              </button>
            </FieldGroup>
          );
        })}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            update({ capacity: [...rows, newCapacityRow()] });
          }}
        >
          {t('org.capacity.add')}
        </button>
      </FieldGroup>

      <CheckboxField
        id="org-occupancy-reported"
        label={t('org.occupancy.reported')}
        hint={t('org.occupancy.hint')}
        checked={state.occupancyReported}
        onChange={(v) => {
          update({ occupancyReported: v });
        }}
      />
      {state.occupancyReported ? (
        <div className="field-row">
          <TextField
            id={fieldDomId('occupancy.occupied')}
            label={t('org.field.occupancy.occupied')}
            inputMode="numeric"
            className="field--narrow"
            value={state.occupied}
            errors={errorsFor('occupancy.occupied')}
            onChange={(v) => {
              update({ occupied: v });
            }}
          />
          <TextField
            id={fieldDomId('occupancy.reported_on')}
            label={t('org.field.occupancy.reported_on')}
            type="date"
            max={today}
            value={state.reportedOn}
            errors={errorsFor('occupancy.reported_on')}
            onChange={(v) => {
              update({ reportedOn: v });
            }}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
