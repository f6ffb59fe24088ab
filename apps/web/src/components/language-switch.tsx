import { useTranslation } from 'react-i18next';

/** One button that offers the other language, written in that language ("English" / "Tiếng Việt"). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = t('language.otherCode');
  return (
    <button
      type="button"
      className="button button--quiet language-switch"
      lang={target}
      onClick={() => {
        void i18n.changeLanguage(target);
      }}
    >
      {t('language.other')}
    </button>
  );
}
