/** The session state the server keeps in a board's meta map, as React state (a new object only on change). */
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { metaMap } from '../../shared/doc-layout.ts'
import { EMPTY_SESSION, readSession, touchesSession, type SessionState } from '../../shared/session.ts'

export function useSession(doc: Y.Doc | null): SessionState {
  const [session, setSession] = useState<SessionState>(EMPTY_SESSION)
  useEffect(() => {
    if (!doc) return
    const meta = metaMap(doc)
    let last = ''
    const read = () => {
      const next = readSession(meta)
      const key = JSON.stringify(next)
      if (key === last) return
      last = key
      setSession(next)
    }
    const onChange = (event: Y.YMapEvent<unknown>) => {
      if (touchesSession(event.keysChanged)) read()
    }
    read()
    meta.observe(onChange)
    return () => {
      meta.unobserve(onChange)
      setSession(EMPTY_SESSION)
    }
  }, [doc])
  return session
}
