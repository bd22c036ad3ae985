// Step 4: what to do next, made from the answers so far. For a child the report of concern comes
// first: if it has been made, its date and the municipality it went to are recorded with the case.
import type { Municipality } from '../../../api/types';
import { SelectField, TextField } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import { ChoiceGroup } from './ChoiceGroup';
import { nextSteps, nextStepsInput } from './nextSteps';
import { NextStepsList } from './NextStepsList';
import type { StepProps } from './stepProps';

export function NextStepsStep(p: StepProps & { municipalities: readonly Municipality[] }) {
  const { draft: d, set, errorsFor, child, today, progress } = p;
  const i18n = useI18n();
  const { t } = i18n;
  const steps = nextSteps(nextStepsInput(d, today));
  return (
    <>
      <p>{t('guide.next.intro')}</p>
      {child ? (
        <section className="form-section" aria-labelledby="guide-report-title">
          <h3 id="guide-report-title">{t('guide.report.title')}</h3>
          <p>{t('guide.report.intro')}</p>
          {progress.done.includes('report') ? <p className="alert alert--info">{t('guide.report.locked')}</p> : (
            <>
              <ChoiceGroup id="guide-report" label={t('guide.report.question')} value={d.report}
                choices={(['made', 'not_yet'] as const).map((v) => ({ value: v, label: i18n.tDynamic(`guide.report.${v}`, v) }))}
                onChange={(v) => { set({ report: v as typeof d.report, reportOn: d.reportOn || today }); }} />
              {d.report === 'made' ? (
                <>
                  <TextField id="guide-report-on" label={t('guide.report.on')} type="date" required max={today} value={d.reportOn}
                    errors={errorsFor('on')} onChange={(reportOn) => { set({ reportOn }); }} />
                  <SelectField id="guide-report-municipality" label={t('guide.report.municipality')} required
                    value={d.reportMunicipality} errors={errorsFor('municipality')}
                    options={[{ value: '', label: t('work.choose') }, ...p.municipalities.map((m) => ({ value: m.code, label: m.name }))]}
                    onChange={(reportMunicipality) => { set({ reportMunicipality }); }} />
                </>
              ) : null}
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby="guide-checklist-title">
        <h3 id="guide-checklist-title">{t('guide.next.checklist')}</h3>
        <NextStepsList steps={steps} caseId={null} headingLevel={4} />
      </section>
    </>
  );
}
