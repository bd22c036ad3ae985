// The indicators checklist for a person: the checklist in use (groups and indicators in the user's
// language, from GET /indicators), an answer for each indicator observed (yes / no / not known) and,
// for a yes, what shows it. Saving keeps a new version and records "indicators recorded".
import { useState, type SubmitEvent } from 'react';
import { useApi } from '../../api/useApi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup, SelectField, TextAreaField } from '../../components/fields';
import { problemMessage } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { recordApi } from './caseWorkApi';
import type { IndicatorAnswer, IndicatorChecklist, IndicatorsAssessment } from './caseWorkTypes';
import { SavedLine, type PanelProps } from './RecordPanel';
import { errorsAt, todayInSweden, useFormWrite, usePersonData } from './useCaseWork';

type Answers = Record<string, { answer: string; evidence: string }>;

const loadChecklist = (signal: AbortSignal) => recordApi.checklist(signal);

export function IndicatorsPanel({ caseId, person, stamp, editable, onChanged }: PanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const checklist = useApi(loadChecklist);
  const saved = usePersonData(recordApi.indicators, caseId, person.id, stamp);
  const current = saved.data?.current;
  return (
    <section aria-labelledby="indicators-title">
      <h3 id="indicators-title">{t('indicators.title')}</h3>
      <p>{t('indicators.intro')}</p>
      {saved.data ? <SavedLine at={current?.recorded_at} /> : null}
      {checklist.error ? <ProblemAlert error={checklist.error} onRetry={checklist.reload} /> : null}
      {saved.error ? <ProblemAlert error={saved.error} onRetry={saved.reload} /> : null}
      {(!checklist.data && !checklist.error) || (!saved.data && !saved.error) ? <Loading /> : null}
      {checklist.data && saved.data ? (
        <IndicatorsForm key={current?.id ?? 'new'} caseId={caseId} personId={person.id} checklist={checklist.data}
          current={current ?? null} editable={editable}
          onSaved={() => { onChanged(t('indicators.saved', { code: person.code })); }} />
      ) : null}
    </section>
  );
}

function IndicatorsForm({ caseId, personId, checklist, current, editable, onSaved }: {
  caseId: string; personId: string; checklist: IndicatorChecklist; current: IndicatorsAssessment | null;
  editable: boolean; onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [answers, setAnswers] = useState<Answers>(() =>
    Object.fromEntries((current?.answers ?? []).map((a) => [a.indicator_id, { answer: a.answer, evidence: a.evidence }])));
  const [sent, setSent] = useState<string[]>([]);
  const w = useFormWrite('indicators', { assessed_on: { id: 'indicators-submit', label: t('indicators.title') } });
  const text = (p: Parameters<typeof problemMessage>[2]) => problemMessage(i18n, 'indicators', p);
  const set = (id: string, patch: Partial<{ answer: string; evidence: string }>) => {
    setAnswers((a) => ({ ...a, [id]: { answer: a[id]?.answer ?? '', evidence: a[id]?.evidence ?? '', ...patch } }));
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const list: IndicatorAnswer[] = Object.entries(answers)
      .filter(([, a]) => a.answer)
      .map(([id, a]) => ({ indicator_id: id, answer: a.answer, evidence: a.evidence.trim() }));
    setSent(list.map((a) => a.indicator_id));
    const body = { catalog_version: checklist.version, assessed_on: todayInSweden(), answers: list };
    if (await w.run(() => recordApi.saveIndicators(caseId, personId, body))) onSaved();
  };
  const evidenceErrors = (id: string) => {
    const i = sent.indexOf(id);
    return i < 0 ? undefined : errorsAt(w.form.problems, text, `answers[${i}].evidence`, `answers[${i}].indicator_id`);
  };
  const options = [{ value: '', label: t('indicators.notAnswered') },
    ...checklist.answers.map((a) => ({ value: a, label: i18n.tDynamic(`indicators.answer.${a}`, a) }))];

  return (
    <form noValidate aria-labelledby="indicators-title" onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={w.form.summary.map((s) => ({ ...s, targetId: null }))} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      {checklist.groups.map((g) => (
        <FieldGroup key={g.id} id={`indicators-${g.id}`} label={lang === 'sv' ? g.name_sv : g.name_en}
          hint={g.children_only ? t('indicators.childrenOnly') : undefined}>
          {g.indicators.map((ind) => {
            const a = answers[ind.id];
            return (
              <div key={ind.id}>
                <SelectField id={`indicator-${ind.id}`} label={lang === 'sv' ? ind.text_sv : ind.text_en}
                  value={a?.answer ?? ''} options={options} onChange={(answer) => { set(ind.id, { answer }); }} />
                {a?.answer === 'yes' ? (
                  <TextAreaField id={`indicator-${ind.id}-evidence`} label={t('indicators.evidence')}
                    hint={t('indicators.evidence.hint')} value={a.evidence} errors={evidenceErrors(ind.id)}
                    onChange={(evidence) => { set(ind.id, { evidence }); }} />
                ) : null}
              </div>
            );
          })}
        </FieldGroup>
      ))}
      {editable ? (
        <div className="form-actions">
          <button id="indicators-submit" type="submit" className="button" disabled={w.busy}>
            {w.busy ? t('action.saving') : t('indicators.save')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
