/**
 * Our own UI strings, Dutch first (the product is for the Dutch public sector), English second.
 * tldraw's own UI is translated by tldraw itself (its `nl` locale from @tldraw/assets).
 */
import * as cards from './messages/cards.ts'
import * as core from './messages/core.ts'
import * as drafts from './messages/drafts.ts'
import * as errors from './messages/errors.ts'
import * as exportsText from './messages/exports.ts'
import * as follow from './messages/follow.ts'
import * as hands from './messages/hands.ts'
import * as history from './messages/history.ts'
import * as list from './messages/list.ts'
import * as session from './messages/session.ts'
import * as settings from './messages/settings.ts'
import * as statement from './messages/statement.ts'
import * as voting from './messages/voting.ts'
import { readStored, writeStored } from './storage/local.ts'

export const LANGUAGES = ['nl', 'en'] as const
export type Lang = (typeof LANGUAGES)[number]

// Each feature keeps its strings in its own module under messages/; together they are the UI.
const nl = { ...core.nl, ...cards.nl, ...history.nl, ...settings.nl, ...voting.nl, ...session.nl, ...drafts.nl, ...hands.nl, ...follow.nl, ...exportsText.nl, ...statement.nl, ...list.nl, ...errors.nl }

export type MessageKey = keyof typeof nl

const en: Record<MessageKey, string> = { ...core.en, ...cards.en, ...history.en, ...settings.en, ...voting.en, ...session.en, ...drafts.en, ...hands.en, ...follow.en, ...exportsText.en, ...statement.en, ...list.en, ...errors.en }

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { nl, en }

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string

/** The message for `key` in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)
}

const LANG_KEY = 'dialoogbord:lang'

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The remembered language; Dutch unless someone switched. */
export function loadLang(): Lang {
  return readStored(LANG_KEY, (value) => (isLang(value) ? value : null)) ?? 'nl'
}

export function saveLang(lang: Lang): void {
  writeStored(LANG_KEY, lang)
}

/** tldraw's locale id for our language (its Dutch translation is `nl`). */
export function tldrawLocale(lang: Lang): string {
  return lang
}

/** A date as people in `lang` write it, e.g. "3 mrt 2025, 14:05". */
export function formatDate(lang: Lang, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}
