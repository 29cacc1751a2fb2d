/**
 * The side panels of a board. Each feature owns its panel component in its own folder; this is
 * the one list that says which panels exist, in which order, and who sees them.
 */
import type { ComponentType, ReactNode } from 'react'
import type { Editor } from 'tldraw'
import type { BoardForRole } from '../../shared/api.ts'
import { hasRole } from '../../shared/roles.ts'
import { CardPanel } from '../cards/CardPanel.tsx'
import { StepsPanel } from '../facilitation/StepsPanel.tsx'
import { HarvestPanel } from '../harvest/HarvestPanel.tsx'
import { HistoryPanel } from '../history/HistoryPanel.tsx'
import { ParticipantsPanel } from '../follow/ParticipantsPanel.tsx'
import type { MessageKey } from '../i18n.ts'
import { SettingsPanel } from '../settings/SettingsPanel.tsx'
import { VotePanel } from '../voting/VotePanel.tsx'

export type PanelId = 'steps' | 'participants' | 'card' | 'vote' | 'harvest' | 'history' | 'settings'

export interface PanelProps {
  board: BoardForRole
  token: string
  /** The live editor, once it has mounted. */
  editor: Editor | null
  onClose(): void
  /**
   * Shows `content` in place of the live canvas (which stays mounted and connected underneath),
   * or the live board again with null. Used to view a snapshot "in the same canvas".
   */
  showInCanvas(content: ReactNode | null): void
  /** Tells the board that its settings changed on the server (title, anonymity…), so it reloads them. */
  onBoardChanged(board: BoardForRole): void
}

export interface PanelDefinition {
  id: PanelId
  label: MessageKey
  visibleTo(board: BoardForRole): boolean
  Component: ComponentType<PanelProps>
}

export const PANELS: readonly PanelDefinition[] = [
  { id: 'steps', label: 'panel.steps', visibleTo: () => true, Component: StepsPanel },
  { id: 'participants', label: 'panel.participants', visibleTo: (board) => hasRole(board.role, 'facilitator'), Component: ParticipantsPanel },
  { id: 'card', label: 'panel.card', visibleTo: () => true, Component: CardPanel },
  { id: 'vote', label: 'panel.vote', visibleTo: () => true, Component: VotePanel },
  { id: 'harvest', label: 'panel.harvest', visibleTo: () => true, Component: HarvestPanel },
  { id: 'history', label: 'panel.history', visibleTo: () => true, Component: HistoryPanel },
  { id: 'settings', label: 'panel.settings', visibleTo: (board) => hasRole(board.role, 'facilitator'), Component: SettingsPanel },
]
