// The "what to do next" checklist, grouped by when (now, today, in the first days). Once the case
// exists (`caseId`), each step that is recorded on the case page links to that section.
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/context';
import type { MessageKey } from '../../../i18n/sv';
import type { CaseSection, NextStep, When } from './nextSteps';

const SECTION_TITLE: Record<CaseSection, MessageKey> = {
  'records-title': 'records.title',
  'child-title': 'child.title',
  'clocks-title': 'clock.title',
  'tracks-title': 'tracks.title',
  'tasks-title': 'task.title',
};
const WHEN: readonly When[] = ['now', 'today', 'soon'];

export function NextStepsList({ steps, caseId, headingLevel = 3 }: {
  steps: readonly NextStep[]; caseId: string | null; headingLevel?: 3 | 4;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const H = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <>
      {WHEN.map((w) => {
        const list = steps.filter((s) => s.when === w);
        if (!list.length) return null;
        return (
          <section key={w} aria-labelledby={`guide-when-${w}`}>
            <H id={`guide-when-${w}`}>{i18n.tDynamic(`guide.when.${w}`, w)}</H>
            <ul className="steps">
              {list.map((s) => (
                <li key={s.id} data-step={s.id} data-done={s.done ? 'true' : undefined}>
                  <strong>{i18n.tDynamic(`guide.next.${s.id}`, s.id)}</strong>
                  <br />
                  {i18n.tDynamic(`guide.next.${s.id}.body`, '')}
                  {s.section ? (
                    <>
                      {' '}
                      {caseId ? (
                        <Link to={`/cases/${caseId}#${s.section}`}>
                          {t('guide.next.goTo', { section: t(SECTION_TITLE[s.section]) })}
                        </Link>
                      ) : <span className="muted">{t('guide.next.where', { section: t(SECTION_TITLE[s.section]) })}</span>}
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}
