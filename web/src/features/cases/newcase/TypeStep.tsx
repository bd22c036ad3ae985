// Step 1: what kind of situation it is. Each type of case in plain words, and help for someone who
// cannot tell them apart: when in doubt, trafficking in human beings, and the hotline can advise.
import { CASE_TYPES } from '../../../api/caseTypes';
import { FieldGroup } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import { caseTypeExplanation, caseTypeLabel } from '../labels';
import type { StepProps } from './stepProps';

export function TypeStep({ draft, set, errorsFor, progress }: StepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  if (progress.caseId) {
    return <p className="alert alert--info">{t('guide.type.locked', { code: progress.caseCode ?? '', type: caseTypeLabel(i18n, draft.caseType) })}</p>;
  }
  return (
    <>
      <p>{t('guide.type.intro')}</p>
      <FieldGroup id="guide-type" label={t('guide.type.question')} errors={errorsFor('type')}>
        <ul className="choice-list">
          {CASE_TYPES.map((c) => (
            <li key={c}>
              <input id={`guide-type-${c}`} type="radio" name="guide-type" value={c} checked={draft.caseType === c}
                aria-describedby={`guide-type-${c}-explain`} onChange={() => { set({ caseType: c }); }} />
              <div>
                <label htmlFor={`guide-type-${c}`}>{caseTypeLabel(i18n, c)}</label>
                <p id={`guide-type-${c}-explain`} className="field-hint">{caseTypeExplanation(i18n, c)}</p>
              </div>
            </li>
          ))}
        </ul>
      </FieldGroup>
      <section aria-labelledby="guide-type-help">
        <h3 id="guide-type-help">{t('guide.type.help.title')}</h3>
        <ul>
          <li>{t('guide.type.help.moved')}</li>
          <li>{t('guide.type.help.exploited')}</li>
          <li>{t('guide.type.help.child')}</li>
          <li>{t('guide.type.help.prostitution')}</li>
          <li>{t('guide.type.help.unsure')}</li>
        </ul>
      </section>
    </>
  );
}
