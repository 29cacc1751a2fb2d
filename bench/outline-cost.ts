/**
 * What reading a board in order (shared/board-outline.ts, recomputed by the list view at most once
 * per frame, and by the harvest) and placing one new card (shared/card-placement.ts) cost as a
 * casusreconstructie board grows: n moments with n interpretations on the timeline and n red
 * threads. Both should grow about linearly with n.
 *
 *   node --import tsx bench/outline-cost.ts [n…]      (default 1000 4000 16000)
 */
import { BoardGeometry } from '../shared/board-geometry.ts'
import { buildOutline } from '../shared/board-outline.ts'
import { placeCard } from '../shared/card-placement.ts'
import { testBoard } from '../shared/test-board.ts'

function median(runs: number, fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)
console.log('n (per kind)  records  outline ms  place moment ms  place duiding ms  place rode draad ms')
for (const n of sizes.length > 0 ? sizes : [1000, 4000, 16000]) {
  const board = testBoard()
  // Spread over the lanes' width, several deep, as a crowded timeline would be.
  for (let i = 0; i < n; i++) {
    board.note('tijdlijn', 60 + (i % 300) * 11, 200 + Math.floor(i / 300) % 3, `Moment ${i}`, { date: `20${String(10 + (i % 15)).padStart(2, '0')}-01-01` })
    board.note('tijdlijn', 60 + (i % 300) * 11, 700 + Math.floor(i / 300) % 3, `Duiding ${i}`)
    board.note('rode-draden', 2100 + (i % 2) * 240, 200 + Math.floor(i / 2) * 3, `Rode draad ${i}`)
  }
  const records = board.records
  const outline = median(5, () => buildOutline({ records, templateId: 'casusreconstructie' }))
  const geometry = () => new BoardGeometry(records)
  const timeline = board.frame('tijdlijn').id
  const moment = median(5, () => placeCard(geometry(), { frameId: timeline, size: { w: 200, h: 200 }, date: '2017-06-01' }))
  const duiding = median(5, () => placeCard(geometry(), { frameId: timeline, size: { w: 200, h: 200 }, duidingOf: 'shape:t-1' }))
  const thread = median(5, () => placeCard(geometry(), { frameId: board.frame('rode-draden').id, size: { w: 200, h: 200 } }))
  console.log([n, records.length, outline, moment, duiding, thread].map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(1) : String(v)).padStart(8)).join('  '))
}
