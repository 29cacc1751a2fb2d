/**
 * Global setup of the `integration-pg` project: ONE private PostgreSQL cluster for the whole run
 * (a cluster per file would cost seconds each), handed to the test processes through `provide`.
 */
import type { TestProject } from 'vitest/node'
import { startPostgres } from './postgres-cluster.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres()
  project.provide('postgresUrl', cluster.url)
  return () => cluster.stop()
}
