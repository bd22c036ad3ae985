// Step 3: the indicators, grouped as in the checklist in use (data/rules/indicators.toml, served by
// GET /indicators), each group explained in plain words; a "yes" asks what shows it. What the
// answers mean: no score decides; the professional judgement is the presumed-victim assessment, with
// its grounds, which can be recorded here or later on the case page.
import { TextAreaField } from '../../../components/fields';
import { Loading, ProblemAlert } from '../../../components/ProblemAlert';
import { useI18n } from '../../../i18n/context';
import type { IndicatorChecklist } from '../caseWorkTypes';
import { AssessmentFields } from './AssessmentFields';
import { ChoiceGroup } from './ChoiceGroup';
import type { StepProps } from './stepProps';

export function IndicatorsStep(p: StepProps & {
  checklist: IndicatorChecklist | undefined; checklistError: unknown; reload: () => void;
}) {
  const { draft: d, set, errorsFor, child, progress, checklist } = p;
  const i18n = useI18n();
  const { t, lang } = i18n;
  const saved = progress.done.includes('indicators');
  const answer = (id: string, patch: Partial<{ answer: string; evidence: string }>) => {
    const old = d.answers[id] ?? { answer: '', evidence: '' };
    set({ answers: { ...d.answers, [id]: { ...old, ...patch } } });
  };
  const choices = ['yes', 'no', 'not_known'].map((v) => ({ value: v, label: i18n.tDynamic(`indicators.answer.${v}`, v) }));
  return (
    <>
      <p>{t('guide.indicators.intro')}</p>
      <div className="alert alert--info" role="note" aria-labelledby="guide-meaning-title">
        <h3 id="guide-meaning-title">{t('guide.indicators.meaning.title')}</h3>
        <p>{t('guide.indicators.meaning.noScore')}</p>
        <p>{t('guide.indicators.meaning.judgement')}</p>
        {child ? <p>{t('guide.indicators.meaning.child')}</p> : null}
      </div>
      {saved ? <p className="alert alert--info">{t('guide.indicators.locked')}</p> : null}
      {p.checklistError ? <ProblemAlert error={p.checklistError} onRetry={p.reload} /> : null}
      {!checklist && !p.checklistError ? <Loading /> : null}
      {checklist && !saved ? checklist.groups.filter((g) => child || !g.children_only).map((g) => (
        <section key={g.id} className="form-section" aria-labelledby={`guide-group-${g.id}`}>
          <h3 id={`guide-group-${g.id}`}>{lang === 'sv' ? g.name_sv : g.name_en}</h3>
          <p>{i18n.tDynamic(`guide.group.${g.id}`, '')}</p>
          {g.indicators.map((ind) => {
            const a = d.answers[ind.id];
            return (
              <div key={ind.id}>
                <ChoiceGroup id={`guide-ind-${ind.id}`} inline label={lang === 'sv' ? ind.text_sv : ind.text_en}
                  hint={i18n.tDynamic(`guide.indicator.${ind.id}`, '') || undefined} value={a?.answer ?? ''} choices={choices}
                  onChange={(v) => { answer(ind.id, { answer: v }); }} />
                {a?.answer === 'yes' ? (
                  <TextAreaField id={`guide-evidence-${ind.id}`} label={t('indicators.evidence')} hint={t('guide.indicators.evidence.hint')}
                    value={a.evidence} errors={errorsFor(`evidence.${ind.id}`)} onChange={(evidence) => { answer(ind.id, { evidence }); }} />
                ) : null}
                {a?.answer ? (
                  <button type="button" className="button button--link" onClick={() => { answer(ind.id, { answer: '', evidence: '' }); }}>
                    {t('guide.indicators.clear')}
                    <span className="visually-hidden">: {lang === 'sv' ? ind.text_sv : ind.text_en}</span>
                  </button>
                ) : null}
              </div>
            );
          })}
        </section>
      )) : null}
      <AssessmentFields {...p} />
    </>
  );
}
