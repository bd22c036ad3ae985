// Beside the intake form: who should act here, on what basis and why (POST /hotline/routing, asked
// again as the facts change). Each suggestion names the organisation, its one-line reason, the legal
// basis for sharing with it (title and reference; "check" where the table says so), free places of a
// shelter and the knowledge article behind the reason. The operator may set a suggestion aside or add
// an organisation, each with a reason (saved as the consultation's overrides), and refer to one.
import { useCallback, useState, type RefObject } from 'react';
import { orgApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { kindLabel } from '../orgs/labels';
import { RecipientPicker, type ChosenOrganisation } from '../referrals/RecipientPicker';
import type { Recommendation, RoutingOverride } from './hotlineTypes';
import { reasonText, routingBasisReference, routingBasisTitle } from './labels';
import type { RoutingState } from './useRouting';

export interface ReferTarget {
  id: string;
  name: string;
  kind: string;
}

interface Props {
  routing: RoutingState;
  overrides: RoutingOverride[];
  onOverridesChange: (overrides: RoutingOverride[]) => void;
  /** Whether "Refer" works now; otherwise `referHint` says what is missing. */
  canRefer: boolean;
  referHint: string;
  onRefer: (to: ReferTarget) => void;
  onOpenArticle: (reason: string, title: string) => void;
  ownOrgId: string | undefined;
  /** Messages of the server about the overrides. */
  errors?: readonly string[];
  readOnly?: boolean;
  /** The heading, focused by Alt+R. */
  headingRef?: RefObject<HTMLHeadingElement | null>;
}

export function RoutingPanel({ headingRef, ...p }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { routing } = p;
  const [adding, setAdding] = useState(false);
  const recs = routing.data?.recommendations ?? [];
  const added = p.overrides.filter((o) => o.added);
  const asideOf = (orgId: string) => p.overrides.find((o) => !o.added && o.organisation_id === orgId);
  const place = routing.data?.place;

  return (
    <aside className="hotline-routing" aria-labelledby="routing-title">
      <h2 id="routing-title" ref={headingRef} tabIndex={-1}>{t('hotline.routing.title')}</h2>
      <p className="muted">{t('hotline.routing.intro')}</p>
      <p role="status" className="muted">{!routing.idle && routing.loading ? t('hotline.routing.updating') : ''}</p>
      {routing.idle ? <p>{t('hotline.routing.idle')}</p> : null}
      {routing.error ? <ProblemAlert error={routing.error} /> : null}
      {place && !routing.idle ? (
        <p className="hotline-place">{[place.municipality.name, place.county.name, place.police_region.name].filter(Boolean).join(' · ')}</p>
      ) : null}
      {p.errors?.length ? <p className="field-error">{p.errors.join(' ')}</p> : null}
      {!routing.idle && !p.canRefer && !p.readOnly ? <p className="alert alert--info">{p.referHint}</p> : null}
      {routing.data && recs.length === 0 ? <p>{t('hotline.routing.none')}</p> : null}
      {recs.length ? (
        <ul className="routing-list">
          {recs.map((r) => (
            <Suggestion key={`${r.organisation.id}/${r.rule_id}`} rec={r} aside={asideOf(r.organisation.id)} {...p}
              onAside={(reason) => {
                p.onOverridesChange([...p.overrides.filter((o) => o.added || o.organisation_id !== r.organisation.id),
                  { organisation_id: r.organisation.id, added: false, reason, organisation_name: r.organisation.name }]);
              }}
              onUndo={() => {
                p.onOverridesChange(p.overrides.filter((o) => o.added || o.organisation_id !== r.organisation.id));
              }} />
          ))}
        </ul>
      ) : null}
      {routing.data?.rules_without_organisation.length ? (
        <p className="muted">{t('hotline.routing.withoutOrganisation', { count: routing.data.rules_without_organisation.length })}</p>
      ) : null}
      {added.length ? (
        <>
          <h3>{t('hotline.routing.added')}</h3>
          <ul className="routing-list">
            {added.map((o) => (
              <li key={o.organisation_id} className="routing-item routing-item--added">
                <h4>{o.organisation_name ?? <OrgName id={o.organisation_id} />}</h4>
                <p className="pre-line" dir="auto">{t('hotline.routing.addedReason', { reason: o.reason })}</p>
                <div className="routing-actions">
                  {p.readOnly ? null : (
                    <button type="button" className="button button--secondary button--small"
                      onClick={() => { p.onOverridesChange(p.overrides.filter((x) => x !== o)); }}>
                      {t('action.remove')}<span className="visually-hidden"> {o.organisation_name}</span>
                    </button>
                  )}
                  <button type="button" className="button button--small" disabled={!p.canRefer}
                    onClick={() => { p.onRefer({ id: o.organisation_id, name: o.organisation_name ?? '', kind: '' }); }}>
                    {t('hotline.routing.refer')}<span className="visually-hidden"> {o.organisation_name}</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {p.readOnly ? null : adding ? (
        <AddOrganisation ownOrgId={p.ownOrgId} onCancel={() => { setAdding(false); }}
          onAdd={(org, reason) => {
            setAdding(false);
            p.onOverridesChange([...p.overrides.filter((o) => !(o.added && o.organisation_id === org.id)),
              { organisation_id: org.id, added: true, reason, organisation_name: org.name }]);
          }} />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => { setAdding(true); }}>
          {t('hotline.routing.add')}
        </button>
      )}
    </aside>
  );
}

function Suggestion({ rec, aside, canRefer, onRefer, onOpenArticle, onAside, onUndo, readOnly }: Props & {
  rec: Recommendation;
  aside: RoutingOverride | undefined;
  onAside: (reason: string) => void;
  onUndo: () => void;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const org = rec.organisation;
  const idBase = `routing-${org.id}-${rec.rule_id}`.replace(/[^\w-]/g, '-');
  const needsCheck = rec.needs_check || rec.basis?.needs_check === true;
  return (
    <li className={aside ? 'routing-item routing-item--aside' : 'routing-item'}>
      <h3 className="routing-org">
        {org.name}
        <span className="routing-kind"> ({kindLabel(i18n, org.kind)})</span>
      </h3>
      <p className="routing-reason">{reasonText(i18n, rec)}</p>
      {rec.basis ? (
        <p className="routing-basis">
          <strong>{t('hotline.routing.basis')}</strong> {routingBasisTitle(i18n, rec.basis)}
          {routingBasisReference(i18n, rec.basis) ? <span className="muted"> ({routingBasisReference(i18n, rec.basis)})</span> : null}
        </p>
      ) : <p className="routing-basis muted">{t('hotline.routing.noBasis')}</p>}
      {needsCheck ? <p><span className="badge badge--unread">{t('hotline.routing.needsCheck')}</span></p> : null}
      {rec.free_places !== null ? (
        <p className="routing-places">{t('hotline.routing.freePlaces', { count: rec.free_places })}</p>
      ) : null}
      {rec.article ? (
        <p>
          <button type="button" className="button--link"
            onClick={() => { onOpenArticle(rec.reason, (lang === 'en' ? rec.article?.title_en : rec.article?.title_sv) ?? ''); }}>
            {t('hotline.routing.article', { title: lang === 'en' ? rec.article.title_en : rec.article.title_sv })}
          </button>
        </p>
      ) : null}
      {aside ? (
        <p className="pre-line" dir="auto"><span className="badge badge--inactive">{t('hotline.routing.setAside')}</span>{' '}
          {t('hotline.routing.asideReason', { reason: aside.reason })}</p>
      ) : null}
      {asking ? (
        <div className="confirm">
          <div className={`field${missing ? ' field--invalid' : ''}`}>
            <label htmlFor={`${idBase}-reason`} className="field-label">
              {t('hotline.routing.asideWhy', { name: org.name })}
            </label>
            {missing ? <p id={`${idBase}-reason-error`} className="field-error">{t('hotline.error.reason.required')}</p> : null}
            <textarea id={`${idBase}-reason`} rows={2} value={reason} aria-invalid={missing || undefined}
              aria-describedby={missing ? `${idBase}-reason-error` : undefined}
              onChange={(e) => { setReason(e.target.value); }} />
          </div>
          <div className="form-actions">
            <button type="button" className="button button--small" onClick={() => {
              if (!reason.trim()) {
                setMissing(true);
                return;
              }
              onAside(reason.trim());
              setAsking(false);
              setReason('');
              setMissing(false);
            }}>{t('hotline.routing.asideConfirm')}</button>
            <button type="button" className="button button--secondary button--small" onClick={() => { setAsking(false); setMissing(false); }}>
              {t('action.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="routing-actions">
        {!aside ? (
          <button type="button" className="button button--small" disabled={!canRefer}
            onClick={() => { onRefer({ id: org.id, name: org.name, kind: org.kind }); }}>
            {t('hotline.routing.refer')}<span className="visually-hidden"> {org.name}</span>
          </button>
        ) : null}
        {readOnly ? null : aside ? (
          <button type="button" className="button button--secondary button--small" onClick={onUndo}>
            {t('hotline.routing.undoAside')}<span className="visually-hidden"> {org.name}</span>
          </button>
        ) : !asking ? (
          <button type="button" className="button button--secondary button--small" onClick={() => { setAsking(true); }}>
            {t('hotline.routing.asideOpen')}<span className="visually-hidden"> {org.name}</span>
          </button>
        ) : null}
      </div>
    </li>
  );
}

function AddOrganisation({ ownOrgId, onAdd, onCancel }: {
  ownOrgId: string | undefined;
  onAdd: (org: ChosenOrganisation, reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [org, setOrg] = useState<ChosenOrganisation | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const orgMissing = tried && !org;
  const reasonMissing = tried && !reason.trim();
  return (
    <div className="confirm routing-add">
      <h3>{t('hotline.routing.addTitle')}</h3>
      <RecipientPicker id="routing-add-org" label={t('hotline.routing.addOrg')} hint={t('ledger.recipient.hint')} value={org}
        onChange={setOrg} excludeId={ownOrgId} errors={orgMissing ? [t('hotline.error.organisation.required')] : undefined} />
      <div className={`field${reasonMissing ? ' field--invalid' : ''}`}>
        <label htmlFor="routing-add-reason" className="field-label">{t('hotline.routing.addWhy')}</label>
        {reasonMissing ? <p id="routing-add-reason-error" className="field-error">{t('hotline.error.reason.required')}</p> : null}
        <textarea id="routing-add-reason" rows={2} value={reason} aria-invalid={reasonMissing || undefined}
          aria-describedby={reasonMissing ? 'routing-add-reason-error' : undefined} onChange={(e) => { setReason(e.target.value); }} />
      </div>
      <div className="form-actions">
        <button type="button" className="button button--small" onClick={() => {
          setTried(true);
          if (org && reason.trim()) onAdd(org, reason.trim());
        }}>{t('hotline.routing.addConfirm')}</button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </div>
  );
}

/** The name of an organisation a saved override names (the override carries only its id). */
function OrgName({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => orgApi.get(id, signal), [id]);
  const { data } = useApi(load);
  return <>{data?.name ?? id}</>;
}
