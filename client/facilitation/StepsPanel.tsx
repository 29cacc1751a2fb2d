/** Placeholder: this panel is being built. */
import type { PanelProps } from '../board/panels.tsx'

export function StepsPanel(_props: PanelProps) {
  return <p className="muted">…</p>
}
