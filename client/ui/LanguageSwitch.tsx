/** NL/EN toggle. Two real buttons with aria-pressed, so screen readers hear which one is on. */
import { useI18n } from '../app/i18n-context.tsx'
import { LANGUAGES } from '../i18n.ts'

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          className="lang-switch__option"
          aria-pressed={lang === option}
          lang={option}
          title={t(`lang.${option}`)}
          data-testid={`lang-${option}`}
          onClick={() => setLang(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
