// The list of everything wrong with a submitted form; it takes focus so screen readers announce it.
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/context';

export interface SummaryItem {
  /** The DOM id of the field to jump to; null for problems that name no field. */
  targetId: string | null;
  message: string;
}

/** Focuses the element with this id, or the first input inside it (for fieldsets). */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target =
    el instanceof HTMLFieldSetElement
      ? (el.querySelector<HTMLElement>('input, select, textarea, button') ?? el)
      : el;
  target.focus();
  // jsdom lacks scrollIntoView.
  if (typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'center' });
}

interface Props {
  items: readonly SummaryItem[];
  /** A new value (e.g. each failed submit's problem list) moves focus to the summary. */
  focusToken: unknown;
  title?: string;
}

export function ErrorSummary({ items, focusToken, title }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusToken]);
  if (!items.length) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title ?? t('form.summaryTitle')}</h2>
      <ul>
        {items.map((item, i) =>
          item.targetId ? (
            <li key={i}>
              <a
                href={`#${item.targetId}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(item.targetId ?? '');
                }}
              >
                {item.message}
              </a>
            </li>
          ) : (
            <li key={i}>{item.message}</li>
          ),
        )}
      </ul>
    </div>
  );
}
