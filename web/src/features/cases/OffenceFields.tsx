// The offences of the criminal proceedings form: the ones recorded stay as they were (the version in
// force when the act was committed), and new ones are chosen from the offences in force on the day of
// the act (GET /api/v1/offences; today when the day is not known), with the grade and, for "other", a
// description. A renamed offence shows its earlier name too, so that an old police report's wording is
// recognised. The server checks everything again and names the field (offences[i].<field>).
import { useCallback, useEffect } from 'react';
import { useApi } from '../../api/useApi';
import { FieldGroup, SelectField, TextField, type Option } from '../../components/fields';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { offencesApi, type OffenceEntry, type OffenceVersion } from './caseFormsApi';

/** One offence of the form: a recorded one (`saved`, sent back unchanged) or a new one. */
export interface OffenceDraft {
  saved?: OffenceEntry;
  offenceId: string;
  versionId: string;
  grade: string;
  committed: string;
  description: string;
}

export const newOffence = (): OffenceDraft => ({ offenceId: '', versionId: '', grade: '', committed: '', description: '' });

export const offenceDraftOf = (o: OffenceEntry): OffenceDraft => ({
  saved: o, offenceId: o.offence_id, versionId: o.version_id, grade: o.grade ?? '', committed: o.committed ?? '',
  description: o.description ?? '',
});

/** The entry PUT .../proceedings sends: a recorded one as it was. */
export function offenceEntryOf(d: OffenceDraft): OffenceEntry {
  if (d.saved) return d.saved;
  const out: OffenceEntry = { offence_id: d.offenceId, version_id: d.versionId, grade: d.grade };
  if (d.committed.trim()) out.committed = d.committed.trim();
  if (d.description.trim()) out.description = d.description.trim();
  return out;
}

/** The day whose offences are offered for an act committed `committed` (YYYY, YYYY-MM or YYYY-MM-DD): its first day; '' (today) otherwise. */
export function offenceDay(committed: string): string {
  const c = committed.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(c)) return c;
  if (/^\d{4}-\d{2}$/.test(c)) return `${c}-01`;
  if (/^\d{4}$/.test(c)) return `${c}-01-01`;
  return '';
}

/** The input a problem's field under offences[n] goes to. */
export function offenceTarget(n: number, field: string): string {
  if (field === 'committed' || field === 'description' || field === 'grade') return `proc-offence-${n}-${field}`;
  return `proc-offence-${n}-offence_id`;
}

interface Props {
  offences: readonly OffenceDraft[];
  editable: boolean;
  /** Changes the offences from the latest ones (several pickers may change theirs in one render). */
  onChange: (update: (offences: OffenceDraft[]) => OffenceDraft[]) => void;
  /** The messages of the problems at these paths, in the user's language. */
  at: (...paths: string[]) => string[] | undefined;
}

/** The offences of the proceedings: the recorded ones listed, new ones chosen from those in force. */
export function OffenceFields({ offences, editable, onChange, at }: Props) {
  const { t } = useI18n();
  const set = (n: number, patch: Partial<OffenceDraft>) => {
    onChange((all) => all.map((o, i) => (i === n ? { ...o, ...patch } : o)));
  };
  const remove = (n: number) => { onChange((all) => all.filter((_, i) => i !== n)); };
  return (
    <FieldGroup id="proc-offences" label={t('proceedings.offences')} hint={t('proceedings.offences.hint')} errors={at('offences')}>
      {offences.length === 0 ? <p>{t('proceedings.offences.none')}</p> : null}
      {offences.map((o, n) => (o.saved ? (
        <div key={n} className="card" role="group" aria-label={t('proceedings.offenceNumber', { number: n + 1 })}>
          <RecordedOffence n={n} value={o} />
          {editable ? (
            <button type="button" className="button button--secondary button--small" onClick={() => { remove(n); }}>
              {t('proceedings.removeOffence', { number: n + 1 })}
            </button>
          ) : null}
        </div>
      ) : (
        <NewOffence key={n} n={n} value={o} editable={editable} at={at}
          onChange={(patch) => { set(n, patch); }} onRemove={() => { remove(n); }} />
      )))}
      {editable ? (
        <button type="button" className="button button--secondary" onClick={() => { onChange((all) => [...all, newOffence()]); }}>
          {t('proceedings.addOffence')}
        </button>
      ) : null}
    </FieldGroup>
  );
}

