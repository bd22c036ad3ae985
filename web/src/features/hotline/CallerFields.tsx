// The intake's first parts: how the contact came in and who makes it (the professional: an organisation
// of the directory or its name as free text, role, name, phone, e-mail; language and interpreter), the
// topic as quick choices (Alt+1..7) and the place (a municipality by name or code, or abroad and the
// country).
import { useEffect, useState } from 'react';
import { refApi } from '../../api/endpoints';
import type { Language } from '../../api/types';
import { Combobox } from '../../components/Combobox';
import { CheckboxField, FieldGroup, SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { countryName } from '../cases/personLabels';
import { useCountries } from '../cases/useCountries';
import { MunicipalityPicker } from '../geo/MunicipalityPicker';
import { languageName, rememberLanguages, useLanguageNames } from '../orgs/useLanguageNames';
import { RecipientPicker } from '../referrals/RecipientPicker';
import { CHANNELS, TOPICS } from './hotlineTypes';
import type { IntakeDraft } from './intakeModel';
import { channelLabel, topicLabel } from './labels';

export interface PartProps {
  draft: IntakeDraft;
  onChange: (d: IntakeDraft) => void;
  errors: (field: string) => string[] | undefined;
}

export function ContactFields({ draft, onChange, errors, ownOrgId }: PartProps & { ownOrgId: string | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const set = (patch: Partial<IntakeDraft>) => { onChange({ ...draft, ...patch }); };
  return (
    <fieldset className="form-section" aria-labelledby="intake-contact-title">
      <legend><h2 id="intake-contact-title">{t('hotline.intake.contact')}</h2></legend>
      <div className="field-row">
        <FieldGroup id="intake-channel" label={t('hotline.field.channel')} errors={errors('channel')} className="filter-choice">
          {CHANNELS.map((c) => (
            <label key={c} className="radio-inline">
              <input type="radio" name="intake-channel" value={c} checked={draft.channel === c} onChange={() => { set({ channel: c }); }} />
              {channelLabel(i18n, c)}
            </label>
          ))}
        </FieldGroup>
        <TextField id="intake-received" type="datetime-local" label={t('hotline.field.received')} value={draft.receivedAt}
          errors={errors('received_at_us')} onChange={(receivedAt) => { set({ receivedAt }); }} />
      </div>
      <div className="field-row">
        <RecipientPicker id="intake-caller-org" label={t('hotline.field.callerOrg')} hint={t('hotline.callerOrg.hint')}
          errors={errors('caller.organisation_id')} value={draft.callerOrg} excludeId={ownOrgId}
          onChange={(callerOrg) => { set({ callerOrg }); }} />
        {draft.callerOrg ? null : (
          <TextField id="intake-caller-org-name" label={t('hotline.field.callerOrgName')} hint={t('hotline.callerOrgName.hint')}
            value={draft.callerOrgName} errors={errors('caller.organisation_name')} autoComplete="off"
            onChange={(callerOrgName) => { set({ callerOrgName }); }} />
        )}
      </div>
      <div className="field-row">
        <TextField id="intake-caller-role" label={t('hotline.field.callerRole')} hint={t('hotline.callerRole.hint')}
          value={draft.callerRole} errors={errors('caller.role')} autoComplete="off" onChange={(callerRole) => { set({ callerRole }); }} />
        <TextField id="intake-caller-name" label={t('hotline.field.callerName')} value={draft.callerName}
          errors={errors('caller.name')} autoComplete="off" onChange={(callerName) => { set({ callerName }); }} />
      </div>
      <div className="field-row">
        <TextField id="intake-caller-phone" type="tel" label={t('hotline.field.callerPhone')} value={draft.callerPhone}
          errors={errors('caller.phone')} autoComplete="off" onChange={(callerPhone) => { set({ callerPhone }); }} />
        <TextField id="intake-caller-email" type="email" label={t('hotline.field.callerEmail')} value={draft.callerEmail}
          errors={errors('caller.email')} autoComplete="off" onChange={(callerEmail) => { set({ callerEmail }); }} />
      </div>
      <div className="field-row">
        <LanguageField id="intake-language" label={t('hotline.field.language')} value={draft.language} errors={errors('language')}
          onChange={(language) => { set({ language }); }} />
        <CheckboxField id="intake-interpreter" label={t('hotline.field.interpreter')} checked={draft.interpreter}
          errors={errors('interpreter')} onChange={(interpreter) => { set({ interpreter }); }} />
      </div>
    </fieldset>
  );
}

/** One ISO 639-3 language, searched by name or code; the chosen one shows by name. */
function LanguageField({ id, label, value, errors, onChange }: {
  id: string; label: string; value: string; errors?: readonly string[]; onChange: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  const nameOf = useLanguageNames(value ? [value] : [], lang);
  const [typed, setTyped] = useState<string | null>(null);
  const [found, setFound] = useState<{ query: string; items: Language[] }>({ query: '', items: [] });
  const query = typed ?? (value ? nameOf(value) : '');
  useEffect(() => {
    const q = (typed ?? '').trim();
    if (!q) return;
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      refApi.languages(q, 12, ctl.signal).then((r) => {
        rememberLanguages(r.items);
        setFound({ query: q, items: r.items });
      }, () => undefined);
    }, 200);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [typed]);
  const fresh = typed !== null && found.query === typed.trim();
  return (
    <Combobox id={id} label={label} hint={t('hotline.language.hint')} errors={errors} query={query}
      onQueryChange={setTyped} loading={typed !== null && !fresh} options={fresh ? found.items : []}
      optionKey={(l) => l.code} optionLabel={(l) => `${languageName(l, lang)} (${l.code})`}
      onSelect={(l) => {
        setTyped(null);
        onChange(l.code);
      }} />
  );
}

export function TopicChoices({ draft, onChange, errors }: PartProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <FieldGroup id="intake-topic" label={t('hotline.field.topic')} hint={t('hotline.topic.hint')} errors={errors('topic')}
      className="form-section topic-choices">
      <ul className="topic-list">
        {TOPICS.map((topic, n) => (
          <li key={topic}>
            <input id={`intake-topic-${topic}`} type="radio" name="intake-topic" value={topic} checked={draft.topic === topic}
              onChange={() => { onChange({ ...draft, topic }); }} />
            <label htmlFor={`intake-topic-${topic}`}>
              <kbd className="shortcut-key">Alt+{n + 1}</kbd> {topicLabel(i18n, topic)}
            </label>
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}

export function PlaceFields({ draft, onChange, errors }: PartProps) {
  const { t, lang } = useI18n();
  const countries = useCountries();
  const set = (patch: Partial<IntakeDraft>) => { onChange({ ...draft, ...patch }); };
  const sorted = [...countries].filter((c) => c.alpha2 !== 'SE')
    .sort((a, b) => countryName(a, lang).localeCompare(countryName(b, lang), lang));
  return (
    <fieldset className="form-section" aria-labelledby="intake-place-title">
      <legend><h2 id="intake-place-title">{t('hotline.intake.place')}</h2></legend>
      {errors('place') ? <p className="field-error">{errors('place')?.join(' ')}</p> : null}
      <CheckboxField id="intake-abroad" label={t('hotline.field.abroad')} checked={draft.abroad}
        onChange={(abroad) => { set({ abroad }); }} />
      {draft.abroad ? (
        <SelectField id="intake-country" label={t('hotline.field.country')} value={draft.abroadCountry} errors={errors('abroad_country')}
          options={[{ value: '', label: t('work.choose') }, ...sorted.map((c) => ({ value: c.alpha2, label: countryName(c, lang) }))]}
          onChange={(abroadCountry) => { set({ abroadCountry }); }} />
      ) : (
        <MunicipalityPicker id="intake-municipality" label={t('hotline.field.municipality')} hint={t('hotline.municipality.hint')}
          value={draft.municipalityCode} errors={errors('municipality_code')}
          onChange={(municipalityCode) => { set({ municipalityCode }); }} />
      )}
    </fieldset>
  );
}
