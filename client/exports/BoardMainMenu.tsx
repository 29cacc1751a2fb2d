/**
 * tldraw's main menu with "Exporteer als PDF" under its own items: the board as a PDF with a page
 * per part, the same file the Oogst view offers, for anyone who looks for exports in the menu.
 */
import { createContext, useContext } from 'react'
import { DefaultMainMenu, DefaultMainMenuContent, TldrawUiMenuGroup, TldrawUiMenuItem, useEditor, useToasts } from 'tldraw'
import { useI18n } from '../app/i18n-context.tsx'
import { exportFileName } from '../board/export-name.ts'
import { useDraftsOnBoard } from '../drafts/DraftsContext.tsx'
import { buildBoardPdf } from './board-pdf.ts'
import { saveBlob } from './exports-api.ts'

/** The board's title as it is when the menu item is chosen (a renamed board exports under its new name). */
export const BoardTitleContext = createContext<() => string>(() => '')

export function BoardMainMenu() {
  return (
    <DefaultMainMenu>
      <DefaultMainMenuContent />
      <ExportBoardPdfItem />
    </DefaultMainMenu>
  )
}

function ExportBoardPdfItem() {
  const editor = useEditor()
  const title = useContext(BoardTitleContext)
  const { t, lang } = useI18n()
  const { addToast } = useToasts()
  // My draft's cards are in the editor's store too: never in a PDF made to be shared.
  const homes = useDraftsOnBoard()?.homes
  async function exportPdf() {
    try {
      const bytes = await buildBoardPdf(editor, title(), lang, homes?.draftIds.get())
      saveBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), `${exportFileName(title())}.pdf`)
    } catch (cause) {
      addToast({ title: t('exports.failed', { message: cause instanceof Error ? cause.message : String(cause) }), severity: 'error' })
    }
  }
  return (
    <TldrawUiMenuGroup id="dialoogbord-export">
      <TldrawUiMenuItem id="export-board-pdf" label={t('exports.menuPdf')} readonlyOk onSelect={() => void exportPdf()} />
    </TldrawUiMenuGroup>
  )
}
