/**
 * Registers the service worker (client/offline/service-worker.ts) in a production build, once
 * the page no longer needs the network for itself: on a board page shortly after the editor is up,
 * so filling its cache never competes with a first open on a slow connection.
 */
import { OPEN_MARKS } from '../board/open-marks.ts'

/** Registered anyway after this long, e.g. when a board never opens (bad link). */
const AT_THE_LATEST_MS = 20_000
/** After the editor is up, the first paint and the fonts it asks for go first. */
const AFTER_THE_EDITOR_MS = 2_000

export function registerServiceWorker(onBoardPage: boolean): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  let done = false
  const register = () => {
    if (done) return
    done = true
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No offline copy of the app then; everything else works as before.
    })
  }
  const afterLoad = () => {
    if (!onBoardPage) return register()
    const editorUp = OPEN_MARKS.prefix + 'editor mounted'
    const soon = () => setTimeout(register, AFTER_THE_EDITOR_MS)
    if (performance.getEntriesByName(editorUp, 'mark').length > 0) return void soon()
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(editorUp).length === 0) return
      observer.disconnect()
      soon()
    })
    observer.observe({ type: 'mark', buffered: true })
    setTimeout(register, AT_THE_LATEST_MS)
  }
  if (document.readyState === 'complete') afterLoad()
  else window.addEventListener('load', afterLoad, { once: true })
}
