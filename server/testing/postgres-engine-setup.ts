/** Setup file of the `integration-pg` project: tells the test helpers (test-engine.ts) where the run's cluster is. */
import { inject } from 'vitest'
import { TEST_POSTGRES_ENV } from './test-engine.ts'

process.env[TEST_POSTGRES_ENV] = inject('postgresUrl')
