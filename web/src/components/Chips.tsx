// The chosen values of a multi-value picker, each with a button that removes it.
import { useI18n } from '../i18n/context';

export interface Chip {
  value: string;
  label: string;
}

export function Chips({ label, chips, onRemove }: { label: string; chips: readonly Chip[]; onRemove: (value: string) => void }) {
  const { t } = useI18n();
  if (!chips.length) return <p className="muted">{t('picker.noneChosen')}</p>;
  return (
    <ul className="chips" aria-label={label}>
      {chips.map((c) => (
        <li key={c.value} className="chip">
          <span>{c.label}</span>
          <button
            type="button"
            className="chip-remove"
            onClick={() => {
              onRemove(c.value);
            }}
          >
            {t('action.remove')}
            <span className="visually-hidden"> {c.label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
