/**
 * tldraw's icons, fonts and translations, all from our own bundle (no CDN).
 *
 * One exception to fix: Vite inlines files under 4 KB as `data:` URLs, and tldraw fetch()es
 * translations. `en.json` is tiny ("{}"), and the server's Content-Security-Policy rightly allows
 * no fetch from `data:`. So English gets a real file URL (`?no-inline`).
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import englishTranslationUrl from '@tldraw/assets/translations/en.json?url&no-inline'
import type { TLUiAssetUrlOverrides } from 'tldraw'

const bundled = getAssetUrlsByImport()

export const TLDRAW_ASSET_URLS: TLUiAssetUrlOverrides = {
  ...bundled,
  translations: { ...bundled.translations, en: englishTranslationUrl },
}
