/**
 * /toegankelijkheid: the accessibility statement, in the app's language (one path for both). Its
 * sections follow the Dutch government's model statement; the contact comes from the server's
 * ACCESSIBILITY_CONTACT, the last check (its date, and whether it was by hand) from statement-facts.ts.
 */
import { useEffect } from 'react'
import { useI18n } from '../app/i18n-context.tsx'
import { useClientConfig } from '../board/useClientConfig.ts'
import type { Lang } from '../i18n.ts'
import { AppHeader } from '../ui/AppHeader.tsx'
import { LAST_CHECK, lastCheckMessage, TLDRAW_AUDIT_ISSUE } from './statement-facts.ts'
import './statement.css'

export default function AccessibilityStatement() {
  const { t, lang } = useI18n()
  const lastCheck = lastCheckMessage(LAST_CHECK)
  useEffect(() => {
    document.title = `${t('statement.title')} · ${t('app.name')}`
  }, [t])

  return (
    <div className="page">
      <AppHeader />
      <main className="page__main page__main--narrow statement" data-testid="accessibility-statement">
        <h1>{t('statement.heading')}</h1>
        <p>{t('statement.intro')}</p>

        <section aria-labelledby="statement-scope">
          <h2 id="statement-scope">{t('statement.scope.heading')}</h2>
          <p>{t('statement.scope.body')}</p>
        </section>

        <section aria-labelledby="statement-status">
          <h2 id="statement-status">{t('statement.status.heading')}</h2>
          <h3>{t('statement.status.list.heading')}</h3>
          <p className="statement__status statement__status--conforms" data-testid="statement-status-list">
            {t('statement.status.conforms')}
          </p>
          <p>{t('statement.status.list.body')}</p>
          <p data-testid="statement-list-facilitator">{t('statement.status.list.facilitator')}</p>
          <h3>{t('statement.status.canvas.heading')}</h3>
          <p className="statement__status statement__status--partial" data-testid="statement-status-canvas">
            {t('statement.status.partial')}
          </p>
          <p>{t('statement.status.canvas.body')}</p>
          <p>{t('statement.status.canvas.alternative')}</p>
          <h3>{t('statement.status.chrome.heading')}</h3>
          <p className="statement__status statement__status--conforms">{t('statement.status.conforms')}</p>
          <p>{t('statement.status.chrome.body')}</p>
        </section>

        <section aria-labelledby="statement-gaps">
          <h2 id="statement-gaps">{t('statement.gaps.heading')}</h2>
          <p>{t('statement.gaps.intro')}</p>
          <ul>
            <li>{t('statement.gaps.tree')}</li>
            <li>{t('statement.gaps.keyboard')}</li>
            <li>{t('statement.gaps.focus')}</li>
          </ul>
          <p>
            {t('statement.gaps.source')} <a href={TLDRAW_AUDIT_ISSUE}>tldraw issue #9156</a>.
          </p>
          <h3>{t('statement.fixed.heading')}</h3>
          <ul>
            <li>{t('statement.fixed.colours')}</li>
            <li>{t('statement.fixed.descriptions')}</li>
            <li>{t('statement.fixed.focus')}</li>
            <li>{t('statement.fixed.selection')}</li>
          </ul>
        </section>

        <section aria-labelledby="statement-testing">
          <h2 id="statement-testing">{t('statement.testing.heading')}</h2>
          <p>{t('statement.testing.automated')}</p>
          <p>{t('statement.testing.contrast')}</p>
          <p>{t('statement.testing.keyboard')}</p>
          <p>{t('statement.testing.manual')}</p>
        </section>

        <section aria-labelledby="statement-checked">
          <h2 id="statement-checked">{t('statement.checked.heading')}</h2>
          <p data-testid="statement-last-check">{t(lastCheck.key, { date: formatDay(lang, lastCheck.date) })}</p>
        </section>

        <section aria-labelledby="statement-report">
          <h2 id="statement-report">{t('statement.report.heading')}</h2>
          <p>{t('statement.report.intro')}</p>
          <ReportContact />
          <p>{t('statement.report.software')}</p>
        </section>
      </main>
    </div>
  )
}

/** The installation's contact when its operator configured one, else where to ask instead. */
function ReportContact() {
  const { t } = useI18n()
  const config = useClientConfig()
  if (config === undefined) return <p className="muted">{t('statement.report.loading')}</p>
  const contact = config?.accessibilityContact ?? null
  if (contact === null) return <p data-testid="statement-contact">{t('statement.report.default')}</p>
  return (
    <p data-testid="statement-contact">
      {t('statement.report.contact')} <a href={contactHref(contact)}>{contact}</a>
    </p>
  )
}

/** The server lets through only an e-mail address or an https URL (server/config.ts). */
function contactHref(contact: string): string {
  return contact.startsWith('https:') ? contact : `mailto:${contact}`
}

/** "30 november 2026" / "30 November 2026": a calendar day, the same everywhere (noon UTC). */
function formatDay(lang: Lang, day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}
