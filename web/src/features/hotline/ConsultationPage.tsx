// /hotline/consultations/:id: everything recorded about a consultation, its follow-ups, the danger
// steps, the routing for its situation with the overrides, the consents and referrals sent from it, and
// its history; assign, close and reopen.
import { Fragment, useCallback, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Referral } from '../../api/referralTypes';
import type { ItemList } from '../../api/types';
import type { ApiState } from '../../api/useApi';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { useCaseData } from '../cases/useCaseWork';
import { useGeoReference } from '../geo/useGeoReference';
import { useLanguageNames } from '../orgs/useLanguageNames';
import { SentReferrals } from '../referrals/SentReferrals';
import { ConsultationReferralDialog } from './ConsultationReferralDialog';
import { ConsentsSection, DangerStepsSection, FollowUpsSection, HistorySection, historyOf } from './ConsultationSections';
import { consultationApi } from './hotlineApi';
import type { Consultation, ConsultationConsent } from './hotlineTypes';
import { formatDuration, identityAllowed, intakeFromConsultation, situationOf } from './intakeModel';
import { KnowledgeSearchPanel } from './KnowledgePanel';
import {
  ageGroupLabel, channelLabel, citizenshipLabel, formLabel, genderLabel, identityBasisLabel, statusClass, statusLabel, topicLabel,
  urgencyLabel,
} from './labels';
import { RoutingPanel, type ReferTarget } from './RoutingPanel';
import { useRouting } from './useRouting';
import './hotline.css';

export function ConsultationPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [stamp, setStamp] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const c = useCaseData(consultationApi.get, id, stamp);
  const consents = useCaseData(consultationApi.consents, id, stamp);
  const referrals = useCaseData(consultationApi.referrals, id, stamp);
  const changed = useCallback((m: string) => {
    setMessage(m);
    setStamp((s) => s + 1);
  }, []);
  usePageTitle(c.data ? t('hotline.consultation.title', { code: c.data.code }) : t('hotline.consultation.loading'));
  if (c.error) return <ProblemAlert error={c.error} onRetry={c.reload} />;
  if (!c.data) return <Loading />;
  return (
    <ConsultationView c={c.data} message={message} onChanged={changed}
      consents={{ list: consents.data?.items, error: consents.error, reload: consents.reload }}
      referrals={referrals} />
  );
}

