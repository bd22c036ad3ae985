// The records kept about one person of the case, chosen by code: the indicators checklist, the
// presumed-victim assessment, the safety plan, the person's wishes, conversations (with the
// interpreter used) and consents. Records are not kept about suspects or buyers.
import { useState } from 'react';
import { AUTHORITY_ROLES, type CasePerson } from '../../api/caseTypes';
import { SelectField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { AssessmentPanel } from './AssessmentPanel';
import { ConsentPanel } from './ConsentPanel';
import { ConversationPanel } from './ConversationPanel';
import { IndicatorsPanel } from './IndicatorsPanel';
import { personRoleLabel } from './personLabels';
import type { PanelProps } from './RecordPanel';
import { SafetyPlanPanel } from './SafetyPlanPanel';
import { WishesPanel } from './WishesPanel';

interface Props extends Omit<PanelProps, 'person'> {
  persons: readonly CasePerson[];
}

export function PersonRecordsSection({ persons, ...rest }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const eligible = persons.filter((p) => !AUTHORITY_ROLES.includes(p.role));
  const [chosen, setChosen] = useState('');
  // Nothing is loaded until a person is chosen: the records are many and each is a read in the audit log.
  const person = eligible.find((p) => p.id === chosen);

  return (
    <section className="form-section" aria-labelledby="records-title">
      <h2 id="records-title">{t('records.title')}</h2>
      <p>{t('records.intro')}</p>
      {eligible.length === 0 ? <p>{t('records.noPerson')}</p> : (
        <SelectField id="records-person" label={t('records.person')} value={person?.id ?? ''}
          options={[{ value: '', label: t('work.choosePerson') },
            ...eligible.map((p) => ({ value: p.id, label: `${p.code} – ${personRoleLabel(i18n, p.role)}` }))]}
          onChange={setChosen} />
      )}
      {person ? (
        <div key={person.id}>
          <IndicatorsPanel person={person} {...rest} />
          <AssessmentPanel person={person} {...rest} />
          <SafetyPlanPanel person={person} {...rest} />
          <WishesPanel person={person} {...rest} />
          <ConversationPanel person={person} {...rest} />
          <ConsentPanel person={person} {...rest} />
        </div>
      ) : null}
    </section>
  );
}
