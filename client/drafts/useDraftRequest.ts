/** One draft call at a time from a control: busy while it runs, then what came of it (translated). */
import { useCallback, useState } from 'react'
import type { RevealResult } from '../../shared/api.ts'
import type { ApiResult } from '../api/client.ts'
import { useI18n } from '../app/i18n-context.tsx'

export function useDraftRequest() {
  const { t } = useI18n()
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null)
  const run = useCallback(
    async <T,>(request: () => Promise<ApiResult<T>>): Promise<T | null> => {
      setBusy(true)
      setNotice(null)
      const result = await request()
      setBusy(false)
      if (!result.ok) {
        setNotice({ text: t('drafts.failed', { message: result.message }), error: true })
        return null
      }
      const revealed = (result.value as Partial<RevealResult> | null)?.revealed
      if (typeof revealed === 'number') setNotice({ text: t(revealed === 1 ? 'drafts.revealed.one' : 'drafts.revealed.other', { n: String(revealed) }), error: false })
      return result.value
    },
    [t],
  )
  return { busy, notice, run }
}
