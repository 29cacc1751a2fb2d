// npm run build:server: the server as one ES module (dist/server/main.mjs) that plain `node` runs.
// Packages stay external (better-sqlite3 is native; the rest load from node_modules as usual), so
// the bundle is only our own code, compiled once instead of by tsx on every start: ~50 MiB less
// memory and no loader thread.
import { fileURLToPath } from 'node:url'

export const SERVER_BUNDLE = 'dist/server/main.mjs'

export async function buildServer(outfile = SERVER_BUNDLE) {
  // Imported here: a machine that only runs an existing build needs no build tools.
  const { build } = await import('esbuild')
  await build({
    entryPoints: ['server/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    logLevel: 'warning',
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer()
