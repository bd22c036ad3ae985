// A button for an action that cannot be undone: the first press asks, inline, for confirmation.
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/context';

interface Props {
  label: string;
  /** What will happen, shown with the confirm and cancel buttons. */
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  busy?: boolean;
  secondary?: boolean;
}

export function ConfirmButton({ label, question, confirmLabel, onConfirm, busy, secondary }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button ref={openRef} type="button" className={secondary ? 'button button--secondary' : 'button'} disabled={busy}
        onClick={() => { setAsking(true); }}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="form-actions">
        <button ref={confirmRef} type="button" className="button button--warning" disabled={busy}
          onClick={() => { setAsking(false); void onConfirm(); }}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={() => { setAsking(false); }}>
          {t('action.cancel')}
        </button>
      </div>
    </div>
  );
}
