// /cases/find-person: find a person in one's own cases by name, in any spelling or script. The name
// goes in a POST body (never the URL). Results: code, names, role, how the name matched, the case.
import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import type { FoundPerson } from '../../api/caseTypes';
import { caseApi } from '../../api/endpoints';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { useFormProblems, validationProblems } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { PersonNames } from './PersonNames';
import { dateOfBirthText, personRoleLabel } from './personLabels';

export const PERSON_SEARCH_LIMIT = 20;

export function PersonSearchPage() {
  const i18n = useI18n();
  const { t } = i18n;
  usePageTitle(t('personSearch.title'));
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [found, setFound] = useState<FoundPerson[] | null>(null);
  const form = useFormProblems('personSearch', { name: { id: 'person-search-name', label: t('personSearch.field.name') } });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!name.trim()) {
      form.setProblems([{ field: 'name', rule: 'required', detail: '' }]);
      return;
    }
    form.setProblems([]);
    setBusy(true);
    try {
      const r = await caseApi.searchPersons(name.trim(), PERSON_SEARCH_LIMIT);
      setFound(r.items);
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const columns: Column<FoundPerson>[] = [
    { id: 'code', header: t('person.field.code'), cell: (p) => p.code },
    { id: 'names', header: t('person.field.names'), cell: (p) => <PersonNames names={p.names} /> },
    { id: 'role', header: t('person.field.role'), cell: (p) => personRoleLabel(i18n, p.role) },
    { id: 'dob', header: t('person.field.dateOfBirth'), cell: (p) => dateOfBirthText(i18n, p.date_of_birth) },
    { id: 'match', header: t('personSearch.field.match'), cell: (p) => i18n.tDynamic(`personSearch.match.${p.match}`, p.match) },
    { id: 'case', header: t('personSearch.field.case'), cell: (p) => <Link to={`/cases/${p.case_id}`}>{t('personSearch.openCase', { code: p.code })}</Link> },
  ];

  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('cases.back')}</Link>
      </p>
      <h1>{t('personSearch.title')}</h1>
      <p className="lead">{t('personSearch.intro')}</p>
      <search aria-labelledby="person-search-form-title">
        <h2 id="person-search-form-title" className="visually-hidden">{t('personSearch.title')}</h2>
        <form className="narrow-form" noValidate onSubmit={(e) => void submit(e)}>
          <ErrorSummary items={form.summary} focusToken={form.focusToken} />
          {failure ? <ProblemAlert error={failure} /> : null}
          <TextField id="person-search-name" label={t('personSearch.field.name')} hint={t('personSearch.name.hint')} required
            autoComplete="off" spellCheck={false} maxLength={400} value={name} errors={form.errorsFor('name')} onChange={setName} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>{busy ? t('state.searching') : t('dir.search')}</button>
          </div>
        </form>
      </search>
      <section aria-labelledby="person-results-title">
        <h2 id="person-results-title">{t('dir.results')}</h2>
        <p role="status">{found ? t('personSearch.count', { count: found.length }) : ''}</p>
        {found?.length === 0 ? <p>{t('personSearch.none')}</p> : null}
        {found && found.length > 0 ? (
          <DataTable caption={t('personSearch.caption')} labelledBy="person-results-title" columns={columns} rows={found}
            rowKey={(p) => p.id} />
        ) : null}
      </section>
    </>
  );
}
