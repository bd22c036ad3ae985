// The person's own wishes at each step of the support (support is adapted to them): the list, oldest
// first, and for the team a form that adds one.
import { useState, type SubmitEvent } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { recordApi } from './caseWorkApi';
import type { Saved, Wish } from './caseWorkTypes';
import type { PanelProps } from './RecordPanel';
import { todayInSweden, useFormWrite, usePersonData } from './useCaseWork';
import { stepLabel } from './workLabels';

/** The steps a wish is about: the support track's, then the return track's start. */
export const WISH_STEPS = ['identification', 'acute_protection', 'initial_support', 'long_term_support', 'considered'] as const;

export function WishesPanel({ caseId, person, stamp, editable, onChanged }: PanelProps) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const list = usePersonData(recordApi.wishes, caseId, person.id, stamp);
  const columns: Column<Wish & Saved>[] = [
    { id: 'step', header: t('wish.field.step'), cell: (w) => stepLabel(i18n, w.step) },
    { id: 'wish', header: t('wish.field.wish'), cell: (w) => <span className="pre-line" dir="auto">{w.wish}</span> },
    { id: 'on', header: t('wish.field.on'), cell: (w) => formatDate(w.recorded_on) },
  ];
  return (
    <section aria-labelledby="wishes-title">
      <h3 id="wishes-title">{t('wish.title')}</h3>
      <p>{t('wish.intro')}</p>
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading /> : null}
      {list.data?.items.length === 0 ? <p>{t('wish.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <DataTable caption={t('wish.caption')} labelledBy="wishes-title" columns={columns} rows={list.data.items} rowKey={(w) => w.id} />
      ) : null}
      {editable ? <AddWishForm caseId={caseId} personId={person.id}
        onDone={() => { onChanged(t('wish.added', { code: person.code })); }} /> : null}
    </section>
  );
}

function AddWishForm({ caseId, personId, onDone }: { caseId: string; personId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [step, setStep] = useState<string>(WISH_STEPS[0]);
  const [wish, setWish] = useState('');
  const [on, setOn] = useState(todayInSweden());
  const w = useFormWrite('wish', {
    step: { id: 'wish-step', label: t('wish.field.step') },
    wish: { id: 'wish-text', label: t('wish.field.wish') },
    recorded_on: { id: 'wish-on', label: t('wish.field.on') },
  });
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const local = wish.trim() ? [] : [{ field: 'wish', rule: 'required', detail: '' }];
    if (await w.run(() => recordApi.addWish(caseId, personId, { step, wish: wish.trim(), recorded_on: on }), local)) {
      setWish('');
      onDone();
    }
  };
  return (
    <form className="narrow-form" noValidate aria-labelledby="wish-add-title" onSubmit={(e) => void submit(e)}>
      <h4 id="wish-add-title">{t('wish.add.title')}</h4>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <SelectField id="wish-step" label={t('wish.field.step')} value={step} errors={w.form.errorsFor('step')}
        options={WISH_STEPS.map((s) => ({ value: s, label: stepLabel(i18n, s) }))} onChange={setStep} />
      <TextAreaField id="wish-text" label={t('wish.field.wish')} hint={t('wish.text.hint')} required value={wish}
        errors={w.form.errorsFor('wish')} onChange={setWish} />
      <TextField id="wish-on" label={t('wish.field.on')} type="date" required value={on} errors={w.form.errorsFor('recorded_on')}
        onChange={setOn} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('wish.add.button')}</button>
      </div>
    </form>
  );
}
