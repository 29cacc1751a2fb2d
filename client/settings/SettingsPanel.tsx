/** Placeholder: this panel is being built. */
import type { PanelProps } from '../board/panels.tsx'

export function SettingsPanel(_props: PanelProps) {
  return <p className="muted">…</p>
}
