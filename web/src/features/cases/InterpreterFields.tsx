// The language of a conversation or a consent and, when one was used, the interpreter: language, in
// person or remote, who they are to the person, and the agency. A family member or companion is
// refused by the server (they may be part of the exploitation); its problem shows beside the field.
import type { CasePerson } from '../../api/caseTypes';
import { CheckboxField, FieldGroup, SelectField, TextField } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { useLanguageNames } from '../orgs/useLanguageNames';
import type { Interpreter } from './caseWorkTypes';

export const RELATIONSHIPS = ['professional', 'staff', 'family_member', 'companion', 'other'] as const;
export const MODES = ['in_person', 'remote'] as const;
/** Languages a case worker may speak without an interpreter, offered with the person's own. */
const WORK_LANGUAGES = ['swe', 'eng'];

export interface LanguageDraft {
  language: string;
  withInterpreter: boolean;
  interpreter: Interpreter;
}

export const emptyLanguage = (person: CasePerson): LanguageDraft => ({
  language: person.languages[0] ?? 'swe',
  withInterpreter: false,
  interpreter: { language: person.languages[0] ?? '', mode: 'in_person', relationship: 'professional', provider: '' },
});

export function interpreterBody(d: LanguageDraft): Interpreter | null {
  if (!d.withInterpreter) return null;
  return { ...d.interpreter, provider: d.interpreter.provider?.trim() ?? '' };
}

interface Props {
  idPrefix: string;
  person: CasePerson;
  value: LanguageDraft;
  onChange: (d: LanguageDraft) => void;
  /** Messages for a field path: "language", "interpreter.language", "interpreter.relationship", ... */
  errors: (path: string) => string[] | undefined;
}

export function LanguageAndInterpreter({ idPrefix, person, value, onChange, errors }: Props) {
  const { t, lang, tDynamic } = useI18n();
  const codes = [...new Set([...person.languages, ...WORK_LANGUAGES])];
  const nameOf = useLanguageNames(codes, lang);
  const options = codes.map((c) => ({ value: c, label: nameOf(c) }));
  const setI = (patch: Partial<Interpreter>) => { onChange({ ...value, interpreter: { ...value.interpreter, ...patch } }); };
  return (
    <>
      <SelectField id={`${idPrefix}-language`} label={t('conversation.field.language')} hint={t('conversation.language.hint')}
        value={value.language} options={options} errors={errors('language')}
        onChange={(language) => { onChange({ ...value, language }); }} />
      <CheckboxField id={`${idPrefix}-with-interpreter`} label={t('conversation.field.withInterpreter')}
        checked={value.withInterpreter} onChange={(withInterpreter) => { onChange({ ...value, withInterpreter }); }} />
      {value.withInterpreter ? (
        <FieldGroup id={`${idPrefix}-interpreter`} label={t('conversation.interpreter')} errors={errors('interpreter')}>
          <SelectField id={`${idPrefix}-interpreter-language`} label={t('conversation.field.interpreterLanguage')}
            value={value.interpreter.language} errors={errors('interpreter.language')}
            options={[{ value: '', label: t('work.choose') }, ...person.languages.map((c) => ({ value: c, label: nameOf(c) }))]}
            onChange={(language) => { setI({ language }); }} />
          <SelectField id={`${idPrefix}-interpreter-mode`} label={t('conversation.field.mode')} value={value.interpreter.mode}
            errors={errors('interpreter.mode')}
            options={MODES.map((m) => ({ value: m, label: tDynamic(`conversation.mode.${m}`, m) }))}
            onChange={(mode) => { setI({ mode }); }} />
          <SelectField id={`${idPrefix}-interpreter-relationship`} label={t('conversation.field.relationship')}
            hint={t('conversation.relationship.hint')} value={value.interpreter.relationship}
            errors={errors('interpreter.relationship')}
            options={RELATIONSHIPS.map((r) => ({ value: r, label: tDynamic(`conversation.relationship.${r}`, r) }))}
            onChange={(relationship) => { setI({ relationship }); }} />
          <TextField id={`${idPrefix}-interpreter-provider`} label={t('conversation.field.provider')} autoComplete="off"
            value={value.interpreter.provider ?? ''} errors={errors('interpreter.provider')}
            onChange={(provider) => { setI({ provider }); }} />
        </FieldGroup>
      ) : null}
    </>
  );
}
