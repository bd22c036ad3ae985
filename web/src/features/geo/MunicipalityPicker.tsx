// Pick one municipality (or several, with MunicipalitiesPicker) by typing part of its name.
import { useMemo, useState } from 'react';
import type { Municipality } from '../../api/types';
import { Chips } from '../../components/Chips';
import { Combobox } from '../../components/Combobox';
import { useI18n } from '../../i18n/context';
import { fold, matchesPrefix } from './search';
import { useGeoReference } from './useGeoReference';

const MAX_OPTIONS = 12;

function useMatches(query: string, exclude: readonly string[] = []): Municipality[] {
  const { geo } = useGeoReference();
  return useMemo(() => {
    if (!geo) return [];
    return geo.municipalities
      .filter((m) => !exclude.includes(m.code) && matchesPrefix(query, m.name, m.code))
      .slice(0, MAX_OPTIONS);
  }, [geo, query, exclude]);
}

function useLabel() {
  const { geo } = useGeoReference();
  return (m: Municipality) => {
    const county = geo?.county(m.county_code);
    return county ? `${m.name} (${county.short_name})` : m.name;
  };
}

interface PickerProps {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
}

/** `value` is a municipality code or ''; clearing the text clears the choice. */
export function MunicipalityPicker(p: PickerProps & { value: string; onChange: (code: string) => void }) {
  const { geo } = useGeoReference();
  // null: show the chosen municipality's name; a string: what the user is typing.
  const [typed, setTyped] = useState<string | null>(null);
  const chosenName = p.value ? (geo?.municipality(p.value)?.name ?? p.value) : '';
  const query = typed ?? chosenName;
  const options = useMatches(typed ?? '');
  const label = useLabel();
  return (
    <Combobox
      id={p.id}
      label={p.label}
      hint={p.hint}
      errors={p.errors}
      query={query}
      onQueryChange={(q) => {
        setTyped(q);
        // The choice follows the text: an exact name chooses that municipality, anything else none.
        const exact = geo?.municipalities.find((m) => fold(m.name) === fold(q.trim()));
        p.onChange(exact?.code ?? '');
      }}
      options={options}
      optionKey={(m) => m.code}
      optionLabel={label}
      onSelect={(m) => {
        setTyped(null);
        p.onChange(m.code);
      }}
    />
  );
}

export function MunicipalitiesPicker(p: PickerProps & { value: readonly string[]; onChange: (codes: string[]) => void }) {
  const { t } = useI18n();
  const { geo } = useGeoReference();
  const [query, setQuery] = useState('');
  const options = useMatches(query, p.value);
  const label = useLabel();
  const chips = p.value.map((code) => ({ value: code, label: geo?.municipality(code)?.name ?? code }));
  return (
    <div className="multi-picker">
      <Combobox
        id={p.id}
        label={p.label}
        hint={p.hint}
        errors={p.errors}
        query={query}
        onQueryChange={setQuery}
        options={options}
        optionKey={(m) => m.code}
        optionLabel={label}
        onSelect={(m) => {
          setQuery('');
          p.onChange([...p.value, m.code]);
        }}
      />
      <Chips
        label={t('picker.chosenMunicipalities')}
        chips={chips}
        onRemove={(code) => {
          p.onChange(p.value.filter((c) => c !== code));
        }}
      />
    </div>
  );
}
