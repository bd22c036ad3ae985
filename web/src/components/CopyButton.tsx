// Copies a value (a one-time password, a token) to the clipboard and says whether it worked.
import { useState } from 'react';
import { useI18n } from '../i18n/context';

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useI18n();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      // The clipboard needs a secure context (HTTPS or loopback); without one it is undefined and
      // this throws, and the user is told to copy by hand.
      await navigator.clipboard.writeText(value);
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="button button--secondary button--small" onClick={() => void copy()}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {result === 'copied' ? t('copy.done') : result === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  );
}
