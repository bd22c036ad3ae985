// The ten recovery codes, shown once — at the end of TOTP enrolment (first login, or after an
// administrator's reset) and on /account/recovery-codes: what they are for, the list, and buttons to
// copy them and to save them as a text file. The one place the codes are rendered.
import { CopyButton } from '../../components/CopyButton';
import { downloadText } from '../../components/download';
import { useI18n } from '../../i18n/context';

/** The text file's content: what the codes are for, then one code a line. */
export function recoveryCodesFile(header: string, codes: readonly string[]): string {
  return `${header}\n\n${codes.join('\n')}\n`;
}

export function RecoveryCodeList({ codes, username }: { codes: readonly string[]; username: string }) {
  const { t, formatDateTime } = useI18n();
  const file = recoveryCodesFile(
    t('recovery.fileHeader', { username, date: formatDateTime(new Date().toISOString()) }),
    codes,
  );
  return (
    <div className="recovery-codes">
      <p>{t('recovery.intro')}</p>
      <ol className="code-list" aria-label={t('recovery.listLabel')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button type="button" className="button button--secondary"
          onClick={() => { downloadText(`opennrm-recovery-codes-${username}.txt`, file); }}>
          {t('recovery.download')}
        </button>
        <CopyButton value={codes.join('\n')} label={t('recovery.copy')} />
      </div>
    </div>
  );
}
