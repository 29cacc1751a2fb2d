/**
 * A silent round's reveal, as partners see it: P partners each write C cards in their drafts,
 * the facilitator reveals, and we time until every partner's board holds every card — next to
 * the same cards written straight onto the board by one client (the yardstick; ratios, because
 * machines are noisy). Also prints the bytes of the one update each partner receives.
 *
 *   npm run bench:reveal -- [--partners P] [--cards C] [--reps N]
 */
import { parseArgs } from 'node:util'
import type { CreatedBoard } from '../shared/api.ts'
import { createBoard } from '../server/testing/api-client.ts'
import { removeDir, startServerProcess } from '../server/testing/server-process.ts'
import { SyncClient, testRecord } from '../server/testing/sync-client.ts'
import { median } from './lib/stats.ts'

const { values } = parseArgs({ options: { partners: { type: 'string', default: '15' }, cards: { type: 'string', default: '10' }, reps: { type: 'string', default: '7' } } })
const PARTNERS = Number(values.partners)
const CARDS = Number(values.cards)
const REPS = Number(values.reps)

const newKey = (): string => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')
const cardIds = (rep: number, partner: number) => Array.from({ length: CARDS }, (_, i) => `r${rep}p${partner}c${i}`)
const holdsAll = (client: SyncClient, ids: readonly string[]) => ids.every((id) => client.records.has(`shape:${id}`))

async function main() {
  const server = await startServerProcess({ env: {} })
  try {
    const board: CreatedBoard = await createBoard(server.url, { title: 'Bench', template: 'casusreconstructie' })
    const partners = await Promise.all(
      Array.from({ length: PARTNERS }, async () => {
        const key = newKey()
        const [onBoard, draft] = await Promise.all([SyncClient.connect(server.url, board.id, board.tokens.editor), SyncClient.connect(server.url, board.id, board.tokens.editor, { draftKey: key })])
        return { onBoard, draft }
      }),
    )
    const reveal: number[] = []
    const direct: number[] = []
    const bytes: number[] = []
    for (let rep = 0; rep < REPS; rep++) {
      // Reveal: every partner writes in their draft, then one call moves everything.
      const all = partners.flatMap((_, p) => cardIds(rep, p))
      partners.forEach((partner, p) => {
        partner.draft.doc.transact(() => {
          for (const [i, id] of cardIds(rep, p).entries()) partner.draft.records.set(`shape:${id}`, testRecord(id, { x: p * 230, y: i * 230 }))
        })
      })
      await Promise.all(partners.map((partner) => partner.draft.stored()))
      const framesBefore = partners.map((partner) => partner.onBoard.frames.length)
      const started = performance.now()
      const response = await fetch(`${server.url}/api/boards/${board.id}/drafts/reveal`, { method: 'POST', headers: { authorization: `Bearer ${board.tokens.facilitator}` } })
      if (response.status !== 200) throw new Error(`reveal: ${response.status}`)
      await Promise.all(partners.map((partner) => partner.onBoard.waitFor((client) => holdsAll(client, all))))
      reveal.push(performance.now() - started)
      bytes.push(partners[0]!.onBoard.frames.slice(framesBefore[0]).reduce((sum, frame) => sum + frame.byteLength, 0))

      // Yardstick: the same number of cards written on the board by one client.
      const straight = partners.flatMap((_, p) => cardIds(rep, p).map((id) => `d${id}`))
      const writer = partners[0]!.onBoard
      const start2 = performance.now()
      writer.doc.transact(() => {
        for (const [i, id] of straight.entries()) writer.records.set(`shape:${id}`, testRecord(id, { x: i * 10, y: 4000 }))
      })
      await Promise.all(partners.slice(1).map((partner) => partner.onBoard.waitFor((client) => holdsAll(client, straight))))
      direct.push(performance.now() - start2)
    }
    const ms = (n: number) => `${n.toFixed(1)} ms`
    console.log(`reveal of ${PARTNERS} drafts × ${CARDS} cards (${PARTNERS * CARDS} cards), ${REPS} reps, median`)
    console.log(`  reveal → every partner has every card: ${ms(median(reveal))}`)
    console.log(`  same cards typed onto the board by one client: ${ms(median(direct))}`)
    console.log(`  ratio reveal / direct: ${(median(reveal) / median(direct)).toFixed(2)}`)
    console.log(`  what one partner receives for the reveal: ${(median(bytes) / 1024).toFixed(1)} KiB`)
    await Promise.all(partners.flatMap((partner) => [partner.onBoard.close(), partner.draft.close()]))
  } finally {
    await server.stop()
    removeDir(server.dataDir)
  }
}

await main()
