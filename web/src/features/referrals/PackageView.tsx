// The contents of a referral's sealed package, read-only and readable: each disclosed section in words
// (identity: names and birth date; needs and safety: wishes and the safety plan; assessment: indicators,
// the conclusion and the exploitation; tracks, clocks, child-protection records, notes). The document's
// shape is src/storage/codec/package_document_codec.hpp; anything this page does not know shows as a definition list.
import type { ReactNode } from 'react';
import { useI18n, type I18n } from '../../i18n/context';
import { sectionLabel } from './labels';
import { asArray, asRecord, asString, isRecord, type Json } from './packageShape';

export function PackageView({ doc, headingLevel = 3 }: { doc: Record<string, unknown>; headingLevel?: 3 | 4 }) {
  const i18n = useI18n();
  const { t } = i18n;
  const sections = asRecord(doc.sections) ?? {};
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="package">
      <dl className="details">
        <dt>{t('package.person')}</dt>
        <dd>{asString(doc.person)}</dd>
        <dt>{t('package.sentOn')}</dt>
        <dd>{i18n.formatDate(asString(doc.sent_on))}</dd>
        {isRecord(doc.case) ? (
          <>
            <dt>{t('package.case')}</dt>
            <dd>{asString(doc.case.code)} ({i18n.tDynamic(`caseType.${asString(doc.case.type)}`, asString(doc.case.type))})</dd>
          </>
        ) : null}
      </dl>
      {doc.protected === true ? <p className="alert alert--warning">{t('package.protected')}</p> : null}
      {Object.keys(sections).length === 0 ? <p>{t('package.empty')}</p> : null}
      {Object.entries(sections).map(([name, value]) => (
        <section key={name} aria-labelledby={`package-${name}`} className="package-section">
          <H id={`package-${name}`}>{sectionLabel(i18n, name)}</H>
          <SectionBody name={name} value={value as Json} />
        </section>
      ))}
    </div>
  );
}

function SectionBody({ name, value }: { name: string; value: Json }) {
  const r = asRecord(value);
  switch (name) {
    case 'identity':
      return r ? <Identity v={r} /> : <Generic v={value} />;
    case 'contact':
      return r ? <Contact v={r} /> : <Generic v={value} />;
    case 'needs_safety':
      return r ? <NeedsSafety v={r} /> : <Generic v={value} />;
    case 'assessment':
      return r ? <AssessmentBody v={r} /> : <Generic v={value} />;
    case 'support':
    case 'return':
    case 'proceedings':
    case 'child_protection':
      return r ? <TrackBody v={r} /> : <Generic v={value} />;
    case 'notes':
      return <Notes v={value} />;
    default:
      return <Generic v={value} />;
  }
}

