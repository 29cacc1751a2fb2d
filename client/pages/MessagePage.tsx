/** A full page with one message: not found, invalid link, load errors. */
import type { ReactNode } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { AppHeader } from '../ui/AppHeader.tsx'
import { Link } from '../ui/Link.tsx'

export function MessagePage({ title, body, testId, actions }: { title: string; body: string; testId?: string; actions?: ReactNode }) {
  const { t } = useI18n()
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main page__main--narrow" data-testid={testId}>
        <h1>{title}</h1>
        <p>{body}</p>
        <p className="actions">
          {actions}
          <Link href="/" className="button button--primary">
            {t('common.toHome')}
          </Link>
        </p>
      </main>
    </div>
  )
}
