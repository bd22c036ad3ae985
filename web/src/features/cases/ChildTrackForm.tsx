// Records one step of the child track for a child of the case: a report of concern (to which
// municipality's social services), immediate custody under LVU §6 (starts the clocks to the
// administrative court and for the care application), the guardian appointed, or an age assessment
// with its outcome; a note is optional and sealed.
import { useState, type SubmitEvent } from 'react';
import type { CasePerson } from '../../api/caseTypes';
import type { Municipality } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { childApi } from './caseWorkApi';
import type { ChildTrackEntry } from './caseWorkTypes';
import { todayInSweden, useFormWrite } from './useCaseWork';

export const CHILD_KINDS = ['report_of_concern', 'immediate_custody', 'guardian_appointed', 'age_assessment'] as const;
const OUTCOMES = ['child', 'adult', 'undetermined'] as const;

export function ChildTrackForm({ caseId, persons, municipalities, onDone }: {
  caseId: string; persons: readonly CasePerson[]; municipalities: readonly Municipality[]; onDone: (m: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [person, setPerson] = useState(persons[0]?.id ?? '');
  const [kind, setKind] = useState<string>('report_of_concern');
  const [on, setOn] = useState(todayInSweden());
  const [municipality, setMunicipality] = useState('');
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const w = useFormWrite('child', {
    person_id: { id: 'child-person', label: t('child.field.person') },
    kind: { id: 'child-kind', label: t('child.field.kind') },
    on: { id: 'child-on', label: t('child.field.on') },
    municipality: { id: 'child-municipality', label: t('child.field.municipality') },
    recipient: { id: 'child-municipality', label: t('child.field.municipality') },
    outcome: { id: 'child-outcome', label: t('child.field.outcome') },
    note: { id: 'child-note', label: t('child.field.note') },
  });
  const withMunicipality = kind === 'report_of_concern' || kind === 'guardian_appointed';

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const body: ChildTrackEntry = { kind, on };
    if (withMunicipality && municipality) body.municipality = municipality;
    if (kind === 'age_assessment') body.outcome = outcome;
    if (note.trim()) body.note = note.trim();
    const code = persons.find((p) => p.id === person)?.code ?? '';
    if (await w.run(() => childApi.record(caseId, person, body))) {
      setNote('');
      onDone(t('child.recorded', { kind: i18n.tDynamic(`child.kind.${kind}`, kind), code }));
    }
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="child-add-title" onSubmit={(e) => void submit(e)}>
      <h3 id="child-add-title">{t('child.add.title')}</h3>
      <ErrorSummary items={w.form.summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <SelectField id="child-person" label={t('child.field.person')} value={person} errors={w.form.errorsFor('person_id')}
        options={persons.map((p) => ({ value: p.id, label: p.code }))} onChange={setPerson} />
      <FieldGroup id="child-kind" label={t('child.field.kind')} errors={w.form.errorsFor('kind')}>
        <ul className="choice-list">
          {CHILD_KINDS.map((k) => (
            <li key={k}>
              <input id={`child-kind-${k}`} type="radio" name="child-kind" checked={kind === k}
                aria-describedby={`child-kind-${k}-explain`} onChange={() => { setKind(k); }} />
              <div>
                <label htmlFor={`child-kind-${k}`}>{i18n.tDynamic(`child.kind.${k}`, k)}</label>
                <p id={`child-kind-${k}-explain`} className="field-hint">{i18n.tDynamic(`child.kind.${k}.explain`, '')}</p>
              </div>
            </li>
          ))}
        </ul>
      </FieldGroup>
      <TextField id="child-on" label={t('child.field.on')} type="date" required value={on} errors={w.form.errorsFor('on')} onChange={setOn} />
      {withMunicipality ? (
        <SelectField id="child-municipality" label={t('child.field.municipality')} value={municipality}
          errors={[...(w.form.errorsFor('municipality') ?? []), ...(w.form.errorsFor('recipient') ?? [])]}
          options={[{ value: '', label: t('work.choose') }, ...municipalities.map((m) => ({ value: m.code, label: m.name }))]}
          onChange={setMunicipality} />
      ) : null}
      {kind === 'age_assessment' ? (
        <SelectField id="child-outcome" label={t('child.field.outcome')} value={outcome} errors={w.form.errorsFor('outcome')}
          options={[{ value: '', label: t('work.choose') }, ...OUTCOMES.map((o) => ({ value: o, label: i18n.tDynamic(`child.outcome.${o}`, o) }))]}
          onChange={setOutcome} />
      ) : null}
      <TextAreaField id="child-note" label={t('child.field.note')} value={note} errors={w.form.errorsFor('note')} onChange={setNote} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('child.add.button')}</button>
      </div>
    </form>
  );
}