function Dl({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  const shown = rows.filter(([, v]) => v !== '' && v !== null && v !== undefined);
  if (!shown.length) return null;
  return (
    <dl className="details">
      {shown.map(([k, v]) => (
        <Row key={k} label={k} value={v} />
      ))}
    </dl>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd dir="auto">{value}</dd>
    </>
  );
}

const code = (i: I18n, prefix: string, v: unknown) => {
  const s = asString(v);
  return s ? i.tDynamic(`${prefix}.${s}`, s) : '';
};
const yesNo = (i: I18n, v: unknown) => (v === true ? i.t('package.yes') : v === false ? i.t('package.no') : '');

function Identity({ v }: { v: Record<string, unknown> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const id = asRecord(v.identity) ?? {};
  const names = asArray(id.names).map(asRecord).filter((n) => n !== null);
  const dob = asRecord(id.dob);
  let dobText = '';
  if (dob && asString(dob.date)) dobText = asString(dob.date);
  else if (dob) dobText = t('package.ageRange', { min: asString(dob.min), max: asString(dob.max), on: asString(dob.on) });
  const docs = asArray(id.docs).map(asRecord).filter((d) => d !== null);
  return (
    <>
      <Dl rows={[
        [t('package.role'), code(i18n, 'personRole', v.role)],
        [t('package.names'), names.length ? (
          <ul className="plain-list">
            {names.map((n, k) => (
              <li key={k}>
                {asString(n.l)}{asString(n.o) ? ` (${asString(n.o)})` : ''}{asString(n.k) === 'alias' ? ` – ${t('package.alias')}` : ''}
              </li>
            ))}
          </ul>
        ) : ''],
        [t('package.dateOfBirth'), dobText],
        [t('package.claimedMinor'), id.minor === true ? t('package.yes') : ''],
        [t('package.gender'), code(i18n, 'gender', id.gender)],
        [t('package.citizenship'), [code(i18n, 'citizenship', id.cit), asArray(id.countries).map(asString).join(', ')].filter(Boolean).join(': ')],
        [t('package.permit'), code(i18n, 'person.permit.choice', id.permit)],
        [t('package.unaccompanied'), id.unacc === true ? t('package.yes') : ''],
        [t('package.languages'), asArray(id.lang).map(asString).join(', ')],
        [t('package.documents'), docs.map((d) => [asString(d.t), asString(d.n), asString(d.c), asString(d.x)].filter(Boolean).join(' · ')).join('; ')],
      ]} />
    </>
  );
}

function Contact({ v }: { v: Record<string, unknown> }) {
  const { t } = useI18n();
  return (
    <Dl rows={[
      [t('package.phones'), asArray(v.phones).map(asString).join(', ')],
      [t('package.emails'), asArray(v.emails).map(asString).join(', ')],
      [t('package.address'), asString(v.address)],
      [t('package.contactNotes'), asString(v.notes)],
    ]} />
  );
}

function NeedsSafety({ v }: { v: Record<string, unknown> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const wishes = asArray(v.wishes).map(asRecord).filter((w) => w !== null);
  const plan = asRecord(v.safety_plan);
  return (
    <>
      <h5>{t('package.wishes')}</h5>
      {wishes.length ? (
        <ul>
          {wishes.map((w, k) => (
            <li key={k} dir="auto">{asString(w.on)}: {asString(w.w)}{asString(w.s) ? ` (${code(i18n, 'work.step', w.s)})` : ''}</li>
          ))}
        </ul>
      ) : <p>{t('package.noneRecorded')}</p>}
      <h5>{t('package.safetyPlan')}</h5>
      {plan ? (
        <Dl rows={[
          [t('package.risks'), asArray(plan.risks).map(asRecord).filter((x) => x !== null)
            .map((x) => `${asString(x.d)} (${code(i18n, 'safety.level', x.l)})`).join('; ')],
          [t('package.measures'), asArray(plan.meas).map(asRecord).filter((x) => x !== null)
            .map((x) => [asString(x.d), asString(x.r)].filter(Boolean).join(' – ')).join('; ')],
          [t('package.whoToCall'), asArray(plan.call).map(asRecord).filter((x) => x !== null)
            .map((x) => [asString(x.n), asString(x.p)].filter(Boolean).join(' ')).join('; ')],
          [t('package.madeOn'), asString(plan.on)],
          [t('package.reviewOn'), asString(plan.rev)],
          [t('package.madeWithPerson'), yesNo(i18n, plan.with)],
        ]} />
      ) : <p>{t('package.noneRecorded')}</p>}
    </>
  );
}

function AssessmentBody({ v }: { v: Record<string, unknown> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ind = asRecord(v.indicators);
  const a = asRecord(v.assessment);
  const e = asRecord(v.exploitation);
  const answers = ind ? asArray(ind.ans).map(asRecord).filter((x) => x !== null) : [];
  return (
    <>
      <h5>{t('package.indicators')}</h5>
      {ind ? (
        <>
          <p className="muted">{t('package.indicatorsMeta', { on: asString(ind.on), version: asString(ind.v) })}</p>
          <ul>
            {answers.map((x, k) => (
              <li key={k} dir="auto">
                {asString(x.i)}: {code(i18n, 'indicators.answer', x.a)}{asString(x.e) ? ` – ${asString(x.e)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : <p>{t('package.noneRecorded')}</p>}
      <h5>{t('package.assessment')}</h5>
      {a ? (
        <Dl rows={[
          [t('package.conclusion'), code(i18n, 'assessment.conclusion', a.c)],
          [t('package.grounds'), asString(a.g)],
          [t('package.assessedOn'), asString(a.on)],
        ]} />
      ) : <p>{t('package.noneRecorded')}</p>}
      {e ? (
        <>
          <h5>{t('package.exploitation')}</h5>
          <Dl rows={[
            [t('package.forms'), asArray(e.forms).map(asRecord).filter((x) => x !== null)
              .map((x) => [code(i18n, 'exploitation.form', x.k), code(i18n, 'exploitation.sector', x.s), asString(x.d)].filter(Boolean).join(' – '))
              .join('; ')],
            [t('package.municipalities'), asArray(e.mun).map(asString).join(', ')],
            [t('package.recruitment'), asArray(e.rec).map(asString).join(', ')],
            [t('package.transit'), asArray(e.tra).map(asString).join(', ')],
            [t('package.exploitationCountries'), asArray(e.exp).map(asString).join(', ')],
            [t('package.period'), [partial(e.from), partial(e.to)].filter(Boolean).join(' – ')],
          ]} />
        </>
      ) : null}
    </>
  );
}

function partial(v: unknown): string {
  if (typeof v === 'string') return v;
  const r = asRecord(v);
  return r ? asString(r.date) || Object.values(r).map(asString).join('-') : '';
}

/** A track's current step and the clocks or records of the section. */
function TrackBody({ v }: { v: Record<string, unknown> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const track = asRecord(v.track);
  const clocks = asArray(v.clocks).map(asRecord).filter((x) => x !== null);
  const records = asArray(v.records).map(asRecord).filter((x) => x !== null);
  const rest = Object.fromEntries(Object.entries(v).filter(([k]) => !['track', 'clocks', 'records'].includes(k)));
  return (
    <>
      {track ? (
        <p>{t('package.trackStep', { step: code(i18n, 'work.step', track.step) })}</p>
      ) : null}
      {clocks.length ? (
        <>
          <h5>{t('package.clocks')}</h5>
          <ul>
            {clocks.map((c, k) => (
              <li key={k}>
                {code(i18n, 'clock.rule', c.rule_id)}: {code(i18n, 'clock.status', c.status)}
                {asString(c.starts_on) ? ` · ${asString(c.starts_on)}` : ''}{asString(c.ends_on) ? ` – ${asString(c.ends_on)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {records.length ? (
        <>
          <h5>{t('package.records')}</h5>
          <ul>
            {records.map((c, k) => (
              <li key={k} dir="auto">
                {code(i18n, 'child.kind', c.kind)} · {asString(c.on)}{asString(c.outcome) ? ` · ${asString(c.outcome)}` : ''}
                {asString(c.note) ? ` – ${asString(c.note)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {Object.keys(rest).length ? <Generic v={rest as Json} /> : null}
      {!track && !clocks.length && !records.length && !Object.keys(rest).length ? <p>{t('package.noneRecorded')}</p> : null}
    </>
  );
}

function Notes({ v }: { v: Json }) {
  const { t, formatDateTime } = useI18n();
  const notes = asArray(v).map(asRecord).filter((x) => x !== null);
  if (!notes.length) return <p>{t('package.noneRecorded')}</p>;
  return (
    <ul>
      {notes.map((n, k) => (
        <li key={k} className="pre-line" dir="auto">
          {typeof n.at_us === 'number' ? `${formatDateTime(new Date(n.at_us / 1000).toISOString())}: ` : ''}{asString(n.text)}
        </li>
      ))}
    </ul>
  );
}

/** Any JSON as a definition list (objects), a list (arrays) or text. */
export function Generic({ v }: { v: Json }) {
  if (Array.isArray(v)) {
    if (!v.length) return null;
    return (
      <ul>
        {v.map((x, k) => <li key={k}><Generic v={x} /></li>)}
      </ul>
    );
  }
  if (isRecord(v)) {
    const entries = Object.entries(v).filter(([k]) => k !== 'f');
    return (
      <dl className="details">
        {entries.map(([k, x]) => (
          <Row key={k} label={k} value={<Generic v={x} />} />
        ))}
      </dl>
    );
  }
  if (v === null || v === undefined) return null;
  return <span dir="auto">{typeof v === 'string' ? v : JSON.stringify(v)}</span>;
}
