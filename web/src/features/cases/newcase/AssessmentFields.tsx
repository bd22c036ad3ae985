// The presumed-victim assessment in the guide: optional now (it can wait until more is known), and
// when made, a conclusion with its grounds. It is a professional judgement, not a sum of indicators.
import { CheckboxField, TextAreaField } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import { ChoiceGroup } from './ChoiceGroup';
import type { StepProps } from './stepProps';

const CONCLUSIONS = ['presumed_victim', 'not_presumed_victim', 'undetermined'] as const;

export function AssessmentFields({ draft: d, set, errorsFor, progress }: StepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="form-section" aria-labelledby="guide-assessment-title">
      <h3 id="guide-assessment-title">{t('guide.assessment.title')}</h3>
      <p>{t('guide.assessment.intro')}</p>
      {progress.done.includes('assessment') ? <p className="alert alert--info">{t('guide.assessment.locked')}</p> : (
        <>
          <CheckboxField id="guide-assess" label={t('guide.assessment.now')} checked={d.assess}
            onChange={(assess) => { set({ assess }); }} />
          {d.assess ? (
            <>
              <ChoiceGroup id="guide-conclusion" label={t('assessment.field.conclusion')} value={d.conclusion}
                errors={errorsFor('conclusion')} onChange={(conclusion) => { set({ conclusion }); }}
                choices={CONCLUSIONS.map((c) => ({
                  value: c, label: i18n.tDynamic(`assessment.conclusion.${c}`, c),
                  explain: i18n.tDynamic(`assessment.conclusion.${c}.explain`, ''),
                }))} />
              <TextAreaField id="guide-grounds" label={t('assessment.field.grounds')} hint={t('guide.assessment.grounds.hint')}
                required value={d.grounds} errors={errorsFor('grounds')} onChange={(grounds) => { set({ grounds }); }} />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
