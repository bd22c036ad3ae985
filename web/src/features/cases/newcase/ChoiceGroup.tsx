// One question answered by radio buttons inside a fieldset, each answer optionally explained in a
// sentence under it. Radio ids are `<id>-<value>`.
import { FieldGroup } from '../../../components/fields';

export interface Choice {
  value: string;
  label: string;
  explain?: string;
}

export function ChoiceGroup({ id, label, hint, errors, value, choices, onChange, inline }: {
  id: string; label: string; hint?: string; errors?: readonly string[]; value: string; choices: readonly Choice[];
  onChange: (value: string) => void; inline?: boolean;
}) {
  if (inline) {
    return (
      <FieldGroup id={id} label={label} hint={hint} errors={errors}>
        <div className="field-row">
          {choices.map((c) => (
            <label key={c.value} className="radio-inline" htmlFor={`${id}-${c.value}`}>
              <input id={`${id}-${c.value}`} type="radio" name={id} checked={value === c.value}
                onChange={() => { onChange(c.value); }} />
              {c.label}
            </label>
          ))}
        </div>
      </FieldGroup>
    );
  }
  return (
    <FieldGroup id={id} label={label} hint={hint} errors={errors}>
      <ul className="choice-list">
        {choices.map((c) => (
          <li key={c.value}>
            <input id={`${id}-${c.value}`} type="radio" name={id} checked={value === c.value}
              aria-describedby={c.explain ? `${id}-${c.value}-explain` : undefined} onChange={() => { onChange(c.value); }} />
            <div>
              <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
              {c.explain ? <p id={`${id}-${c.value}-explain`} className="field-hint">{c.explain}</p> : null}
            </div>
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}
