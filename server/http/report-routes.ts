/**
 * GET /api/boards/:id/report.md: the harvest of a board as Markdown (docs/document.md, "The harvest");
 * GET /api/boards/:id/harvest.json: the harvest model it is rendered from; report.docx, report.pdf
 * and followup.ics: the same model as Word, PDF and a calendar event for the follow-up card;
 * agreements/:cardId/event.ics: one agreement with a date as a calendar event.
 */
import { Hono } from 'hono'
import type { BoardService } from '../boards/board-service.ts'
import { requireBoardRole, type BoardAccessEnv } from './access.ts'
import { fileSlug } from './transfer-routes.ts'
import { HttpError } from './errors.ts'
import { attachmentDisposition } from './content-disposition.ts'
import { agreementIcs, followUpIcs, isIcsDate } from '../report/followup-ics.ts'
import type { HarvestAgreement } from '../../shared/harvest-model.ts'

/** The board title as the file name (RFC 6266: filename*), with an ASCII slug for old clients. */
function attachment(title: string, extension: string): string {
  return attachmentDisposition(`${fileSlug(title)}.${extension}`, `${title}.${extension}`)
}

export function reportRoutes(service: BoardService): Hono<BoardAccessEnv> {
  const routes = new Hono<BoardAccessEnv>()

  routes.get('/:id/report.md', requireBoardRole(service, 'viewer'), async (c) => {
    const board = c.var.board
    const markdown = await service.harvest(board)
    c.header('Content-Type', 'text/markdown; charset=utf-8')
    c.header('Content-Disposition', attachmentDisposition(`${fileSlug(board.title)}-oogst.md`))
    c.header('Cache-Control', 'no-store')
    return c.body(markdown, 200)
  })

  /** The harvest model (shared/harvest-model.ts) the Oogst view renders. */
  routes.get('/:id/harvest.json', requireBoardRole(service, 'viewer'), async (c) => {
    const model = await service.harvestModel(c.var.board)
    c.header('Cache-Control', 'no-store')
    return c.json(model, 200)
  })

  const documentTypes = {
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    pdf: 'application/pdf',
  } as const
  for (const format of ['docx', 'pdf'] as const) {
    routes.get(`/:id/report.${format}`, requireBoardRole(service, 'viewer'), async (c) => {
      const board = c.var.board
      const bytes = await service.harvestDocument(board, format)
      c.header('Content-Type', documentTypes[format])
      c.header('Content-Disposition', attachment(board.title, format))
      c.header('Cache-Control', 'no-store')
      // The worker handed its own ArrayBuffer over: a view, not a copy.
      return c.body(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength), 200)
    })
  }

  routes.get('/:id/followup.ics', requireBoardRole(service, 'viewer'), async (c) => {
    const board = c.var.board
    const followUp = (await service.harvestModel(board)).followUp
    if (!followUp || !isIcsDate(followUp.date)) throw new HttpError(404, 'The board has no follow-up card with a date', 'no_followup')
    c.header('Content-Type', 'text/calendar; charset=utf-8')
    c.header('Content-Disposition', attachment(board.title, 'ics'))
    c.header('Cache-Control', 'no-store')
    return c.body(followUpIcs({ boardId: board.id, boardTitle: board.title, date: followUp.date, text: followUp.text, now: new Date() }), 200)
  })

  /** One agreement card with a date (the harvest model's row for it) as its own calendar event. */
  routes.get('/:id/agreements/:cardId/event.ics', requireBoardRole(service, 'viewer'), async (c) => {
    const board = c.var.board
    const cardId = c.req.param('cardId')
    const model = await service.harvestModel(board)
    const row = model.sections.flatMap((section): HarvestAgreement[] => (section.kind === 'agreements' ? section.rows : [])).find((agreement) => agreement.id === cardId)
    // One refusal for a card that is not there, no agreement, or names no day: telling them apart
    // would mean loading the live board for a 404, and the client offers the file only for dated rows.
    if (!row?.date || !isIcsDate(row.date)) throw new HttpError(404, 'this board has no agreement card with a date by that id', 'no_agreement_date')
    c.header('Content-Type', 'text/calendar; charset=utf-8')
    c.header('Content-Disposition', attachment(`${board.title} - afspraak`, 'ics'))
    c.header('Cache-Control', 'no-store')
    return c.body(agreementIcs({ boardId: board.id, boardTitle: board.title, cardId, date: row.date, wat: row.wat, wie: row.wie, wanneer: row.wanneer, hoe: row.hoe, now: new Date() }), 200)
  })

  return routes
}
