// The child track of a case: what was recorded for a child (report of concern to social services,
// immediate custody, guardian appointed, age assessment) with the clocks each started, the
// missing-child alerts, and for the team the buttons that report a child missing or found and the
// form that records a step. The server refuses adults (not_child_track) and names why.
import type { CasePerson } from '../../api/caseTypes';
import { geoApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { DataTable, type Column } from '../../components/DataTable';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { childApi } from './caseWorkApi';
import type { ChildTrack, ChildTrackRecord, MissingAlert } from './caseWorkTypes';
import { ChildTrackForm } from './ChildTrackForm';
import { mayBeChild } from './personRules';
import { useWrite } from './useCaseWork';
import { clockRuleLabel } from './workLabels';

interface Props {
  caseId: string;
  data: ChildTrack | undefined;
  error: unknown;
  reload: () => void;
  editable: boolean;
  persons: readonly CasePerson[];
  onChanged: (message: string) => void;
}

const loadMunicipalities = (signal: AbortSignal) => geoApi.municipalities(signal);

export function ChildTrackSection({ caseId, data, error, reload, editable, persons, onChanged }: Props) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const municipalities = useApi(loadMunicipalities);
  const write = useWrite();
  const children = persons.filter((p) => mayBeChild(p));
  const code = (personId: string) => persons.find((p) => p.id === personId)?.code ?? personId;
  const municipalityName = (c: string | null) => (c ? municipalities.data?.items.find((m) => m.code === c)?.name ?? c : '');
  const openAlert = (personId: string) => data?.alerts.find((a) => a.person_id === personId && a.open);

  const missing = async (p: CasePerson) => {
    if (await write.run(() => childApi.missing(caseId, p.id))) onChanged(t('child.missing.reported', { code: p.code }));
  };
  const found = async (p: CasePerson) => {
    if (await write.run(() => childApi.found(caseId, p.id))) onChanged(t('child.missing.resolvedMessage', { code: p.code }));
  };

  const columns: Column<ChildTrackRecord>[] = [
    { id: 'kind', header: t('child.field.kind'), cell: (r) => i18n.tDynamic(`child.kind.${r.kind}`, r.kind) },
    { id: 'person', header: t('child.field.person'), cell: (r) => code(r.person_id) },
    { id: 'on', header: t('child.field.on'), cell: (r) => formatDate(r.on) },
    {
      id: 'details',
      header: t('child.field.details'),
      cell: (r) => [
        r.municipality ? municipalityName(r.municipality) : '',
        r.outcome ? i18n.tDynamic(`child.outcome.${r.outcome}`, r.outcome) : '',
        ...r.clocks.map((c) => t('child.clockStarted', { rule: clockRuleLabel(i18n, c.rule_id), date: c.ends_on ? formatDate(c.ends_on) : '–' })),
      ].filter(Boolean).join(' · '),
    },
  ];

  return (
    <section className="form-section" aria-labelledby="child-title">
      <h2 id="child-title">{t('child.title')}</h2>
      <p>{t('child.intro')}</p>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {write.failure ? <ProblemAlert error={write.failure} /> : null}
      {write.problems.length ? (
        <p className="alert alert--error" role="alert">
          {write.problems.map((p) => i18n.tDynamic(`child.error.${p.field}.${p.rule}`, p.detail || p.rule)).join(' ')}
        </p>
      ) : null}
      {!data && !error ? <Loading /> : null}
      {data?.records.length === 0 ? <p>{t('child.none')}</p> : null}
      {data && data.records.length > 0 ? (
        <DataTable caption={t('child.caption')} labelledBy="child-title" columns={columns} rows={data.records} rowKey={(r) => r.id} />
      ) : null}
      {data && editable && children.length > 0 ? (
        <ul className="plain-list">
          {children.map((p) => {
            const alert = openAlert(p.id);
            return (
              <li key={p.id}>
                {alert ? (
                  <button type="button" className="button button--secondary" disabled={write.busy} onClick={() => void found(p)}>
                    {t('child.missing.found', { code: p.code })}
                  </button>
                ) : (
                  <button type="button" className="button button--warning" disabled={write.busy} onClick={() => void missing(p)}>
                    {t('child.missing.report', { code: p.code })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {editable && children.length > 0 ? (
        <ChildTrackForm caseId={caseId} persons={children} municipalities={municipalities.data?.items ?? []} onDone={onChanged} />
      ) : null}
    </section>
  );
}

/** The banner at the top of a case whose child is missing: who, since when, and that the team was told. */
export function MissingChildBanner({ alerts, persons }: { alerts: readonly MissingAlert[]; persons: readonly CasePerson[] }) {
  const { t, formatDateTime } = useI18n();
  const open = alerts.filter((a) => a.open);
  if (!open.length) return null;
  return (
    <div className="alert alert--error" role="alert" aria-labelledby="missing-banner-title">
      <h2 id="missing-banner-title">{t('child.missing.banner')}</h2>
      <ul>
        {open.map((a) => (
          <li key={a.id}>
            {t('child.missing.since', {
              code: persons.find((p) => p.id === a.person_id)?.code ?? a.person_id,
              time: formatDateTime(a.opened_at),
            })}
          </li>
        ))}
      </ul>
      <p>{t('child.missing.what')}</p>
    </div>
  );
}
