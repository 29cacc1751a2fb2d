/** The bar at the top of the home and message pages. */
import type { ReactNode } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { Link } from './Link.tsx'

export function AppHeader({ children }: { children?: ReactNode }) {
  const { t } = useI18n()
  return (
    <header className="app-header">
      <Link href="/" className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true" />
        {t('app.name')}
      </Link>
      <div className="app-header__end">
        {children}
        <LanguageSwitch />
      </div>
    </header>
  )
}
