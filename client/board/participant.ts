/**
 * The person at this device, as tldraw and our presence see them on one board: tldraw's user
 * preferences (id, name, colour, language) and the identity we publish over awareness.
 *
 * The name lives in localStorage only (user/identity.ts). On an anonymous board it is never
 * used: not asked, not shown, not sent.
 */
import { useEffect, useState } from 'react'
import { atom, computed, createTLCurrentUser, useValue, type Signal, type TLCurrentUser, type TLUserPreferences } from 'tldraw'
import type { Lang } from '../i18n.ts'
import { tldrawLocale } from '../i18n.ts'
import type { PresenceUser } from '../sync/presence.ts'
import { deviceIdentity, loadIdentity, saveColor, saveName, type Identity } from '../user/identity.ts'

export interface Participant {
  /** The "Hoe heet je?" question is still open (never on anonymous boards). */
  needsName: boolean
  /** Answers it ('' = stay anonymous). */
  answerName(name: string): void
  /** For `<Tldraw user>`: preferences kept in memory, name and colour saved to our identity. */
  currentUser: TLCurrentUser
  /** What presence publishes; null while the name question is open. */
  presenceUser: Signal<PresenceUser | null>
  hideNames: Signal<boolean>
}

type ExtraPreferences = Omit<TLUserPreferences, 'id' | 'name' | 'color' | 'locale'>

export function useParticipant({ anonymous, lang }: { anonymous: boolean; lang: Lang }): Participant {
  const [signals] = useState(() => createParticipantSignals(anonymous, lang))
  useEffect(() => {
    signals.$anonymous.set(anonymous)
  }, [signals, anonymous])
  useEffect(() => {
    signals.$lang.set(lang)
  }, [signals, lang])
  const needsName = useValue('dialoogbord.needsName', () => !signals.$anonymous.get() && signals.$identity.get() === null, [signals])
  return {
    needsName,
    answerName: signals.answerName,
    currentUser: signals.currentUser,
    presenceUser: signals.presenceUser,
    hideNames: signals.$anonymous,
  }
}

function createParticipantSignals(anonymous: boolean, lang: Lang) {
  const device = deviceIdentity()
  const $identity = atom<Identity | null>('dialoogbord.identity', loadIdentity())
  const $anonymous = atom('dialoogbord.anonymous', anonymous)
  const $lang = atom<Lang>('dialoogbord.lang', lang)
  // Preferences tldraw's menus change (snap mode, dark mode…): kept for this session.
  const $extra = atom<ExtraPreferences>('dialoogbord.extraPreferences', { colorScheme: 'light' })

  const $preferences = computed<TLUserPreferences>('dialoogbord.userPreferences', () => {
    const identity = $identity.get()
    return {
      ...$extra.get(),
      id: device.id,
      name: $anonymous.get() ? '' : (identity?.name ?? ''),
      color: identity?.color ?? device.color,
      locale: tldrawLocale($lang.get()),
    }
  })

  const setUserPreferences = (next: TLUserPreferences) => {
    const { id: _id, name, color, locale: _locale, ...extra } = next
    $extra.set(extra)
    const current = $preferences.get()
    if (!$anonymous.get() && typeof name === 'string' && name !== current.name) $identity.set(saveName(name))
    if (typeof color === 'string' && color !== current.color) {
      const saved = saveColor(color)
      $identity.set($identity.get() ? saved : null)
    }
  }

  const presenceUser = computed<PresenceUser | null>('dialoogbord.presenceUser', () => {
    const identity = $identity.get()
    const prefs = $preferences.get()
    if ($anonymous.get()) return { id: device.id, name: '', color: prefs.color ?? device.color }
    if (!identity) return null
    return { id: device.id, name: identity.name, color: prefs.color ?? identity.color }
  })

  return {
    $identity,
    $anonymous,
    $lang,
    presenceUser,
    currentUser: createTLCurrentUser({ userPreferences: $preferences, setUserPreferences }),
    answerName: (name: string) => $identity.set(saveName(name)),
  }
}
