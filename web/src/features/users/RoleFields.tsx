// The roles of a user as checkboxes: those the administrator may grant in this organisation, plus
// any the user holds that the administrator may not change (shown, but locked).
import { FieldGroup } from '../../components/fields';
import { useI18n } from '../../i18n/context';
import { roleLabel } from './roleLabels';

interface Props {
  id: string;
  grantable: readonly string[];
  selected: readonly string[];
  onChange: (roles: string[]) => void;
  errors?: readonly string[];
}

export function RoleFields({ id, grantable, selected, onChange, errors }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const locked = selected.filter((r) => !grantable.includes(r));
  const shown = [...grantable, ...locked];
  const toggle = (role: string, on: boolean) => {
    const rest = selected.filter((r) => r !== role);
    onChange(on ? [...rest, role] : rest);
  };
  return (
    <FieldGroup id={id} label={t('user.field.roles')} hint={t('user.roles.hint')} errors={errors}>
      {shown.length === 0 ? <p className="muted">{t('user.roles.none')}</p> : null}
      <ul className="checkbox-list checkbox-list--single">
        {shown.map((role) => {
          const inputId = `${id}-${role}`;
          const isLocked = locked.includes(role);
          return (
            <li key={role}>
              <input id={inputId} type="checkbox" checked={selected.includes(role)} disabled={isLocked}
                onChange={(e) => { toggle(role, e.target.checked); }} />
              <label htmlFor={inputId}>
                {roleLabel(i18n, role)}
                {isLocked ? <span className="muted"> ({t('user.roles.locked')})</span> : null}
              </label>
            </li>
          );
        })}
      </ul>
    </FieldGroup>
  );
}
