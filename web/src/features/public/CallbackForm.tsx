// The professionals' call-back form of the public page: name, organisation, phone and a topic — nothing about
// the person concerned. After sending, a receipt that shows nothing of what was sent (the fields are cleared).
import { useRef, useState, type SubmitEvent } from 'react';
import { isApiError } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/fields';
import { useFormProblems, validationProblems, type FormProblem } from '../../components/formProblems';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/sv';
import { CALLBACK_TOPICS, publicApi, type CallbackTopic } from './publicApi';

const TOPIC_LABEL: Record<CallbackTopic, MessageKey> = {
  suspected_trafficking: 'public.topic.suspected_trafficking',
  human_exploitation: 'public.topic.human_exploitation',
  prostitution: 'public.topic.prostitution',
  child: 'public.topic.child',
  demand: 'public.topic.demand',
  method_advice: 'public.topic.method_advice',
  other: 'public.topic.other',
};

const MAX_TEXT = 200;
const MAX_PHONE = 30;

/** The problems the form finds before sending (the server checks the same and more). */
export function localProblems(v: { name: string; organisation: string; phone: string; topic: string }): FormProblem[] {
  const out: FormProblem[] = [];
  if (!v.name.trim()) out.push({ field: 'name', rule: 'required', detail: '' });
  if (!v.organisation.trim()) out.push({ field: 'organisation', rule: 'required', detail: '' });
  const phone = v.phone.trim();
  if (!phone) out.push({ field: 'phone', rule: 'required', detail: '' });
  else if (!/^\+?[0-9 ()-]+$/.test(phone)) out.push({ field: 'phone', rule: 'characters', detail: '' });
  else {
    const digits = phone.replace(/\D/g, '').length;
    if (digits < 6 || digits > 15) out.push({ field: 'phone', rule: 'format', detail: '' });
  }
  if (!v.topic) out.push({ field: 'topic', rule: 'required', detail: '' });
  return out;
}

export function CallbackForm() {
  const { t, lang } = useI18n();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [phone, setPhone] = useState('');
  const [topic, setTopic] = useState<CallbackTopic | ''>('');
  const [busy, setBusy] = useState(false);
  const [received, setReceived] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; message?: MessageKey } | null>(null);
  const receiptHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormProblems('callback', {
    name: { id: 'callback-name', label: t('callback.name') },
    organisation: { id: 'callback-organisation', label: t('callback.organisation') },
    phone: { id: 'callback-phone', label: t('callback.phone') },
    topic: { id: 'callback-topic', label: t('callback.topic') },
  });

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setFailure(null);
    const local = localProblems({ name, organisation, phone, topic });
    form.setProblems(local);
    if (local.length || !topic) return;
    setBusy(true);
    try {
      await publicApi.requestCallback({
        name: name.trim(), organisation: organisation.trim(), phone: phone.trim(), topic, message_language: lang,
      });
      // Nothing of what was sent stays on the screen.
      setName('');
      setOrganisation('');
      setPhone('');
      setTopic('');
      setReceived(true);
      requestAnimationFrame(() => receiptHeading.current?.focus());
    } catch (err) {
      const problems = validationProblems(err);
      if (problems) form.setProblems(problems);
      else if (isApiError(err) && err.status === 429) setFailure({ error: err, message: 'callback.tooMany' });
      else if (isApiError(err) && err.status === 413) setFailure({ error: err, message: 'callback.tooLarge' });
      else setFailure({ error: err });
    } finally {
      setBusy(false);
    }
  };

  if (received) {
    return (
      <div className="alert alert--success" role="status">
        <h3 ref={receiptHeading} tabIndex={-1}>{t('callback.receipt.title')}</h3>
        <p>{t('callback.receipt.body')}</p>
        <button type="button" className="button button--secondary" onClick={() => { setReceived(false); }}>
          {t('callback.another')}
        </button>
      </div>
    );
  }

  const options = [
    { value: '', label: t('callback.topicChoose') },
    ...CALLBACK_TOPICS.map((k) => ({ value: k, label: t(TOPIC_LABEL[k]) })),
  ];
  return (
    <form className="narrow-form" noValidate aria-labelledby="callback-title" onSubmit={(e) => void submit(e)}>
      <p>{t('callback.intro')}</p>
      <p className="alert alert--info" id="callback-no-details">{t('callback.noDetails')}</p>
      <ErrorSummary items={form.summary} focusToken={form.focusToken} />
      {failure ? <ProblemAlert error={failure.error} message={failure.message} /> : null}
      <TextField id="callback-name" label={t('callback.name')} required autoComplete="name" maxLength={MAX_TEXT}
        value={name} errors={form.errorsFor('name')} onChange={setName} />
      <TextField id="callback-organisation" label={t('callback.organisation')} hint={t('callback.organisationHint')}
        required autoComplete="organization" maxLength={MAX_TEXT} value={organisation}
        errors={form.errorsFor('organisation')} onChange={setOrganisation} />
      <TextField id="callback-phone" type="tel" label={t('callback.phone')} hint={t('callback.phoneHint')} required
        autoComplete="tel" inputMode="tel" maxLength={MAX_PHONE} value={phone} errors={form.errorsFor('phone')}
        onChange={setPhone} />
      <SelectField id="callback-topic" label={t('callback.topic')} required options={options} value={topic}
        errors={form.errorsFor('topic')} onChange={(v) => { setTopic(v as CallbackTopic | ''); }} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('callback.busy') : t('callback.submit')}
        </button>
      </div>
    </form>
  );
}
