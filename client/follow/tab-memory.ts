/**
 * What this tab remembers about following, per board, in sessionStorage (like the camera in
 * board/session-camera.ts): the summon it already acted on, so a reload does not move it again;
 * and the awareness client id it led "Volg mij" with, so a facilitator who reloads takes the
 * spotlight along to the new tab instead of leaving everyone following a tab that is gone.
 */
const key = (what: 'summon' | 'leader', boardId: string) => `dialoogbord:${what}:${boardId}`

function read(what: 'summon' | 'leader', boardId: string): string | null {
  try {
    return globalThis.sessionStorage?.getItem(key(what, boardId)) ?? null
  } catch {
    return null
  }
}

function write(what: 'summon' | 'leader', boardId: string, value: string | null): void {
  try {
    if (value === null) globalThis.sessionStorage?.removeItem(key(what, boardId))
    else globalThis.sessionStorage?.setItem(key(what, boardId), value)
  } catch {
    // Storage disabled: a reload then acts on the latest summon once more, which is harmless.
  }
}

export const seenSummon = (boardId: string): string | null => read('summon', boardId)
export const rememberSummon = (boardId: string, id: string): void => write('summon', boardId, id)

export function ledSpotlightAs(boardId: string): number | null {
  const value = Number(read('leader', boardId))
  return Number.isInteger(value) && value >= 0 && read('leader', boardId) !== null ? value : null
}
export const rememberLeading = (boardId: string, clientId: number | null): void => write('leader', boardId, clientId === null ? null : String(clientId))