/** A recorded offence under the name its version had (the one in force when the act was committed). */
function RecordedOffence({ n, value }: { n: number; value: OffenceDraft }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const day = offenceDay(value.committed);
  const load = useCallback(() => offencesApi.list(day), [day]);
  const { data } = useApi(load);
  const version = data?.items.find((v) => v.version_id === value.versionId);
  const name = version ? (lang === 'sv' ? version.name_sv : version.name_en)
    : i18n.tDynamic(`proceedings.offence.${value.offenceId}`, value.offenceId);
  return (
    <p id={`proc-offence-${n}-offence_id`}>
      {name}{value.committed ? ` (${t('proceedings.offence.committedShort', { date: value.committed })})` : ''}
    </p>
  );
}

function NewOffence({ n, value, editable, at, onChange, onRemove }: {
  n: number; value: OffenceDraft; editable: boolean; at: Props['at'];
  onChange: (patch: Partial<OffenceDraft>) => void; onRemove: () => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const day = offenceDay(value.committed);
  const load = useCallback(() => offencesApi.list(day), [day]);
  const { data, error, reload } = useApi(load);
  const name = (x: { name_en: string; name_sv: string }) => (lang === 'sv' ? x.name_sv : x.name_en);
  const label = (v: OffenceVersion) => {
    const parts = [name(v)];
    if (v.legal_reference) parts.push(v.legal_reference);
    const base = parts.join(', ');
    return v.renamed_from ? t('proceedings.offence.renamedFrom', { name: base, before: name(v.renamed_from) }) : base;
  };
  const chosen = data?.items.find((v) => v.offence_id === value.offenceId);
  // The act's day decides the version: follow it when the day changes, and keep a grade of that version.
  useEffect(() => {
    if (!data || !value.offenceId) return;
    const versionId = chosen?.version_id ?? '';
    const grades = chosen?.grades.map((g) => g.id) ?? [];
    const grade = grades.includes(value.grade) ? value.grade : grades[0] ?? '';
    if (versionId !== value.versionId || grade !== value.grade) onChange({ versionId, grade });
  }, [data, chosen, value.offenceId, value.versionId, value.grade, onChange]);

  const id = (f: string) => `proc-offence-${n}-${f}`;
  const path = (f: string) => `offences[${n}].${f}`;
  const options: Option[] = [
    { value: '', label: t('proceedings.offence.choose') },
    ...(data?.items ?? []).map((v) => ({ value: v.offence_id, label: label(v) })),
  ];
  // A chosen offence not in force on the day: still shown, so the problem can be read and fixed.
  if (value.offenceId && data && !chosen) {
    options.push({ value: value.offenceId, label: t('proceedings.offence.notInForce', { name: i18n.tDynamic(`proceedings.offence.${value.offenceId}`, value.offenceId) }) });
  }
  return (
    <div className="card" role="group" aria-label={t('proceedings.offenceNumber', { number: n + 1 })}>
      <TextField id={id('committed')} label={t('proceedings.field.committed')} hint={t('proceedings.committed.hint')}
        value={value.committed} spellCheck={false} errors={at(path('committed'))}
        onChange={(committed) => { onChange({ committed }); }} />
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      <SelectField id={id('offence_id')} label={t('proceedings.field.offence')} value={value.offenceId} options={options} required
        errors={at(path('offence_id'), path('version_id'), `offences[${n}]`)}
        onChange={(offenceId) => {
          const v = data?.items.find((x) => x.offence_id === offenceId);
          onChange({ offenceId, versionId: v?.version_id ?? '', grade: v?.grades[0]?.id ?? '' });
        }} />
      {chosen && chosen.grades.length > 1 ? (
        <SelectField id={id('grade')} label={t('proceedings.field.grade')} value={value.grade}
          options={chosen.grades.map((g) => ({ value: g.id, label: name(g) }))} errors={at(path('grade'))}
          onChange={(grade) => { onChange({ grade }); }} />
      ) : null}
      {chosen?.needs_description ? (
        <TextField id={id('description')} label={t('proceedings.field.offenceDescription')} value={value.description} required
          errors={at(path('description'))} onChange={(description) => { onChange({ description }); }} />
      ) : null}
      {editable ? (
        <button type="button" className="button button--secondary button--small" onClick={onRemove}>
          {t('proceedings.removeOffence', { number: n + 1 })}
        </button>
      ) : null}
    </div>
  );
}
