/**
 * The following controls. In the facilitator's header: "Breng iedereen hierheen" (once, to what
 * this tab shows) and "Volg mij" (a toggle, aria-pressed). Over the canvas of anyone following:
 * "Zelf rondkijken", then "Weer volgen". Each has a keyboard shortcut (Alt+Shift+B, M, Z: letters tldraw and the hand controls leave free).
 */
import { useEffect, useId, useRef } from 'react'
import { useValue } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { useFollow, type Follow } from './FollowContext.tsx'
import type { FollowMode } from './follow-session.ts'
import './follow.css'

export const SHORTCUTS = { summon: 'KeyB', spotlight: 'KeyM', stepOut: 'KeyZ' } as const

export function FollowButtons() {
  const follow = useFollow()
  if (!follow?.facilitator) return null
  return <FollowControls follow={follow} />
}

function FollowControls({ follow }: { follow: Follow }) {
  const { t } = useI18n()
  const { session, notice } = follow
  const mode = useValue('follow mode', () => session.mode.get(), [session])
  const summonHint = useId()
  const spotlightHint = useId()

  return (
    <div className="follow-controls" role="group" aria-label={t('follow.group')}>
      <button
        type="button"
        className="button button--small"
        data-testid="follow-summon"
        aria-describedby={summonHint}
        aria-keyshortcuts="Alt+Shift+B"
        title={t('follow.summonHint')}
        onClick={() => void follow.summon()}
      >
        {t('follow.summon')}
      </button>
      <span id={summonHint} className="visually-hidden">
        {t('follow.summonHint')}
      </span>
      <button
        type="button"
        className="button button--small follow-controls__spotlight"
        data-testid="follow-spotlight"
        aria-pressed={mode === 'leading'}
        aria-describedby={spotlightHint}
        aria-keyshortcuts="Alt+Shift+M"
        title={t('follow.spotlightHint')}
        onClick={() => void follow.setSpotlight(mode !== 'leading')}
      >
        {t('follow.spotlight')}
      </button>
      <span id={spotlightHint} className="visually-hidden">
        {t('follow.spotlightHint')}
      </span>
      <span className="visually-hidden" role="status" data-testid="follow-notice">
        {notice?.failed ? '' : (notice?.text ?? '')}
      </span>
      {notice?.failed && (
        <span className="follow-controls__error" role="alert">
          {notice.text}
        </span>
      )}
    </div>
  )
}

/**
 * A follower's bar over the top of the canvas: that they follow, and "Zelf rondkijken" (then
 * "Weer volgen"). On the canvas rather than in the header: it belongs to the view it is about, and
 * the header has no room left on a laptop.
 */
export function FollowBar() {
  const follow = useFollow()
  if (!follow) return null
  return <FollowerBar follow={follow} />
}

function FollowerBar({ follow }: { follow: Follow }) {
  const { t } = useI18n()
  const mode = useValue('follow mode', () => follow.session.mode.get(), [follow.session])
  const hintId = useId()
  useFollowShortcuts(follow, mode)
  if (!isFollower(mode)) return null
  return (
    <div className={`follow-bar follow-bar--${mode}`} role="group" aria-label={t('follow.group')} data-testid="follow-state" data-mode={mode}>
      <span className="follow-bar__state" role="status">
        {t(mode === 'following' ? 'follow.following' : mode === 'waiting' ? 'follow.waiting' : 'follow.steppedOut')}
      </span>
      <button
        type="button"
        className={`button button--small${mode === 'stepped-out' ? ' button--primary' : ''}`}
        data-testid={mode === 'stepped-out' ? 'follow-rejoin' : 'follow-step-out'}
        aria-describedby={hintId}
        aria-keyshortcuts="Alt+Shift+Z"
        onClick={() => toggleFollowing(follow, mode)}
      >
        {t(mode === 'stepped-out' ? 'follow.rejoin' : 'follow.stepOut')}
      </button>
      <span id={hintId} className="visually-hidden">
        {t(mode === 'stepped-out' ? 'follow.rejoinHint' : 'follow.stepOutHint')}
      </span>
    </div>
  )
}

/** Alt+Shift+B and M for the facilitator, Alt+Shift+Z for a follower: on the whole page, the canvas included. */
function useFollowShortcuts(follow: Follow, mode: FollowMode) {
  const current = useRef({ follow, mode })
  current.current = { follow, mode }
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return
      const { follow: now, mode: state } = current.current
      if (now.facilitator && event.code === SHORTCUTS.summon) void now.summon()
      else if (now.facilitator && event.code === SHORTCUTS.spotlight) void now.setSpotlight(state !== 'leading')
      else if (event.code === SHORTCUTS.stepOut && isFollower(state)) toggleFollowing(now, state)
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}

const isFollower = (mode: FollowMode) => mode === 'following' || mode === 'waiting' || mode === 'stepped-out'

function toggleFollowing(follow: Follow, mode: FollowMode) {
  if (mode === 'stepped-out') follow.session.rejoin()
  else follow.session.stepOut()
}
