// /hotline/new and /hotline/consultations/:id/edit: the intake screen for an operator on the phone.
// Keyboard first (ShortcutHelp lists the keys), a running call timer, the form in the order of a call,
// the routing suggestions beside it (updated as the facts change), the immediate-danger steps when
// marked, the knowledge base a keystroke away and, once saved with an identity basis, "Refer".
import { useCallback, useEffect, useEffectEvent, useRef, useState, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Referral } from '../../api/referralTypes';
import { useApi } from '../../api/useApi';
import { ErrorSummary } from '../../components/ErrorSummary';
import { validationProblems, useFormProblems, type FormField } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { useGeoReference } from '../geo/useGeoReference';
import { ContactFields, PlaceFields, TopicChoices } from './CallerFields';
import { ConsultationReferralDialog } from './ConsultationReferralDialog';
import { DangerPanel, type PendingStep } from './DangerPanel';
import { AdviceFields, FactsFields, IdentityFields, SituationField, UrgencyFields } from './FactsFields';
import { consultationApi, hotlineApi } from './hotlineApi';
import type { Consultation, DangerStepRecord } from './hotlineTypes';
import {
  consultationBody, emptyIntake, formatDuration, identityAllowed, intakeFromConsultation, intakeProblems, shortcutOf, situationOf,
  withDanger, type IntakeDraft,
} from './intakeModel';
import { KnowledgeSearchPanel } from './KnowledgePanel';
import { topicLabel } from './labels';
import { RoutingPanel, type ReferTarget } from './RoutingPanel';
import { ShortcutHelp } from './ShortcutHelp';
import { useCallTimer } from './useCallTimer';
import { useRouting } from './useRouting';
import './hotline.css';

export const loadSetup = (signal: AbortSignal) => hotlineApi.setup(signal);

export function IntakePage() {
  const { id } = useParams();
  return id ? <EditIntake id={id} /> : <IntakeScreen key="new" initial={null} />;
}

function EditIntake({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => consultationApi.get(id, signal), [id]);
  const { data, error, reload } = useApi(load);
  if (error) return <ProblemAlert error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  return <IntakeScreen key={data.id} initial={data} />;
}

