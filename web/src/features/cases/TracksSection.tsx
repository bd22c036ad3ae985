// The case's tracks (support, proceedings, return): where each stands, the steps it may move to next
// with the facts each still needs in plain words, a button that moves the track once nothing is
// missing, and buttons that record the facts that are declarations (no record implies them).
import { isApiError } from '../../api/client';
import { problemMessage } from '../../components/formProblems';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { trackApi } from './caseWorkApi';
import type { MissingFact, NextStep, Track } from './caseWorkTypes';
import { useCaseData, useWrite } from './useCaseWork';
import { factExplanation, factLabel, recordedByText, stepLabel, trackLabel } from './workLabels';

interface Props {
  caseId: string;
  stamp: number;
  editable: boolean;
  onChanged: (message: string) => void;
}

export function TracksSection({ caseId, stamp, editable, onChanged }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useCaseData(trackApi.get, caseId, stamp);
  const write = useWrite();

  const move = async (track: Track, next: NextStep) => {
    const ok = await write.run(() => trackApi.move(caseId, track.track, next.step, track.step));
    if (ok) onChanged(t('tracks.moved', { track: trackLabel(i18n, track.track), step: stepLabel(i18n, next.step) }));
  };
  const declare = async (fact: string) => {
    const ok = await write.run(() => trackApi.declare(caseId, fact));
    if (ok) onChanged(t('tracks.factRecorded', { fact: factLabel(i18n, fact) }));
  };
  const conflict = isApiError(write.failure) && write.failure.kind === 'conflict';

  return (
    <section className="form-section" aria-labelledby="tracks-title">
      <h2 id="tracks-title">{t('tracks.title')}</h2>
      <p>{t('tracks.intro')}</p>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {write.failure ? (
        <ProblemAlert error={write.failure} message={conflict ? 'tracks.conflict' : undefined}
          onRetry={conflict ? () => { onChanged(t('tracks.reloaded')); } : undefined} />
      ) : null}
      {write.problems.length ? (
        <div className="alert alert--error" role="alert">
          <p>{t('tracks.refused')}</p>
          <ul>{write.problems.map((p, n) => <li key={n}>{problemMessage(i18n, 'tracks', p)}</li>)}</ul>
        </div>
      ) : null}
      {data?.status === 'closed' ? <p className="alert alert--info">{t('tracks.closed')}</p> : null}
      {data?.tracks.map((track) => (
        <TrackCard key={track.track} track={track} editable={editable} busy={write.busy}
          onMove={(n) => void move(track, n)} onDeclare={(f) => void declare(f)} />
      ))}
    </section>
  );
}

function TrackCard({ track, editable, busy, onMove, onDeclare }: {
  track: Track; editable: boolean; busy: boolean; onMove: (n: NextStep) => void; onDeclare: (fact: string) => void;
}) {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const id = `track-${track.track}`;
  if (!track.available) {
    return (
      <div className="card" role="group" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`}>{trackLabel(i18n, track.track)}</h3>
        <p className="muted">{i18n.tDynamic(`tracks.unavailable.${track.unavailable_rule ?? ''}`, t('tracks.unavailable'))}</p>
      </div>
    );
  }
  return (
    <div className="card" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{trackLabel(i18n, track.track)}</h3>
      <p>
        {track.step
          ? t('tracks.current', { step: stepLabel(i18n, track.step) })
          : t('tracks.notStarted')}
        {track.entered_at ? <span className="muted"> {t('tracks.since', { time: formatDateTime(track.entered_at) })}</span> : null}
      </p>
      {track.ending ? <p>{t('tracks.ended')}</p> : null}
      {track.next.length ? <h4>{t('tracks.next')}</h4> : null}
      <ul>
        {track.next.map((n) => (
          <li key={n.step}>
            <p><strong>{stepLabel(i18n, n.step)}</strong>{n.ending ? <span className="muted"> ({t('tracks.ending')})</span> : null}</p>
            {n.missing.length === 0 ? <p>{t('tracks.ready')}</p> : (
              <>
                <p>{t('tracks.missing')}</p>
                <ul>
                  {n.missing.map((m) => (
                    <MissingFactItem key={m.fact} fact={m} editable={editable} busy={busy} onDeclare={onDeclare} />
                  ))}
                </ul>
              </>
            )}
            {editable && n.caller_may_move && n.missing.length === 0 ? (
              <button type="button" className="button" disabled={busy} onClick={() => { onMove(n); }}>
                {t('tracks.move', { step: stepLabel(i18n, n.step) })}
              </button>
            ) : null}
            {editable && !n.caller_may_move ? <p className="muted">{t('tracks.notYourRole')}</p> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function MissingFactItem({ fact, editable, busy, onDeclare }: {
  fact: MissingFact; editable: boolean; busy: boolean; onDeclare: (fact: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const explain = factExplanation(i18n, fact.fact);
  return (
    <li>
      <strong>{factLabel(i18n, fact.fact)}</strong>
      {explain ? <> – {explain}</> : null}{' '}
      <span className="muted">{recordedByText(i18n, fact.recorded_by)}</span>
      {editable && fact.recorded_by === 'declaration' ? (
        <>
          {' '}
          <button type="button" className="button button--secondary button--small" disabled={busy}
            onClick={() => { onDeclare(fact.fact); }}>
            {t('tracks.declare', { fact: factLabel(i18n, fact.fact) })}
          </button>
        </>
      ) : null}
    </li>
  );
}
