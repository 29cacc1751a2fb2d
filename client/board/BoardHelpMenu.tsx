/**
 * tldraw's help menu (the "?" at the bottom right) with the accessibility statement under its own
 * items. A new tab, so reading it does not leave the session.
 */
import { DefaultHelpMenu, DefaultHelpMenuContent, TldrawUiMenuGroup, TldrawUiMenuItem } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { ACCESSIBILITY_PATH } from '../app/routes.ts'

export function BoardHelpMenu() {
  const { t } = useI18n()
  return (
    <DefaultHelpMenu>
      <DefaultHelpMenuContent />
      <TldrawUiMenuGroup id="dialoogbord-accessibility">
        <TldrawUiMenuItem
          id="accessibility-statement"
          label={t('statement.helpMenu')}
          readonlyOk
          onSelect={() => void window.open(ACCESSIBILITY_PATH, '_blank', 'noopener')}
        />
      </TldrawUiMenuGroup>
    </DefaultHelpMenu>
  )
}
