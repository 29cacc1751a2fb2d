/**
 * The live board's document records, for comparing a snapshot with now. Follows the live store,
 * at most a few times a second (a drag changes it every frame; a diff per frame buys nothing).
 */
import { useEffect, useState } from 'react'
import type { Editor, TLRecord } from 'tldraw'

const THROTTLE_MS = 250

export function useLiveRecords(editor: Editor | null, enabled: boolean): readonly TLRecord[] | null {
  const [records, setRecords] = useState<readonly TLRecord[] | null>(null)
  useEffect(() => {
    if (!editor || !enabled) {
      setRecords(null)
      return
    }
    const { store } = editor
    const read = () => store.allRecords().filter((record) => store.scopedTypes.document.has(record.typeName))
    setRecords(read())
    let timer: ReturnType<typeof setTimeout> | null = null
    const stop = store.listen(
      () => {
        timer ??= setTimeout(() => {
          timer = null
          setRecords(read())
        }, THROTTLE_MS)
      },
      { scope: 'document' },
    )
    return () => {
      stop()
      if (timer) clearTimeout(timer)
    }
  }, [editor, enabled])
  return records
}
