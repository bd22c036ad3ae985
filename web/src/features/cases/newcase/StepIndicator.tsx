// The guide's steps in order: the current one marked (aria-current="step"), the ones already reached
// as buttons to go back to (nothing typed is lost), the rest as plain text.
import { useI18n } from '../../../i18n/context';
import { STEPS } from './steps';

export function StepIndicator({ index, reached, onGo }: { index: number; reached: number; onGo: (i: number) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <ol className="plain-list" aria-label={t('guide.steps.label')}>
      {STEPS.map((s, i) => {
        const name = i18n.tDynamic(`guide.step.${s}`, s);
        const label = t('guide.steps.item', { n: i + 1, title: name });
        return (
          <li key={s} aria-current={i === index ? 'step' : undefined}>
            {i === index ? <strong>{label}</strong>
              : i <= reached ? (
                <button type="button" className="button button--link" onClick={() => { onGo(i); }}>{label}</button>
              ) : <span className="muted">{label}</span>}
          </li>
        );
      })}
    </ol>
  );
}