function IntakeScreen({ initial }: { initial: Consultation | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const own = activeUser(useSession().state)?.organisation.id;
  const setup = useApi(loadSetup);
  const { geo } = useGeoReference();
  const [draft, setDraft] = useState<IntakeDraft>(() => (initial ? intakeFromConsultation(initial) : emptyIntake(new Date())));
  const timer = useCallTimer(initial?.duration_seconds ?? 0, initial === null);
  const [saved, setSaved] = useState<Consultation | null>(initial);
  const [records, setRecords] = useState<DangerStepRecord[]>(initial?.danger_steps ?? []);
  const [pending, setPending] = useState<PendingStep[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [knowledge, setKnowledge] = useState<{ query: string; reason?: string } | null>(null);
  const [referTo, setReferTo] = useState<ReferTarget | null>(null);
  const [lastReferral, setLastReferral] = useState<Referral | null>(null);
  const situationRef = useRef<HTMLTextAreaElement>(null);
  const routingRef = useRef<HTMLHeadingElement>(null);
  usePageTitle(saved ? t('hotline.intake.titleSaved', { code: saved.code }) : t('hotline.intake.title'));

  const fields: Record<string, FormField> = {
    channel: { id: 'intake-channel', label: t('hotline.field.channel') },
    received_at_us: { id: 'intake-received', label: t('hotline.field.received') },
    'caller.organisation_id': { id: 'intake-caller-org', label: t('hotline.field.callerOrg') },
    'caller.organisation_name': { id: 'intake-caller-org-name', label: t('hotline.field.callerOrgName') },
    'caller.role': { id: 'intake-caller-role', label: t('hotline.field.callerRole') },
    'caller.name': { id: 'intake-caller-name', label: t('hotline.field.callerName') },
    'caller.phone': { id: 'intake-caller-phone', label: t('hotline.field.callerPhone') },
    'caller.email': { id: 'intake-caller-email', label: t('hotline.field.callerEmail') },
    language: { id: 'intake-language', label: t('hotline.field.language') },
    topic: { id: 'intake-topic', label: t('hotline.field.topic') },
    place: { id: 'intake-abroad', label: t('hotline.intake.place') },
    municipality_code: { id: 'intake-municipality', label: t('hotline.field.municipality') },
    abroad_country: { id: 'intake-country', label: t('hotline.field.country') },
    situation: { id: 'intake-situation', label: t('hotline.field.situation') },
    'person.age_group': { id: 'intake-age-group', label: t('hotline.field.ageGroup') },
    'person.approximate_age': { id: 'intake-age', label: t('hotline.field.approximateAge') },
    'person.forms': { id: 'intake-forms', label: t('hotline.field.forms') },
    'person.social_services_involve_police': { id: 'intake-social-police', label: t('hotline.field.socialServicesPolice') },
    urgency: { id: 'intake-urgency', label: t('hotline.field.urgency') },
    immediate_danger: { id: 'intake-danger', label: t('hotline.field.immediateDanger') },
    identity_basis: { id: 'intake-identity-basis', label: t('hotline.field.identityBasis') },
    'identity.name': { id: 'intake-identity-name', label: t('hotline.field.identityName') },
    'identity.date_of_birth': { id: 'intake-identity-dob', label: t('hotline.field.identityDob') },
    'identity.phone': { id: 'intake-identity-phone', label: t('hotline.field.identityPhone') },
    'identity.email': { id: 'intake-identity-email', label: t('hotline.field.identityEmail') },
    advice: { id: 'intake-advice', label: t('hotline.field.advice') },
    'follow_up.text': { id: 'intake-follow-up', label: t('hotline.field.followUp') },
    time_spent_minutes: { id: 'intake-time-spent', label: t('hotline.field.timeSpent') },
    overrides: { id: 'routing-title', label: t('hotline.routing.title') },
    'overrides.reason': { id: 'routing-title', label: t('hotline.routing.title') },
    'overrides.organisation_id': { id: 'routing-title', label: t('hotline.routing.title') },
  };
  const form = useFormProblems('hotline', fields);
  const routing = useRouting(situationOf(draft));

  const save = async () => {
    if (busy) return;
    setFailure(null);
    setMessage(null);
    const local = intakeProblems(draft);
    form.setProblems(local);
    if (local.length) return;
    setBusy(true);
    try {
      const body = consultationBody(draft, timer.seconds);
      const c = saved
        ? await consultationApi.update(saved.id, { ...body, version: saved.version })
        : await consultationApi.create({ ...body, assign_to_me: true });
      setSaved(c);
      let steps = c.danger_steps;
      setRecords(steps);
      for (const p of pending) {
        steps = [...steps, await consultationApi.dangerStep(c.id, p.step, p.at_us)];
        setPending((list) => list.filter((x) => x !== p));
        setRecords(steps);
      }
      if (draft.followUpText.trim()) {
        await consultationApi.addFollowUp(c.id, draft.followUpText.trim(), draft.followUpDue || null);
        setDraft((d) => ({ ...d, followUpText: '', followUpDue: '' }));
      }
      setMessage(t('hotline.saved', { code: c.code }));
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const markDone = async (step: string) => {
    const at = Date.now() * 1000;
    if (!saved) {
      setPending((list) => [...list, { step, at_us: at }]);
      return;
    }
    setFailure(null);
    try {
      const r = await consultationApi.dangerStep(saved.id, step, at);
      setRecords((list) => [...list, r]);
    } catch (err) {
      setFailure(err);
    }
  };

  const toggleDanger = () => {
    const on = !draft.immediateDanger;
    setDraft(withDanger(draft, on));
    setMessage(on ? t('hotline.danger.marked') : t('hotline.danger.cleared'));
  };

  const onShortcut = useEffectEvent((e: KeyboardEvent) => {
    const s = shortcutOf(e);
    if (!s) return;
    // Inside the referral dialog or the knowledge panel, keys are theirs (Alt+K still closes the panel).
    const inDialog = e.target instanceof Element && e.target.closest('dialog') !== null;
    if (inDialog && s.kind !== 'knowledge') return;
    e.preventDefault();
    if (s.kind === 'topic') {
      setDraft((d) => ({ ...d, topic: s.topic }));
      setMessage(t('hotline.topicChosen', { topic: topicLabel(i18n, s.topic) }));
    } else if (s.kind === 'danger') toggleDanger();
    else if (s.kind === 'knowledge') setKnowledge((k) => (k ? null : { query: '' }));
    else if (s.kind === 'timer') timer.toggle();
    else if (s.kind === 'situation') situationRef.current?.focus();
    else if (s.kind === 'routing') routingRef.current?.focus();
    else void save();
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => { onShortcut(e); };
    document.addEventListener('keydown', listener);
    return () => {
      document.removeEventListener('keydown', listener);
    };
  }, []);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void save();
  };
  const canRefer = saved !== null && identityAllowed(saved.identity_basis);
  const referHint = saved ? t('hotline.refer.needsBasis') : t('hotline.refer.needsSave');
  const municipalityName = geo?.municipality(draft.municipalityCode)?.name ?? '';
  const closed = saved?.status === 'closed';

  return (
    <div className="hotline-intake">
      <div className="page-head">
        <h1>{saved ? t('hotline.intake.titleSaved', { code: saved.code }) : t('hotline.intake.title')}</h1>
        <div className="call-bar">
          <p className="call-timer">
            <span>{t('hotline.timer.label')}</span>{' '}
            <span role="timer" className="call-timer-value">{formatDuration(timer.seconds)}</span>
            {timer.running ? null : <span className="muted"> ({t('hotline.timer.paused')})</span>}
          </p>
          <button type="button" className="button button--secondary" onClick={timer.toggle}>
            {timer.running ? t('hotline.timer.pause') : t('hotline.timer.start')} <kbd className="shortcut-key">Alt+T</kbd>
          </button>
          <button type="button" className={draft.immediateDanger ? 'button button--warning' : 'button button--secondary'}
            aria-pressed={draft.immediateDanger} onClick={toggleDanger}>
            {t('hotline.danger.button')} <kbd className="shortcut-key">Alt+D</kbd>
          </button>
          <button type="button" className="button button--secondary" onClick={() => { setKnowledge({ query: '' }); }}>
            {t('hotline.knowledge.open')} <kbd className="shortcut-key">Alt+K</kbd>
          </button>
        </div>
      </div>
      <ShortcutHelp />
      <StatusMessage message={message} />
      {closed ? <p className="alert alert--info">{t('hotline.intake.closed')}</p> : null}
      {draft.immediateDanger ? (
        <DangerPanel setup={setup.data} municipalityCode={draft.abroad ? '' : draft.municipalityCode} municipalityName={municipalityName}
          recorded={records} pending={pending} saved={saved?.immediate_danger === true} busy={busy} onDone={(s) => void markDone(s)} />
      ) : null}
      {knowledge ? (
        <KnowledgeSearchPanel open onClose={() => { setKnowledge(null); }} initialQuery={knowledge.query} reason={knowledge.reason} />
      ) : null}
      {referTo && saved ? (
        <ConsultationReferralDialog consultationId={saved.id} recipient={referTo} identityBasis={saved.identity_basis}
          language={saved.language} immediateDanger={saved.immediate_danger} ownOrgId={own}
          onClose={() => { setReferTo(null); }}
          onSent={(r) => {
            setReferTo(null);
            setLastReferral(r);
            setMessage(t('referral.sentMessage', { code: r.code, name: r.recipient.name }));
          }} />
      ) : null}
      {lastReferral?.delivery === 'other_means' ? (
        <p className="alert alert--info">
          {t('referral.sentOtherMeans', { code: lastReferral.code })}{' '}
          <Link to={`/referrals/${lastReferral.id}/print`}>{t('referral.printLink')}</Link>
        </p>
      ) : null}
      <div className="intake-layout">
        <div className="intake-main">
          <ErrorSummary items={form.summary} focusToken={form.focusToken} />
          {failure ? <ProblemAlert error={failure} /> : null}
          <form id="intake-form" noValidate aria-labelledby="intake-form-title" onSubmit={submit}>
            <h2 id="intake-form-title" className="visually-hidden">{t('hotline.intake.formTitle')}</h2>
            <ContactFields draft={draft} onChange={setDraft} errors={form.errorsFor} ownOrgId={own} />
            <TopicChoices draft={draft} onChange={setDraft} errors={form.errorsFor} />
            <PlaceFields draft={draft} onChange={setDraft} errors={form.errorsFor} />
            <SituationField draft={draft} onChange={setDraft} errors={form.errorsFor} textRef={situationRef} />
            <FactsFields draft={draft} onChange={setDraft} errors={form.errorsFor} />
            <UrgencyFields draft={draft} onChange={setDraft} errors={form.errorsFor} />
            <IdentityFields draft={draft} onChange={setDraft} errors={form.errorsFor} />
            <AdviceFields draft={draft} onChange={setDraft} errors={form.errorsFor} saved={saved !== null} />
            <div className="form-actions">
              <button type="submit" className="button" disabled={busy}>
                {busy ? t('action.saving') : t('hotline.save')} <kbd className="shortcut-key">Ctrl+Enter</kbd>
              </button>
              {saved ? <Link to={`/hotline/consultations/${saved.id}`}>{t('hotline.intake.toConsultation', { code: saved.code })}</Link> : null}
              <Link to="/hotline">{t('hotline.intake.toQueue')}</Link>
            </div>
          </form>
        </div>
        <RoutingPanel routing={routing} overrides={draft.overrides} onOverridesChange={(overrides) => { setDraft({ ...draft, overrides }); }}
          canRefer={canRefer} referHint={referHint} onRefer={setReferTo} ownOrgId={own} errors={['overrides', 'overrides.reason', 'overrides.organisation_id'].flatMap((f) => form.errorsFor(f) ?? [])}
          onOpenArticle={(reason, title) => { setKnowledge({ query: title, reason }); }} headingRef={routingRef} />
      </div>
    </div>
  );
}
