/**
 * The header's following controls. The facilitator: "Breng iedereen hierheen" (once, to what this
 * tab shows) and "Volg mij" (a toggle, aria-pressed). Anyone following: "Zelf rondkijken", then
 * "Weer volgen". Each has a keyboard shortcut (Alt+Shift+B, M, Z: letters tldraw and the hand controls leave free).
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
  if (!follow) return null
  return <FollowControls follow={follow} />
}

function FollowControls({ follow }: { follow: Follow }) {
  const { t } = useI18n()
  const { session, facilitator, notice } = follow
  const mode = useValue('follow mode', () => session.mode.get(), [session])
  const summonHint = useId()
  const spotlightHint = useId()
  const followHint = useId()

  const actions = useRef({ follow, mode })
  actions.current = { follow, mode }
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.repeat) return
      const { follow: current, mode: now } = actions.current
      if (current.facilitator && event.code === SHORTCUTS.summon) void current.summon()
      else if (current.facilitator && event.code === SHORTCUTS.spotlight) void current.setSpotlight(now !== 'leading')
      else if (event.code === SHORTCUTS.stepOut && isFollower(now)) toggleFollowing(current, now)
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <div className="follow-controls" role="group" aria-label={t('follow.spotlight')}>
      {facilitator && (
        <>
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
        </>
      )}
      {isFollower(mode) && (
        <>
          <span className={`follow-controls__state follow-controls__state--${mode}`} data-testid="follow-state" data-mode={mode}>
            {t(mode === 'following' ? 'follow.following' : mode === 'waiting' ? 'follow.waiting' : 'follow.steppedOut')}
          </span>
          <button
            type="button"
            className={`button button--small${mode === 'stepped-out' ? ' button--primary' : ''}`}
            data-testid={mode === 'stepped-out' ? 'follow-rejoin' : 'follow-step-out'}
            aria-describedby={followHint}
            aria-keyshortcuts="Alt+Shift+Z"
            onClick={() => toggleFollowing(follow, mode)}
          >
            {t(mode === 'stepped-out' ? 'follow.rejoin' : 'follow.stepOut')}
          </button>
          <span id={followHint} className="visually-hidden">
            {t(mode === 'stepped-out' ? 'follow.rejoinHint' : 'follow.stepOutHint')}
          </span>
        </>
      )}
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

const isFollower = (mode: FollowMode) => mode === 'following' || mode === 'waiting' || mode === 'stepped-out'

function toggleFollowing(follow: Follow, mode: FollowMode) {
  if (mode === 'stepped-out') follow.session.rejoin()
  else follow.session.stepOut()
}
