// Choose the organisation a consent or a referral is for by typing part of its name: active
// organisations of the directory only (an inactive one is refused), the purpose's usual recipient kinds
// first, never the user's own organisation.
import { useEffect, useState } from 'react';
import { orgApi } from '../../api/endpoints';
import type { Organisation } from '../../api/types';
import { Combobox } from '../../components/Combobox';
import { useI18n } from '../../i18n/context';
import { kindLabel } from '../orgs/labels';
import { usualFirst } from './referralDraft';

const SEARCH_DELAY_MS = 200;
const MAX_OPTIONS = 20;

export interface ChosenOrganisation {
  id: string;
  name: string;
  kind: string;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  value: ChosenOrganisation | null;
  onChange: (org: ChosenOrganisation | null) => void;
  /** The kinds the purpose usually goes to: offered first. */
  usualKinds?: readonly string[];
  /** The user's own organisation: never offered. */
  excludeId?: string;
}

export function RecipientPicker({ id, label, hint, errors, value, onChange, usualKinds = [], excludeId }: Props) {
  const i18n = useI18n();
  const [query, setQuery] = useState(value?.name ?? '');
  const [found, setFound] = useState<{ query: string; items: Organisation[] }>({ query: '', items: [] });

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      orgApi.list({ q, active: 'true', limit: MAX_OPTIONS }, ctl.signal).then(
        (r) => {
          setFound({ query: q, items: r.items.filter((o) => o.active && o.id !== excludeId) });
        },
        () => undefined,
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [query, excludeId]);

  const fresh = found.query === query.trim();
  const chosenShown = value !== null && value.name === query;
  const options = fresh && !chosenShown ? usualFirst(found.items, usualKinds) : [];
  return (
    <Combobox
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      query={query}
      onQueryChange={(q) => {
        setQuery(q);
        if (value) onChange(null);
      }}
      loading={!fresh}
      options={options}
      optionKey={(o) => o.id}
      optionLabel={(o) => `${o.name} (${kindLabel(i18n, o.kind)})${usualKinds.includes(o.kind) ? ` – ${i18n.t('referral.usualKind')}` : ''}`}
      onSelect={(o) => {
        setQuery(o.name);
        onChange({ id: o.id, name: o.name, kind: o.kind });
      }}
    />
  );
}
