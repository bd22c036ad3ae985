// The criminal proceedings of a case (offence data): only a case owned by a public authority holds
// them, so the section shows only when the case's proceedings track is available (never in an NGO's
// or IOM's case). The police report number, the preliminary investigation and who leads it, the
// prosecution decision, the judgments with their sentences, the appeals and each person's status as
// injured party, and the offences (OffenceFields.tsx: recorded ones kept as they are, new ones chosen from
// those in force when the act was committed). Saving keeps a new version.
import { useCallback, useState, type SubmitEvent } from 'react';
import type { CasePerson } from '../../api/caseTypes';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { CheckboxField, FieldGroup, SelectField, TextField, type Option } from '../../components/fields';
import { problemMessage, type FormProblem } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import {
  APPEALED_BY, COURT_LEVELS, INJURED_PARTY_STATUSES, INVESTIGATION_LEADERS, proceedingsApi, PROSECUTION_OUTCOMES,
  SENTENCE_KINDS, VERDICTS, type Appeal, type Judgment, type Proceedings, type ProceedingsInput,
} from './caseFormsApi';
import { trackApi } from './caseWorkApi';
import { OffenceFields, offenceDraftOf, offenceEntryOf, offenceTarget, type OffenceDraft } from './OffenceFields';
import { personRoleLabel } from './personLabels';
import { errorsAt, useCaseData, useFormWrite } from './useCaseWork';

interface JudgmentDraft {
  level: string; court: string; caseNumber: string; deliveredOn: string; verdict: string;
  sentence: string; months: string; details: string; final: boolean;
}

export interface ProceedingsDraft {
  reportNumbers: string;
  offences: OffenceDraft[];
  investigation: boolean;
  openedOn: string; ledBy: string; closedOn: string; closingReason: string;
  outcome: string; decidedOn: string;
  judgments: JudgmentDraft[];
  appeals: Appeal[];
  injured: Record<string, { status: string; since: string }>;
}

const newJudgment = (): JudgmentDraft => ({
  level: 'district_court', court: '', caseNumber: '', deliveredOn: '', verdict: 'convicted', sentence: '', months: '',
  details: '', final: false,
});

export function proceedingsDraft(p: Proceedings | null): ProceedingsDraft {
  const inv = p?.investigation ?? null;
  return {
    reportNumbers: (p?.police_report_numbers ?? []).join(', '),
    offences: (p?.offences ?? []).map(offenceDraftOf),
    investigation: inv !== null,
    openedOn: inv?.opened_on ?? '', ledBy: inv?.led_by ?? 'police', closedOn: inv?.closed_on ?? '',
    closingReason: inv?.closing_reason ?? '',
    outcome: p?.prosecution?.outcome ?? '', decidedOn: p?.prosecution?.decided_on ?? '',
    judgments: (p?.judgments ?? []).map((j) => ({
      level: j.level, court: j.court, caseNumber: j.case_number ?? '', deliveredOn: j.delivered_on, verdict: j.verdict,
      sentence: j.sentence?.kind ?? '', months: j.sentence?.months ? String(j.sentence.months) : '',
      details: j.sentence?.details ?? '', final: j.final ?? false,
    })),
    appeals: (p?.appeals ?? []).map((a) => ({ ...a })),
    injured: Object.fromEntries((p?.injured_parties ?? []).map((ip) => [ip.person_id, { status: ip.status, since: ip.since ?? '' }])),
  };
}

