// Choose one organisation by typing part of its name: the directory is too large for a select.
import { useEffect, useState } from 'react';
import { orgApi } from '../../api/endpoints';
import type { Organisation } from '../../api/types';
import { Combobox } from '../../components/Combobox';
import { useI18n } from '../../i18n/context';
import { kindLabel } from '../orgs/labels';

const SEARCH_DELAY_MS = 200;
const MAX_OPTIONS = 20;

interface Props {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  /** The chosen organisation's id, or '' for none. */
  value: string;
  /** The chosen organisation, or null when the text no longer names one. */
  onChange: (org: Organisation | null) => void;
}

export function OrganisationPicker({ id, label, hint, errors, value, onChange }: Props) {
  const i18n = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; items: Organisation[] }>({ query: '', items: [] });

  // A value that arrives from outside (a filter in the URL) shows as the organisation's name.
  const [named, setNamed] = useState('');
  useEffect(() => {
    if (!value || value === named) return;
    const ctl = new AbortController();
    orgApi.get(value, ctl.signal).then(
      (org) => {
        setNamed(org.id);
        setQuery(org.name);
      },
      () => undefined,
    );
    return () => {
      ctl.abort();
    };
  }, [value, named]);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      orgApi.list({ q, active: 'all', limit: MAX_OPTIONS }, ctl.signal).then(
        (r) => {
          setFound({ query: q, items: r.items });
        },
        () => undefined,
      );
    }, SEARCH_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [query]);

  const fresh = found.query === query.trim();
  const chosenShown = value !== '' && value === named;
  return (
    <Combobox
      id={id}
      label={label}
      hint={hint ?? i18n.t('user.organisation.hint')}
      errors={errors}
      query={query}
      onQueryChange={(q) => {
        setQuery(q);
        if (value) {
          setNamed('');
          onChange(null);
        }
      }}
      loading={!fresh}
      options={fresh && !chosenShown ? found.items : []}
      optionKey={(o) => o.id}
      optionLabel={(o) => `${o.name} (${kindLabel(i18n, o.kind)})`}
      onSelect={(o) => {
        setNamed(o.id);
        setQuery(o.name);
        onChange(o);
      }}
    />
  );
}
