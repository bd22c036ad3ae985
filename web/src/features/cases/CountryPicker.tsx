// Choose one or more countries (ISO 3166-1 alpha-2) by Swedish or English name or by code.
import { useState } from 'react';
import { Chips } from '../../components/Chips';
import { Combobox } from '../../components/Combobox';
import { useI18n } from '../../i18n/context';
import { countryName } from './personLabels';
import { useCountries } from './useCountries';

const MAX_OPTIONS = 20;

interface Props {
  id: string;
  label: string;
  hint?: string;
  value: readonly string[];
  onChange: (codes: string[]) => void;
  errors?: readonly string[];
}

export function CountryPicker({ id, label, hint, value, onChange, errors }: Props) {
  const { t, lang } = useI18n();
  const countries = useCountries();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const options = q
    ? countries.filter((c) => !value.includes(c.alpha2) && (c.alpha2.toLowerCase() === q || c.alpha3.toLowerCase() === q
      || c.name_sv.toLowerCase().startsWith(q) || c.name_en.toLowerCase().startsWith(q))).slice(0, MAX_OPTIONS)
    : [];
  const nameOf = (code: string) => {
    const c = countries.find((x) => x.alpha2 === code);
    return c ? `${countryName(c, lang)} (${code})` : code;
  };
  return (
    <div className="multi-picker">
      <Combobox id={id} label={label} hint={hint} errors={errors} query={query} onQueryChange={setQuery}
        loading={countries.length === 0} options={options} optionKey={(c) => c.alpha2}
        optionLabel={(c) => `${countryName(c, lang)} (${c.alpha2})`}
        onSelect={(c) => { setQuery(''); onChange([...value, c.alpha2]); }} />
      <Chips label={t('person.countries.chosen')} chips={value.map((code) => ({ value: code, label: nameOf(code) }))}
        onRemove={(code) => { onChange(value.filter((c) => c !== code)); }} />
    </div>
  );
}
