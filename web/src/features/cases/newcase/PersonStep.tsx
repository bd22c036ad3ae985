// Step 2: the person. Pseudonymous by default (a name is optional; the person gets a code); the date
// of birth may be partial, an estimated age, or not known; "may the person be under 18?" decides the
// child track, which is explained here. Also gender, languages and the right to stay in Sweden.
import { GENDERS } from '../../../api/caseTypes';
import { SelectField, TextField } from '../../../components/fields';
import { useI18n } from '../../../i18n/context';
import { LanguagePicker } from '../../orgs/LanguagePicker';
import { ChoiceGroup } from './ChoiceGroup';
import type { Answer3 } from './draft';
import type { StepProps } from './stepProps';

export function PersonStep({ draft: d, set, errorsFor, child, progress }: StepProps) {
  const i18n = useI18n();
  const { t } = i18n;
  if (progress.personId) return <p className="alert alert--info">{t('guide.person.locked', { code: progress.personCode ?? '' })}</p>;
  const answer3 = (key: string) => (['yes', 'no', 'unknown'] as const).map((v) => ({
    value: v, label: i18n.tDynamic(`guide.${key}.${v}`, v), explain: i18n.tDynamic(`guide.${key}.${v}.explain`, '') || undefined,
  }));
  return (
    <>
      <p>{t('guide.person.intro')}</p>
      <section aria-labelledby="guide-name-title">
        <h3 id="guide-name-title">{t('guide.person.name.title')}</h3>
        <p className="field-hint">{t('guide.person.name.hint')}</p>
        <TextField id="guide-latin" label={t('guide.person.latin')} autoComplete="off" spellCheck={false} value={d.latin}
          errors={errorsFor('names.latin')} onChange={(latin) => { set({ latin }); }} />
        <TextField id="guide-original" label={t('guide.person.original')} hint={t('guide.person.original.hint')} autoComplete="off"
          spellCheck={false} value={d.original} onChange={(original) => { set({ original }); }} />
      </section>

      <ChoiceGroup id="guide-dob-mode" label={t('guide.person.age.question')} value={d.dobMode}
        choices={(['unknown', 'date', 'estimate'] as const).map((m) => ({ value: m, label: i18n.tDynamic(`guide.person.dob.${m}`, m) }))}
        onChange={(v) => { set({ dobMode: v as typeof d.dobMode }); }} />
      {d.dobMode === 'date' ? (
        <TextField id="guide-dob" label={t('guide.person.dob')} hint={t('person.dob.hint')} autoComplete="off" inputMode="numeric"
          value={d.dob} errors={errorsFor('date_of_birth.date')} onChange={(dob) => { set({ dob }); }} />
      ) : null}
      {d.dobMode === 'estimate' ? (
        <div className="field-row">
          <TextField id="guide-age-min" label={t('person.field.ageMin')} type="number" min={0} max="120" value={d.ageMin}
            errors={errorsFor('date_of_birth.age_min')} onChange={(ageMin) => { set({ ageMin }); }} />
          <TextField id="guide-age-max" label={t('person.field.ageMax')} type="number" min={0} max="120" value={d.ageMax}
            errors={errorsFor('date_of_birth.age_max')} onChange={(ageMax) => { set({ ageMax }); }} />
        </div>
      ) : null}

      <ChoiceGroup id="guide-may-be-child" label={t('guide.child.question')} hint={t('guide.child.hint')} value={d.mayBeChild}
        errors={errorsFor('may_be_child')} choices={answer3('child')} onChange={(v) => { set({ mayBeChild: v as Answer3 }); }} />
      {child ? (
        <div className="alert alert--info" role="note" aria-labelledby="guide-child-track-title">
          <h3 id="guide-child-track-title">{t('guide.childTrack.title')}</h3>
          <p>{t('guide.childTrack.body')}</p>
          <p>{t('guide.childTrack.noMeans')}</p>
        </div>
      ) : null}
      {child ? (
        <ChoiceGroup id="guide-unaccompanied" label={t('guide.unaccompanied.question')} value={d.unaccompanied} inline
          choices={answer3('answer')} onChange={(v) => { set({ unaccompanied: v as Answer3 }); }} />
      ) : null}

      <ChoiceGroup id="guide-no-permit" label={t('guide.permit.question')} hint={t('guide.permit.hint')} value={d.noPermit} inline
        choices={answer3('answer')} onChange={(v) => { set({ noPermit: v as Answer3 }); }} />
      <SelectField id="guide-gender" label={t('person.field.gender')} value={d.gender}
        options={[{ value: '', label: t('person.notGiven') }, ...GENDERS.map((g) => ({ value: g, label: i18n.tDynamic(`gender.${g}`, g) }))]}
        onChange={(gender) => { set({ gender }); }} />
      <LanguagePicker id="guide-languages" label={t('person.field.languages')} hint={t('guide.person.languages.hint')}
        value={d.languages} onChange={(languages) => { set({ languages }); }} />
    </>
  );
}
