import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{client,server,shared,templates}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{server,client}/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        // The same integration files with every server on PostgreSQL (one private cluster for the run,
        // a fresh database per server: server/testing/test-engine.ts). Without file parallelism, vitest
        // runs its files and the SQLite project's in one sequential group: never two at once.
        test: {
          name: 'integration-pg',
          include: ['{server,client}/**/*.int.test.ts'],
          exclude: [
            'node_modules/**',
            // The storage contract and the migration already run on both engines; the buses, the
            // cross-process and cluster tests start PostgreSQL themselves.
            'server/storage/*.int.test.ts',
            'server/bus/**',
            'server/sync/cross-process.int.test.ts',
            'server/cluster.int.test.ts',
            // The Vite dev server's proxy and the static client files do not touch storage.
            'client/dev-server.int.test.ts',
            'server/http/static-client.int.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          fileParallelism: false,
          globalSetup: ['server/testing/postgres-global-setup.ts'],
          setupFiles: ['server/testing/postgres-engine-setup.ts'],
        },
      },
    ],
  },
})
