/** Placeholder: this panel is being built. */
import type { PanelProps } from '../board/panels.tsx'

export function HistoryPanel(_props: PanelProps) {
  return <p className="muted">…</p>
}
