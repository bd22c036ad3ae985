// /hjalp (and /help): the public information page, reachable without logging in (issue 6 point 6). The public
// is sent to 112, the police (114 14) and victim support (116 006); the hotline 020-390 000 is for
// professionals, who may also ask to be called back.
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import type { MessageKey } from '../../i18n/sv';
import { CallbackForm } from './CallbackForm';

/** The numbers the page names, as shown and as dialled. */
export const NUMBERS = {
  emergency: { shown: '112', tel: '112' },
  police: { shown: '114 14', tel: '11414' },
  victimSupport: { shown: '116 006', tel: '116006' },
  hotline: { shown: '020-390 000', tel: '020390000' },
} as const;

function NumberItem({ text, number }: { text: MessageKey; number: keyof typeof NUMBERS }) {
  const { t } = useI18n();
  const n = NUMBERS[number];
  return (
    <li>
      <p>{t(text)}</p>
      <p>
        <a className="button button--secondary" href={`tel:${n.tel}`}>{t('public.call', { number: n.shown })}</a>
      </p>
    </li>
  );
}

export function HotlineInfoPage() {
  const { t } = useI18n();
  usePageTitle(t('public.title'));
  return (
    <div className="public-info">
      <h1>{t('public.title')}</h1>
      <p className="lead">{t('public.lead')}</p>

      <section aria-labelledby="public-for-public">
        <h2 id="public-for-public">{t('public.forPublic.title')}</h2>
        <ul className="plain-list">
          <NumberItem text="public.emergency" number="emergency" />
          <NumberItem text="public.police" number="police" />
          <NumberItem text="public.victimSupport" number="victimSupport" />
        </ul>
        <p>{t('public.notForPublic')}</p>
      </section>

      <section aria-labelledby="public-for-professionals">
        <h2 id="public-for-professionals">{t('public.forProfessionals.title')}</h2>
        <ul className="plain-list">
          <NumberItem text="public.hotline" number="hotline" />
        </ul>
        <p>{t('public.afterHours')}</p>
        <h3 id="callback-title">{t('callback.title')}</h3>
        <CallbackForm />
      </section>
    </div>
  );
}