/** The body of PUT .../proceedings; the offences already recorded go back unchanged. `saved` gives the version. */
export function proceedingsBody(d: ProceedingsDraft, saved: Proceedings | null): ProceedingsInput {
  const judgment = (j: JudgmentDraft): Judgment => {
    const out: Judgment = { level: j.level, court: j.court.trim(), delivered_on: j.deliveredOn, verdict: j.verdict, final: j.final };
    if (j.caseNumber.trim()) out.case_number = j.caseNumber.trim();
    if (j.sentence) {
      out.sentence = { kind: j.sentence };
      if (j.months.trim()) out.sentence.months = Number(j.months.trim());
      if (j.details.trim()) out.sentence.details = j.details.trim();
    }
    return out;
  };
  return {
    expected_version: saved?.version ?? 0,
    police_report_numbers: d.reportNumbers.split(/[,\n]/).map((s) => s.trim()).filter(Boolean),
    offences: d.offences.map(offenceEntryOf),
    investigation: d.investigation
      ? {
          opened_on: d.openedOn, led_by: d.ledBy,
          ...(d.closedOn ? { closed_on: d.closedOn } : {}),
          ...(d.closingReason.trim() ? { closing_reason: d.closingReason.trim() } : {}),
        }
      : null,
    prosecution: d.outcome ? { outcome: d.outcome, decided_on: d.decidedOn } : null,
    judgments: d.judgments.map(judgment),
    appeals: d.appeals,
    injured_parties: Object.entries(d.injured)
      .filter(([, v]) => v.status)
      .map(([person_id, v]) => ({ person_id, status: v.status, ...(v.since ? { since: v.since } : {}) })),
  };
}

/** The input a problem's field names ("judgments[1].court" → "proc-judgment-1-court"). */
export function proceedingsTarget(field: string, persons: readonly string[]): string | null {
  const m = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?(?:\.(\w+))?/.exec(field);
  if (!m) return null;
  const [, head, index = '0', sub = '', subsub = ''] = m;
  switch (head) {
    case 'police_report_numbers': return 'proc-report-numbers';
    case 'offences': return m[2] === undefined ? 'proc-offences' : offenceTarget(Number(index), sub);
    case 'investigation': return `proc-inv-${sub || 'opened_on'}`;
    case 'prosecution': return `proc-pros-${sub || 'outcome'}`;
    case 'judgments': return `proc-judgment-${index}-${sub === 'sentence' ? `sentence-${subsub || 'kind'}` : sub || 'court'}`;
    case 'appeals': return `proc-appeal-${index}-${sub || 'from_level'}`;
    case 'injured_parties': {
      const person = persons[Number(index)];
      return person ? `proc-injured-${person}-${sub === 'since' ? 'since' : 'status'}` : 'proc-injured';
    }
    default: return null;
  }
}

interface Props {
  caseId: string;
  stamp: number;
  editable: boolean;
  persons: readonly CasePerson[];
  onChanged: (message: string) => void;
}

/** Shown only when the case's proceedings track is available (a public authority's case). */
export function ProceedingsSection(props: Props) {
  const tracks = useCaseData(trackApi.get, props.caseId, props.stamp);
  const track = tracks.data?.tracks.find((x) => x.track === 'proceedings');
  if (!track?.available) return null;
  return <ProceedingsRecord {...props} />;
}

function ProceedingsRecord({ caseId, stamp, editable, persons, onChanged }: Props) {
  const { t, formatDateTime } = useI18n();
  const { data, error, reload } = useCaseData(proceedingsApi.get, caseId, stamp);
  return (
    <section className="form-section" aria-labelledby="proceedings-title">
      <h2 id="proceedings-title">{t('proceedings.title')}</h2>
      <p>{t('proceedings.intro')}</p>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <p className="muted">
          {data.version && data.recorded_at
            ? t('proceedings.savedAt', { version: data.version, time: formatDateTime(data.recorded_at) })
            : t('proceedings.none')}
        </p>
      ) : null}
      {data ? (
        <ProceedingsForm key={data.version} caseId={caseId} saved={data} editable={editable} persons={persons}
          onSaved={() => { onChanged(t('proceedings.saved')); }} />
      ) : null}
    </section>
  );
}

