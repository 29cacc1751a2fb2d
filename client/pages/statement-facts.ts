/**
 * Facts the accessibility statement (/toegankelijkheid) states that only a person can vouch for.
 *
 * LAST_MANUAL_CHECK: the day a person last checked Dialoogbord by hand (keyboard only, a screen
 * reader, 320 px wide) and ran the axe suite (`npx playwright test e2e/accessibility.spec.ts`) with
 * no serious or critical findings. Update it only after doing that check, never as part of an
 * unrelated change: the statement publishes it as the date of the last check (docs/api.md "Pages").
 */
export const LAST_MANUAL_CHECK = '2026-11-30'

/** The tldraw accessibility audit the statement's list of canvas gaps follows. */
export const TLDRAW_AUDIT_ISSUE = 'https://github.com/tldraw/tldraw/issues/9156'
