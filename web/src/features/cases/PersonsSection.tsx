// A case's persons: code, role, names (Latin with the original script), date of birth or estimated
// age (and an unaccompanied child), citizenship and residence permit, and languages, and which record was merged into which; for the team, the form that
// adds one, the one that merges a duplicate into a person and the one that corrects a person.
// Break-glass readers only read.
import { useCallback, useState } from 'react';
import type { Case, CasePerson } from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { useLanguageNames } from '../orgs/useLanguageNames';
import { AddPersonForm } from './AddPersonForm';
import { EditPersonForm } from './EditPersonForm';
import { mergeable, type MergeablePerson } from './mergeApi';
import { MergePersonForm } from './MergePersonForm';
import { PersonNames } from './PersonNames';
import { citizenshipText, dateOfBirthText, personRoleLabel, residencePermitText } from './personLabels';
import { useCountries } from './useCountries';

interface Props {
  value: Case;
  /** False for a case opened by break-glass. */
  editable: boolean;
  onAdded: (message: string) => void;
}

export function PersonsSection({ value, editable, onAdded }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const load = useCallback((signal: AbortSignal) => caseApi.persons(value.id, signal), [value.id]);
  const { data, error, reload } = useApi(load);
  const [added, setAdded] = useState<CasePerson[]>([]);
  const [merging, setMerging] = useState<string | null>(null);
  const persons: MergeablePerson[] = [...(data?.items ?? []), ...added.filter((p) => !data?.items.some((x) => x.id === p.id))];
  const codeOf = (id: string) => persons.find((p) => p.id === id)?.code ?? id;
  const mergingPerson = persons.find((p) => p.id === merging);
  const [editing, setEditing] = useState<string | null>(null);
  const editingPerson = persons.find((p) => p.id === editing);
  const countries = useCountries();
  const languageName = useLanguageNames([...new Set(persons.flatMap((p) => p.languages))], i18n.lang);

  const columns: Column<MergeablePerson>[] = [
    {
      id: 'code',
      header: t('person.field.code'),
      cell: (p) => (
        <>
          {p.code}
          {p.merged_into ? <span className="muted"> – {t('merge.mergedInto', { code: codeOf(p.merged_into) })}</span> : null}
          {p.merged_from?.length ? (
            <span className="muted"> – {t('merge.mergedFrom', { codes: p.merged_from.map(codeOf).join(', ') })}</span>
          ) : null}
        </>
      ),
    },
    { id: 'role', header: t('person.field.role'), cell: (p) => personRoleLabel(i18n, p.role) },
    { id: 'names', header: t('person.field.names'), cell: (p) => <PersonNames names={p.names} /> },
    {
      id: 'dob',
      header: t('person.field.dateOfBirth'),
      cell: (p) => (
        <>
          {dateOfBirthText(i18n, p.date_of_birth)}
          {p.claimed_minor ? <span className="muted"> ({t('person.claimedMinor.short')})</span> : null}
          {p.unaccompanied ? <div>{t('person.unaccompanied.short')}</div> : null}
        </>
      ),
    },
    {
      id: 'citizenship',
      header: t('person.field.citizenship'),
      cell: (p) => (
        <>
          {citizenshipText(i18n, p.citizenship, countries)}
          {residencePermitText(i18n, p) ? <div>{residencePermitText(i18n, p)}</div> : null}
        </>
      ),
    },
    { id: 'languages', header: t('person.field.languages'), cell: (p) => p.languages.map(languageName).join(', ') },
    ...(editable ? [{
      id: 'merge',
      header: t('merge.open'),
      hideHeader: true,
      cell: (p: MergeablePerson) => (mergeable(p) ? (
        <button type="button" className="button button--secondary"
          aria-expanded={merging === p.id} onClick={() => { setMerging(merging === p.id ? null : p.id); }}>
          {t('merge.open')}<span className="visually-hidden"> {t('merge.open.context', { code: p.code })}</span>
        </button>
      ) : null),
    }] : []),
    ...(editable ? [{
      id: 'edit',
      header: t('personEdit.open'),
      hideHeader: true,
      cell: (p: MergeablePerson) => (p.merged_into ? null : (
        <button type="button" className="button button--secondary"
          aria-expanded={editing === p.id} onClick={() => { setEditing(editing === p.id ? null : p.id); }}>
          {t('personEdit.open')}<span className="visually-hidden"> {t('personEdit.open.context', { code: p.code })}</span>
        </button>
      )),
    }] : []),
  ];

  return (
    <section className="form-section" aria-labelledby="persons-title">
      <h2 id="persons-title">{t('person.title')}</h2>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && persons.length === 0 ? <p>{t('person.none')}</p> : null}
      {persons.length > 0 ? (
        <DataTable caption={t('person.caption')} labelledBy="persons-title" columns={columns} rows={persons} rowKey={(p) => p.id} />
      ) : null}
      {editable && mergingPerson ? (
        <MergePersonForm key={mergingPerson.id} caseId={value.id} kept={mergingPerson} persons={persons}
          onCancel={() => { setMerging(null); }}
          onMerged={(kept, merged) => {
            setMerging(null);
            setAdded([]);
            reload();
            onAdded(t('merge.done', { kept: kept.code, merged: merged.code }));
          }} />
      ) : null}
      {editable && editingPerson ? (
        <EditPersonForm key={`${editingPerson.id}-${editingPerson.version}`} caseId={value.id} person={editingPerson}
          onCancel={() => { setEditing(null); }}
          onSaved={(p) => {
            setEditing(null);
            setAdded([]);
            reload();
            onAdded(t('personEdit.done', { code: p.code }));
          }} />
      ) : null}
      {editable ? (
        <AddPersonForm caseId={value.id} onAdded={(p) => {
          setAdded((list) => [...list, p]);
          onAdded(t('person.added', { code: p.code }));
        }} />
      ) : (
        <p className="muted">{t('person.readOnly')}</p>
      )}
    </section>
  );
}