function ConsultationView({ c, message, onChanged, consents, referrals }: {
  c: Consultation;
  message: string | null;
  onChanged: (m: string) => void;
  consents: { list: ConsultationConsent[] | undefined; error: unknown; reload: () => void };
  referrals: ApiState<ItemList<Referral>>;
}) {
  const i18n = useI18n();
  const { t, formatDate, lang } = i18n;
  const me = activeUser(useSession().state);
  const { geo } = useGeoReference();
  const nameOf = useLanguageNames([c.language], lang);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [referTo, setReferTo] = useState<ReferTarget | null>(null);
  const [knowledge, setKnowledge] = useState<{ query: string; reason?: string } | null>(null);
  const draft = intakeFromConsultation(c);
  const routing = useRouting(situationOf(draft));
  const closed = c.status === 'closed';
  const at = (us: number | null) => (us ? i18n.formatDateTime(new Date(us / 1000).toISOString()) : '');
  const yes = (v: boolean | null) => (v === null ? t('hotline.unknown') : v ? t('hotline.yes') : t('hotline.no'));

  const act = async (write: () => Promise<Consultation>, done: (x: Consultation) => string) => {
    setBusy(true);
    setFailure(null);
    try {
      onChanged(done(await write()));
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const place = c.abroad_country
    ? t('hotline.abroadIn', { country: c.abroad_country })
    : c.municipality_code ? (geo?.municipality(c.municipality_code)?.name ?? c.municipality_code) : t('hotline.unknown');
  const rows: [string, ReactNode][] = [
    [t('hotline.field.received'), at(c.received_at_us)],
    [t('hotline.field.channel'), channelLabel(i18n, c.channel)],
    [t('hotline.timer.label'), formatDuration(c.duration_seconds)],
    [t('hotline.field.timeSpent'), t('hotline.minutes', { count: c.time_spent_minutes })],
    [t('hotline.col.caller'), [c.caller_organisation?.name ?? c.caller.organisation_name, c.caller.role, c.caller.name, c.caller.phone, c.caller.email]
      .filter(Boolean).join(', ')],
    [t('hotline.field.language'), `${nameOf(c.language)}${c.interpreter ? ` · ${t('hotline.field.interpreter')}` : ''}`],
    [t('hotline.field.topic'), topicLabel(i18n, c.topic)],
    [t('hotline.intake.place'), place],
    [t('hotline.field.situation'), <span key="s" className="pre-line" dir="auto">{c.situation}</span>],
    [t('hotline.field.ageGroup'), `${ageGroupLabel(i18n, c.person.age_group)}${c.person.approximate_age !== null ? ` (${t('hotline.aboutAge', { age: c.person.approximate_age })})` : ''}`],
    [t('hotline.field.gender'), genderLabel(i18n, c.person.gender)],
    [t('hotline.field.citizenship'), citizenshipLabel(i18n, c.person.citizenship)],
    [t('hotline.field.residencePermit'), yes(c.person.holds_residence_permit)],
    [t('hotline.field.forms'), c.person.forms.map((f) => formLabel(i18n, f)).join(', ') || '–'],
    [t('hotline.indicators.count'), String(c.person.indicators.length)],
    [t('hotline.field.wantsToReport'), yes(c.person.wants_to_report_to_police)],
    [t('hotline.field.wishToReturn'), yes(c.person.wish_to_return)],
    [t('hotline.field.needsShelter'), yes(c.person.needs_shelter)],
    ...(c.person.age_group === 'child'
      ? [[t('hotline.field.socialServicesPolice'), c.person.social_services_involve_police === null ? t('hotline.notDecided') : yes(c.person.social_services_involve_police)] as [string, ReactNode]]
      : []),
    [t('hotline.field.urgency'), urgencyLabel(i18n, c.urgency)],
    [t('hotline.col.respondBy'), <span key="r">{at(c.respond_by_us)}{c.overdue && !closed ? <span className="badge badge--damaged badge--inline">{t('hotline.overdue')}</span> : null}</span>],
    [t('hotline.field.identityBasis'), identityBasisLabel(i18n, c.identity_basis)],
    ...(c.identity && identityAllowed(c.identity_basis)
      ? [[t('hotline.intake.identity'), [c.identity.name, c.identity.date_of_birth ? formatDate(c.identity.date_of_birth) : '', c.identity.phone, c.identity.email].filter(Boolean).join(', ')] as [string, ReactNode]]
      : []),
    [t('hotline.field.advice'), <span key="a" className="pre-line" dir="auto">{c.advice}</span>],
    [t('hotline.col.assigned'), c.assigned_to?.name ?? t('hotline.queue.nobody')],
  ];

  return (
    <div className="hotline-consultation">
      <p className="breadcrumb"><Link to="/hotline">{t('hotline.queue.title')}</Link></p>
      <div className="page-head">
        <h1>
          {t('hotline.consultation.title', { code: c.code })}{' '}
          <span className={statusClass(c.status)}>{statusLabel(i18n, c.status)}</span>
          {c.immediate_danger ? <span className="badge badge--damaged badge--inline">{t('hotline.urgency.immediate_danger')}</span> : null}
        </h1>
        <div className="page-actions">
          {!closed ? <Link to={`/hotline/consultations/${c.id}/edit`} className="button">{t('hotline.consultation.edit')}</Link> : null}
          {!closed && me && c.assigned_to?.id !== me.id ? (
            <button type="button" className="button button--secondary" disabled={busy}
              onClick={() => void act(() => consultationApi.assign(c.id, c.version, me.id), () => t('hotline.consultation.assignedMe'))}>
              {t('hotline.queue.assignMe')}
            </button>
          ) : null}
          {!closed && c.assigned_to ? (
            <button type="button" className="button button--secondary" disabled={busy}
              onClick={() => void act(() => consultationApi.assign(c.id, c.version, null), () => t('hotline.queue.unassigned', { code: c.code }))}>
              {t('hotline.queue.backToQueue')}
            </button>
          ) : null}
          {closed ? (
            <button type="button" className="button button--secondary" disabled={busy}
              onClick={() => void act(() => consultationApi.reopen(c.id, c.version), () => t('hotline.consultation.reopened'))}>
              {t('hotline.consultation.reopen')}
            </button>
          ) : (
            <ConfirmButton secondary busy={busy} label={t('hotline.consultation.close')} question={t('hotline.consultation.closeQuestion')}
              confirmLabel={t('hotline.consultation.closeConfirm')}
              onConfirm={() => act(() => consultationApi.close(c.id, c.version), () => t('hotline.consultation.closedMessage'))} />
          )}
        </div>
      </div>
      <StatusMessage message={message} />
      {failure ? <ProblemAlert error={failure} /> : null}
      {knowledge ? (
        <KnowledgeSearchPanel open onClose={() => { setKnowledge(null); }} initialQuery={knowledge.query} reason={knowledge.reason} />
      ) : null}
      {referTo ? (
        <ConsultationReferralDialog consultationId={c.id} recipient={referTo} identityBasis={c.identity_basis} language={c.language}
          immediateDanger={c.immediate_danger} ownOrgId={me?.organisation.id} onClose={() => { setReferTo(null); }}
          onSent={(r) => { setReferTo(null); onChanged(t('referral.sentMessage', { code: r.code, name: r.recipient.name })); }} />
      ) : null}
      <div className="intake-layout">
        <div>
          <section aria-labelledby="recorded-title">
            <h2 id="recorded-title">{t('hotline.consultation.recorded')}</h2>
            <dl className="details">
              {rows.map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
          <DangerStepsSection c={c} />
          <FollowUpsSection c={c} onChanged={onChanged} />
          <SentReferrals list={referrals} editable={!closed} onChanged={onChanged} />
          <ConsentsSection list={consents.list} error={consents.error} onRetry={consents.reload} editable={!closed} onChanged={onChanged} />
          <HistorySection events={historyOf(i18n, c, consents.list ?? [], referrals.data?.items ?? [])} />
        </div>
        <RoutingPanel routing={routing} overrides={draft.overrides} onOverridesChange={() => undefined} readOnly
          canRefer={!closed && identityAllowed(c.identity_basis)} referHint={t('hotline.refer.needsBasis')} onRefer={setReferTo}
          ownOrgId={me?.organisation.id} onOpenArticle={(reason, title) => { setKnowledge({ query: title, reason }); }} />
      </div>
    </div>
  );
}
