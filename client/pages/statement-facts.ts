/**
 * Facts the accessibility statement (/toegankelijkheid) states that only a person can vouch for.
 *
 * LAST_CHECK: the last check of Dialoogbord's accessibility, and whether it was done by hand.
 * - `byHand: false`: the day the axe suite (`npx playwright test e2e/accessibility.spec.ts`) and
 *   the keyboard-only list view test last ran with no serious or critical findings; the statement
 *   then says that no check by hand has been done yet.
 * - `byHand: true`: the day a person checked by hand (keyboard only, a screen reader, 320 px wide)
 *   and ran that suite clean. Set it only after doing that check, never as part of an unrelated
 *   change: the statement publishes it (docs/api.md "Pages").
 */
export const LAST_CHECK: LastCheck = { date: '2026-11-30', byHand: false }

export interface LastCheck {
  /** A calendar day, YYYY-MM-DD. */
  date: string
  byHand: boolean
}

/** The statement's sentence about the last check: which message, for which day. */
export function lastCheckMessage(check: LastCheck): { key: 'statement.checked.byHand' | 'statement.checked.automatedOnly'; date: string } {
  return { key: check.byHand ? 'statement.checked.byHand' : 'statement.checked.automatedOnly', date: check.date }
}

/** The tldraw accessibility audit the statement's list of canvas gaps follows. */
export const TLDRAW_AUDIT_ISSUE = 'https://github.com/tldraw/tldraw/issues/9156'
