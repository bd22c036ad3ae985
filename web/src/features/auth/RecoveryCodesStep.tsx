// Login at first use, last step: the recovery codes, once, until the user says they have saved them.
import { useState, type SubmitEvent } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField } from '../../components/fields';
import { useFormProblems } from '../../components/formProblems';
import { useI18n } from '../../i18n/context';
import { RecoveryCodeList } from './RecoveryCodeList';

export function RecoveryCodesStep({ codes, username, onSaved }: { codes: readonly string[]; username: string; onSaved: () => void }) {
  const { t } = useI18n();
  const [saved, setSaved] = useState(false);
  const form = useFormProblems('recovery', { saved: { id: 'recovery-saved', label: t('recovery.saved') } });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!saved) {
      form.setProblems([{ field: 'saved', rule: 'required', detail: '' }]);
      return;
    }
    onSaved();
  };
  return (
    <>
      <RecoveryCodeList codes={codes} username={username} />
      <form className="narrow-form" noValidate onSubmit={submit}>
        <ErrorSummary items={form.summary} focusToken={form.focusToken} />
        <CheckboxField id="recovery-saved" label={t('recovery.saved')} checked={saved} errors={form.errorsFor('saved')}
          onChange={setSaved} />
        <div className="form-actions">
          <button type="submit" className="button">{t('recovery.continue')}</button>
        </div>
      </form>
    </>
  );
}
