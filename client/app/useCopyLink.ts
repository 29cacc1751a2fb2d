/** Copying a link to the clipboard, or, when the clipboard is refused (no permission, plain http), selecting it for Ctrl+C. */
import { useRef, useState } from 'react'

export type CopyState = 'idle' | 'copied' | 'failed'

export function useCopyLink() {
  const input = useRef<HTMLInputElement>(null)
  const [state, setState] = useState<CopyState>('idle')

  async function copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url)
      setState('copied')
    } catch {
      input.current?.select()
      setState('failed')
    }
  }

  return { input, state, copy }
}
