/** The server's runtime settings (licence key), fetched once per page load. */
import { useEffect, useState } from 'react'
import type { ClientConfig } from '../../shared/api.ts'
import { getConfig } from '../api/client.ts'

let pending: Promise<ClientConfig | null> | null = null

function loadConfig(): Promise<ClientConfig | null> {
  pending ??= getConfig().then((result) => (result.ok ? result.value : null))
  return pending
}

/** Asks already (from the app's entry on a board link): the board waits for the answer to mount tldraw. */
export function prefetchClientConfig(): void {
  void loadConfig()
}

/** undefined while loading; null when the server could not be asked (offline). */
export function useClientConfig(): ClientConfig | null | undefined {
  const [config, setConfig] = useState<ClientConfig | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    void loadConfig().then((value) => {
      if (live) setConfig(value)
    })
    return () => {
      live = false
    }
  }, [])
  return config
}
