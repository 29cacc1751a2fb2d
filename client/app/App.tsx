/** The app shell: language, routing, and the page for the current URL. */
import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react'
import { AdminPage } from '../admin/AdminPage.tsx'
import { HomePage } from '../pages/HomePage.tsx'
import { MessagePage } from '../pages/MessagePage.tsx'
import { I18nProvider, useI18n } from './i18n-context.tsx'
import { currentHref, parseRoute, subscribeToLocation } from './routes.ts'

// tldraw is most of the bundle; the home page should not wait for it.
const BoardPage = lazy(() => import('../pages/BoardPage.tsx'))
// The board as a list: no tldraw editor or UI, so a phone or screen reader gets it quickly.
const ListPage = lazy(() => import('../list/ListPage.tsx'))
// Read rarely: its text need not weigh on the home page either.
const AccessibilityStatement = lazy(() => import('../pages/AccessibilityStatement.tsx'))

export function App() {
  return (
    <I18nProvider>
      <Pages />
    </I18nProvider>
  )
}

function Pages() {
  const { t } = useI18n()
  const href = useSyncExternalStore(subscribeToLocation, currentHref)
  const url = new URL(href, window.location.origin)
  const route = parseRoute(url.pathname, url.search)

  useEffect(() => {
    if (route.page === 'home') document.title = t('app.name')
    if (route.page === 'not-found') document.title = `${t('notFound.title')} · ${t('app.name')}`
  }, [route.page, t])

  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'admin':
      return <AdminPage />
    case 'board':
      return (
        <Suspense fallback={<p className="page-status" role="status">{t('board.loading')}</p>}>
          <BoardPage key={`${route.boardId} ${route.token ?? ''}`} boardId={route.boardId} token={route.token} />
        </Suspense>
      )
    case 'list':
      return (
        <Suspense fallback={<p className="page-status" role="status">{t('board.loading')}</p>}>
          <ListPage key={`${route.boardId} ${route.token ?? ''}`} boardId={route.boardId} token={route.token} />
        </Suspense>
      )
    case 'accessibility':
      return (
        <Suspense fallback={<p className="page-status" role="status">{t('statement.loading')}</p>}>
          <AccessibilityStatement />
        </Suspense>
      )
    case 'not-found':
      return <MessagePage title={t('notFound.title')} body={t('notFound.body')} />
  }
}
