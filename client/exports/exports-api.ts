/**
 * The board's files from the API (reports, calendar, JSON export) saved under the server's file
 * name, and a board started from an export file. Downloads go through fetch with the link's token
 * in a header, so the token never ends up in a URL, a history list or a server log.
 */
import type { CreatedBoard } from '../../shared/api.ts'
import { call, send, type ApiResult } from '../api/client.ts'
import { loadLang, translate } from '../i18n.ts'

/** One agreement's calendar file (agreementEventFile). */
export type AgreementEventFile = `agreements/${string}/event.ics`

export type BoardFile = 'report.docx' | 'report.pdf' | 'report.md' | 'followup.ics' | 'export.json' | AgreementEventFile

/** The calendar file of the agreement card `cardId` (its shape id). */
export function agreementEventFile(cardId: string): AgreementEventFile {
  return `agreements/${encodeURIComponent(cardId)}/event.ics`
}

/** What a file is saved as when the server names none. */
const FALLBACK: Record<Exclude<BoardFile, AgreementEventFile>, string> = {
  'report.docx': 'verslag.docx',
  'report.pdf': 'verslag.pdf',
  'report.md': 'oogst.md',
  'followup.ics': 'vervolgafspraak.ics',
  'export.json': 'bord.json',
}

/** Fetches one of the board's files; `ok` once the browser was handed it to save. */
export async function downloadBoardFile(boardId: string, token: string, file: BoardFile): Promise<ApiResult<string>> {
  const response = await send(`/api/boards/${encodeURIComponent(boardId)}/${file}`, { headers: { accept: '*/*' }, cache: 'no-store' }, token)
  if (!(response instanceof Response)) return response
  const name = filenameFrom(response.headers.get('content-disposition')) || (file in FALLBACK ? FALLBACK[file as keyof typeof FALLBACK] : 'afspraak.ics')
  saveBlob(await response.blob(), name)
  return { ok: true, value: name }
}

/** The file name in `Content-Disposition`, preferring the UTF-8 `filename*`; '' when there is none. */
export function filenameFrom(header: string | null): string {
  if (!header) return ''
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1]
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header)?.[1]
  let name = encoded ?? plain ?? ''
  if (encoded) {
    try {
      name = decodeURIComponent(encoded)
    } catch {
      name = plain ?? ''
    }
  }
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim()
}

/** Saves a blob as a file through a temporary object URL. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/**
 * Starts a board from an export file's text. Text that is not JSON never reaches the server: it
 * gets the same translated refusal the server gives a JSON file that is no board export.
 */
export async function importBoard(text: string, adminToken?: string): Promise<ApiResult<CreatedBoard>> {
  try {
    JSON.parse(text)
  } catch {
    return { ok: false, status: 400, code: 'invalid_import', message: translate(loadLang(), 'error.invalid_import') }
  }
  const result = await call<CreatedBoard>('/api/boards/import', { method: 'POST', body: text }, adminToken)
  // JSON of another shape is refused as a bad body; for the person with the file it is the same: no board export.
  if (!result.ok && result.code === 'invalid_body') return { ...result, code: 'invalid_import', message: translate(loadLang(), 'error.invalid_import') }
  return result
}
