// Choose the languages an organisation works in: search ISO 639-3 by name or code.
import { useEffect, useState } from 'react';
import { refApi } from '../../api/endpoints';
import type { Language } from '../../api/types';
import { Chips } from '../../components/Chips';
import { Combobox } from '../../components/Combobox';
import { useI18n } from '../../i18n/context';
import { languageName, rememberLanguages, useLanguageNames } from './useLanguageNames';

const SEARCH_DELAY_MS = 200;
const MAX_OPTIONS = 20;

interface Props {
  id: string;
  value: readonly string[];
  onChange: (codes: string[]) => void;
  errors?: readonly string[];
  /** Defaults to the organisation form's wording. */
  label?: string;
  hint?: string;
}

export function LanguagePicker({ id, value, onChange, errors, label, hint }: Props) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; items: Language[] }>({ query: '', items: [] });
  const nameOf = useLanguageNames(value, lang);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      refApi.languages(q, MAX_OPTIONS + value.length, ctl.signal).then(
        (r) => {
          rememberLanguages(r.items);
          setFound({ query: q, items: r.items });
        },
        () => undefined,
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [query, value.length]);

  const fresh = found.query === query.trim();
  const options = fresh ? found.items.filter((l) => !value.includes(l.code)).slice(0, MAX_OPTIONS) : [];

  return (
    <div className="multi-picker">
      <Combobox
        id={id}
        label={label ?? t('org.field.languages')}
        hint={hint ?? t('org.languages.hint')}
        errors={errors}
        query={query}
        onQueryChange={setQuery}
        loading={!fresh}
        options={options}
        optionKey={(l) => l.code}
        optionLabel={(l) => `${languageName(l, lang)} (${l.code})`}
        onSelect={(l) => {
          setQuery('');
          onChange([...value, l.code]);
        }}
      />
      <Chips
        label={t('org.languages.chosen')}
        chips={value.map((code) => ({ value: code, label: nameOf(code) }))}
        onRemove={(code) => {
          onChange(value.filter((c) => c !== code));
        }}
      />
    </div>
  );
}
