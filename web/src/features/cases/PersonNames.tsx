// A person's names: each Latin spelling with the name in its own script beside it. Both are marked
// dir="auto" so that a right-to-left name keeps its order inside a left-to-right page.
import type { PersonName } from '../../api/caseTypes';
import { useI18n } from '../../i18n/context';

export function PersonNames({ names }: { names: readonly PersonName[] }) {
  const { t } = useI18n();
  if (!names.length) return <span className="muted">{t('person.noName')}</span>;
  return (
    <ul className="plain-list">
      {names.map((n, i) => (
        <li key={i}>
          <span dir="auto">{n.latin}</span>
          {n.original ? <> (<span dir="auto">{n.original}</span>)</> : null}
          {n.kind === 'alias' ? <span className="muted"> – {t('person.alias')}</span> : null}
        </li>
      ))}
    </ul>
  );
}
