// An ARIA 1.2 combobox: a text input that filters a list box of options (keyboard: ↑ ↓ Enter Esc).
import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/context';
import { describedBy, FieldError, FieldHint } from './fields';

export interface ComboboxProps<T> {
  id: string;
  label: string;
  hint?: string;
  errors?: readonly string[];
  query: string;
  onQueryChange: (query: string) => void;
  /** The options matching the query, already filtered by the caller. */
  options: readonly T[];
  optionKey: (option: T) => string;
  optionLabel: (option: T) => string;
  onSelect: (option: T) => void;
  loading?: boolean;
}

export function Combobox<T>(p: ComboboxProps<T>) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = `${p.id}-listbox`;
  const showList = open && p.query.trim() !== '' && p.options.length > 0;
  const activeOption = showList && active >= 0 ? p.options[active] : undefined;
  const optionId = (o: T) => `${p.id}-opt-${p.optionKey(o)}`;

  const choose = (o: T) => {
    p.onSelect(o);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = p.options.length;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (n === 0 ? -1 : Math.min(i + 1, n - 1)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && showList) {
      // With suggestions showing, Enter picks one (the first if none is active) instead of submitting.
      e.preventDefault();
      const pick = activeOption ?? p.options[0];
      if (pick !== undefined) choose(pick);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  let status = '';
  if (open && p.query.trim() !== '') {
    if (p.loading) status = t('state.searching');
    else status = p.options.length ? t('combobox.count', { count: p.options.length }) : t('combobox.none');
  }

  return (
    <div className={`field combobox${p.errors?.length ? ' field--invalid' : ''}`}>
      <label htmlFor={p.id} className="field-label">
        {p.label}
      </label>
      <FieldHint id={p.id} hint={p.hint} />
      <FieldError id={p.id} errors={p.errors} />
      <input
        id={p.id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={activeOption !== undefined ? optionId(activeOption) : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.errors)}
        aria-invalid={p.errors?.length ? true : undefined}
        value={p.query}
        onChange={(e) => {
          p.onQueryChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
        }}
      />
      <div id={listId} role="listbox" aria-label={t('combobox.listLabel', { label: p.label })} className="combobox-list" hidden={!showList}>
        {showList &&
          p.options.map((o, i) => (
            // Options are picked with the mouse here; the keyboard works through the input above.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <div
              key={p.optionKey(o)}
              id={optionId(o)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className={i === active ? 'combobox-option is-active' : 'combobox-option'}
              onMouseDown={(e) => {
                e.preventDefault();
              }}
              onClick={() => {
                choose(o);
              }}
            >
              {p.optionLabel(o)}
            </div>
          ))}
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </div>
  );
}
