// The intake's keyboard shortcuts, always on screen so that an operator on the phone need not look
// them up (intakeModel.ts shortcutOf decides what each key does).
import { useI18n } from '../../i18n/context';

export function ShortcutHelp() {
  const { t } = useI18n();
  const rows: [string, string][] = [
    ['Alt+1 … Alt+7', t('hotline.shortcut.topic')],
    ['Alt+D', t('hotline.shortcut.danger')],
    ['Alt+K', t('hotline.shortcut.knowledge')],
    ['Alt+T', t('hotline.shortcut.timer')],
    ['Alt+S', t('hotline.shortcut.situation')],
    ['Alt+R', t('hotline.shortcut.routing')],
    ['Ctrl+Enter', t('hotline.shortcut.save')],
  ];
  return (
    <section className="shortcut-help" aria-labelledby="shortcut-title">
      <h2 id="shortcut-title" className="visually-hidden">{t('hotline.shortcut.title')}</h2>
      <ul className="shortcut-list">
        {rows.map(([keys, what]) => (
          <li key={keys}><kbd className="shortcut-key">{keys}</kbd> {what}</li>
        ))}
      </ul>
    </section>
  );
}
