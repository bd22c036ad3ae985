// Switches between Swedish and English; each button names its language in that language.
import { useI18n } from '../i18n/context';
import { LANGS, type Lang } from '../i18n/translate';

const NATIVE_NAME: Record<Lang, string> = { sv: 'Svenska', en: 'English' };

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="lang-button"
          aria-pressed={l === lang}
          onClick={() => {
            setLang(l);
          }}
        >
          {NATIVE_NAME[l]}
        </button>
      ))}
    </div>
  );
}