function ProceedingsForm({ caseId, saved, editable, persons, onSaved }: {
  caseId: string; saved: Proceedings; editable: boolean; persons: readonly CasePerson[]; onSaved: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [d, setD] = useState<ProceedingsDraft>(() => proceedingsDraft(saved));
  const set = (patch: Partial<ProceedingsDraft>) => { setD((x) => ({ ...x, ...patch })); };
  const setOffences = useCallback((update: (all: OffenceDraft[]) => OffenceDraft[]) => {
    setD((x) => ({ ...x, offences: update(x.offences) }));
  }, []);
  const w = useFormWrite('proceedings', {});
  const text = (p: FormProblem) => problemMessage(i18n, 'proceedings', p);
  const at = (...paths: string[]) => errorsAt(w.form.problems, text, ...paths);
  // Suspects and buyers are never injured parties here; everyone else of the case may be.
  const parties = persons.filter((p) => p.role !== 'suspect' && p.role !== 'buyer_of_sexual_services');
  const body = proceedingsBody(d, saved);
  const partyOrder = body.injured_parties.map((ip) => ip.person_id);
  const summary: SummaryItem[] = w.form.problems.map((p) => ({ targetId: proceedingsTarget(p.field, partyOrder), message: text(p) }));
  const opt = (prefix: string, values: readonly string[]): Option[] =>
    values.map((v) => ({ value: v, label: i18n.tDynamic(`${prefix}.${v}`, v) }));
  const setJudgment = (n: number, patch: Partial<JudgmentDraft>) => {
    set({ judgments: d.judgments.map((j, i) => (i === n ? { ...j, ...patch } : j)) });
  };
  const setAppeal = (n: number, patch: Partial<Appeal>) => {
    set({ appeals: d.appeals.map((a, i) => (i === n ? { ...a, ...patch } : a)) });
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (await w.run(() => proceedingsApi.save(caseId, body))) onSaved();
  };

  return (
    <form className="narrow-form" noValidate aria-labelledby="proceedings-title" onSubmit={(e) => void submit(e)}>
      <ErrorSummary items={summary} focusToken={w.form.focusToken} />
      {w.failure ? <ProblemAlert error={w.failure} /> : null}
      <fieldset disabled={!editable}>
        <TextField id="proc-report-numbers" label={t('proceedings.field.reportNumbers')} hint={t('proceedings.reportNumbers.hint')}
          value={d.reportNumbers} spellCheck={false} errors={at(...body.police_report_numbers.map((_, i) => `police_report_numbers[${i}]`), 'police_report_numbers')}
          onChange={(reportNumbers) => { set({ reportNumbers }); }} />
        <OffenceFields offences={d.offences} editable={editable} onChange={setOffences}
          at={at} />

        <FieldGroup id="proc-investigation" label={t('proceedings.investigation')}>
          <CheckboxField id="proc-inv-open" label={t('proceedings.field.investigationOpened')} checked={d.investigation}
            onChange={(investigation) => { set({ investigation }); }} />
          {d.investigation ? (
            <>
              <TextField id="proc-inv-opened_on" type="date" label={t('proceedings.field.openedOn')} value={d.openedOn} required
                errors={at('investigation.opened_on', 'investigation')} onChange={(openedOn) => { set({ openedOn }); }} />
              <SelectField id="proc-inv-led_by" label={t('proceedings.field.ledBy')} value={d.ledBy}
                options={opt('proceedings.leader', INVESTIGATION_LEADERS)} errors={at('investigation.led_by')}
                onChange={(ledBy) => { set({ ledBy }); }} />
              <TextField id="proc-inv-closed_on" type="date" label={t('proceedings.field.closedOn')} value={d.closedOn}
                errors={at('investigation.closed_on')} onChange={(closedOn) => { set({ closedOn }); }} />
              <TextField id="proc-inv-closing_reason" label={t('proceedings.field.closingReason')} value={d.closingReason}
                hint={t('proceedings.closingReason.hint')} errors={at('investigation.closing_reason')}
                onChange={(closingReason) => { set({ closingReason }); }} />
            </>
          ) : null}
        </FieldGroup>

        <FieldGroup id="proc-prosecution" label={t('proceedings.prosecution')}>
          <SelectField id="proc-pros-outcome" label={t('proceedings.field.outcome')} value={d.outcome}
            options={[{ value: '', label: t('proceedings.outcome.none') }, ...opt('proceedings.outcome', PROSECUTION_OUTCOMES)]}
            errors={at('prosecution.outcome', 'prosecution')} onChange={(outcome) => { set({ outcome }); }} />
          {d.outcome ? (
            <TextField id="proc-pros-decided_on" type="date" label={t('proceedings.field.decidedOn')} value={d.decidedOn} required
              errors={at('prosecution.decided_on')} onChange={(decidedOn) => { set({ decidedOn }); }} />
          ) : null}
        </FieldGroup>

        <FieldGroup id="proc-judgments" label={t('proceedings.judgments')} errors={at('judgments')}>
          {d.judgments.map((j, n) => {
            const id = (f: string) => `proc-judgment-${n}-${f}`;
            const path = (f: string) => `judgments[${n}].${f}`;
            return (
              <div key={n} className="card" role="group" aria-label={t('proceedings.judgmentNumber', { number: n + 1 })}>
                <SelectField id={id('level')} label={t('proceedings.field.level')} value={j.level} options={opt('proceedings.level', COURT_LEVELS)}
                  errors={at(path('level'))} onChange={(level) => { setJudgment(n, { level }); }} />
                <TextField id={id('court')} label={t('proceedings.field.court')} hint={t('proceedings.court.hint')} value={j.court} required
                  errors={at(path('court'), `judgments[${n}]`)} onChange={(court) => { setJudgment(n, { court }); }} />
                <TextField id={id('case_number')} label={t('proceedings.field.caseNumber')} value={j.caseNumber} spellCheck={false}
                  errors={at(path('case_number'))} onChange={(caseNumber) => { setJudgment(n, { caseNumber }); }} />
                <TextField id={id('delivered_on')} type="date" label={t('proceedings.field.deliveredOn')} value={j.deliveredOn} required
                  errors={at(path('delivered_on'))} onChange={(deliveredOn) => { setJudgment(n, { deliveredOn }); }} />
                <SelectField id={id('verdict')} label={t('proceedings.field.verdict')} value={j.verdict} options={opt('proceedings.verdict', VERDICTS)}
                  errors={at(path('verdict'))} onChange={(verdict) => { setJudgment(n, { verdict }); }} />
                <SelectField id={id('sentence-kind')} label={t('proceedings.field.sentence')} value={j.sentence}
                  options={[{ value: '', label: t('proceedings.sentence.none') }, ...opt('proceedings.sentence', SENTENCE_KINDS)]}
                  errors={at(path('sentence'), path('sentence.kind'))} onChange={(sentence) => { setJudgment(n, { sentence }); }} />
                {j.sentence === 'prison' ? (
                  <TextField id={id('sentence-months')} label={t('proceedings.field.months')} value={j.months} inputMode="numeric"
                    errors={at(path('sentence.months'))} onChange={(months) => { setJudgment(n, { months }); }} />
                ) : null}
                {j.sentence ? (
                  <TextField id={id('sentence-details')} label={t('proceedings.field.sentenceDetails')} value={j.details}
                    errors={at(path('sentence.details'))} onChange={(details) => { setJudgment(n, { details }); }} />
                ) : null}
                <CheckboxField id={id('final')} label={t('proceedings.field.final')} checked={j.final}
                  errors={at(path('final'))} onChange={(final) => { setJudgment(n, { final }); }} />
                {editable ? (
                  <button type="button" className="button button--secondary button--small"
                    onClick={() => { set({ judgments: d.judgments.filter((_, i) => i !== n) }); }}>
                    {t('proceedings.removeJudgment', { number: n + 1 })}
                  </button>
                ) : null}
              </div>
            );
          })}
          {editable ? (
            <button type="button" className="button button--secondary" onClick={() => { set({ judgments: [...d.judgments, newJudgment()] }); }}>
              {t('proceedings.addJudgment')}
            </button>
          ) : null}
        </FieldGroup>

        <FieldGroup id="proc-appeals" label={t('proceedings.appeals')} errors={at('appeals')}>
          {d.appeals.map((a, n) => {
            const id = (f: string) => `proc-appeal-${n}-${f}`;
            const path = (f: string) => `appeals[${n}].${f}`;
            return (
              <div key={n} className="card" role="group" aria-label={t('proceedings.appealNumber', { number: n + 1 })}>
                <SelectField id={id('from_level')} label={t('proceedings.field.fromLevel')} value={a.from_level}
                  options={opt('proceedings.level', COURT_LEVELS)} errors={at(path('from_level'), `appeals[${n}]`)}
                  onChange={(from_level) => { setAppeal(n, { from_level }); }} />
                <SelectField id={id('by')} label={t('proceedings.field.appealedBy')} value={a.by} options={opt('proceedings.by', APPEALED_BY)}
                  errors={at(path('by'))} onChange={(by) => { setAppeal(n, { by }); }} />
                <TextField id={id('lodged_on')} type="date" label={t('proceedings.field.lodgedOn')} value={a.lodged_on} required
                  errors={at(path('lodged_on'))} onChange={(lodged_on) => { setAppeal(n, { lodged_on }); }} />
                {editable ? (
                  <button type="button" className="button button--secondary button--small"
                    onClick={() => { set({ appeals: d.appeals.filter((_, i) => i !== n) }); }}>
                    {t('proceedings.removeAppeal', { number: n + 1 })}
                  </button>
                ) : null}
              </div>
            );
          })}
          {editable ? (
            <button type="button" className="button button--secondary"
              onClick={() => { set({ appeals: [...d.appeals, { from_level: 'district_court', by: 'prosecutor', lodged_on: '' }] }); }}>
              {t('proceedings.addAppeal')}
            </button>
          ) : null}
        </FieldGroup>

        <FieldGroup id="proc-injured" label={t('proceedings.injuredParties')} hint={t('proceedings.injured.hint')}>
          {parties.length === 0 ? <p>{t('proceedings.injured.nobody')}</p> : null}
          {parties.map((person) => {
            const v = d.injured[person.id] ?? { status: '', since: '' };
            const n = partyOrder.indexOf(person.id);
            const path = (f: string) => `injured_parties[${n}].${f}`;
            const setParty = (patch: Partial<typeof v>) => { set({ injured: { ...d.injured, [person.id]: { ...v, ...patch } } }); };
            const who = `${person.code} (${personRoleLabel(i18n, person.role)})`;
            return (
              <div key={person.id} className="card" role="group" aria-label={who}>
                <SelectField id={`proc-injured-${person.id}-status`} label={t('proceedings.field.injuredStatus', { person: who })} value={v.status}
                  options={[{ value: '', label: t('proceedings.injured.unrecorded') }, ...opt('proceedings.injured', INJURED_PARTY_STATUSES)]}
                  errors={n >= 0 ? at(path('status'), path('person_id')) : undefined} onChange={(status) => { setParty({ status }); }} />
                {v.status ? (
                  <TextField id={`proc-injured-${person.id}-since`} type="date" label={t('proceedings.field.since')} value={v.since}
                    errors={n >= 0 ? at(path('since')) : undefined} onChange={(since) => { setParty({ since }); }} />
                ) : null}
              </div>
            );
          })}
        </FieldGroup>
      </fieldset>
      {editable ? (
        <div className="form-actions">
          <button type="submit" className="button" disabled={w.busy}>{w.busy ? t('action.saving') : t('proceedings.save')}</button>
        </div>
      ) : null}
    </form>
  );
}
