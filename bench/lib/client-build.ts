import { execFileSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'

/**
 * The built client the browser benches serve: CLIENT_DIR when set, else dist/client, built first
 * with `vite build` unless `noBuild` (the bench's --no-build) says it is already there.
 */
export function benchClientDir(noBuild: boolean): string {
  const given = process.env.CLIENT_DIR
  if (given) return given
  if (!noBuild) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' })
  return path.resolve('dist/client')
}

/** Browser timings grow with the machine's load; the benches print it so a reader can judge. */
export function printLoad(): void {
  const [load] = loadavg()
  console.log(`load average at start: ${load!.toFixed(1)} on ${cpus().length} cores (times grow with it; the byte counts do not)`)
}
