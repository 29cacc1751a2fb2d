/** What every part of the list needs: the store to write to, who may do what, and the shared helpers. */
import type { TLStore } from '@tldraw/tlschema'
import { createContext, useContext } from 'react'
import type { BoardForRole } from '../../shared/api.ts'
import type { Drafts } from '../drafts/DraftsContext.tsx'
import type { Voting } from '../voting/VotingContext.tsx'

export interface ListContextValue {
  board: BoardForRole
  store: TLStore
  /** Editors and facilitators; viewers get no controls at all. */
  writable: boolean
  /** Every part, with the name the list shows, for "Verplaats naar" (a new array only when they change). */
  moveTargets: readonly PartRef[]
  /** My draft cards ("Alleen voor jou"); empty for viewers. */
  draftIds: ReadonlySet<string>
  drafts: Drafts
  voting: Voting | null
  /** Runs a write; a failure is shown (and read out) instead of thrown. */
  act(write: () => void): boolean
  /** Moves focus to the control with this key once it is on screen (it may come with the next outline). */
  focusSoon(key: string): void
}

/** A part as the cards' controls need it: which zone and frame, and its name. */
export interface PartRef {
  zone: string | null
  frameId: string | null
  name: string
}

export const ListContext = createContext<ListContextValue | null>(null)

export function useList(): ListContextValue {
  const value = useContext(ListContext)
  if (!value) throw new Error('useList outside ListContext')
  return value
}

/** The key of a control, for keeping focus on it while the list re-renders (data-focus-key). */
export const focusKey = (id: string, control: string): string => `${id}:${control}`
