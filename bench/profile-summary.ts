/**
 * Where a CPU profile's time went, as text: the functions with the most self time and the most
 * inclusive time (ms), for a DevTools `.cpuprofile` such as `bench:browser-open --profile` writes.
 * Profile an unminified build to read the names: `npx vite build --minify false --outDir /tmp/c`
 * and `CLIENT_DIR=/tmp/c npm run bench:browser-open -- --profile DIR`.
 *
 *   node --import tsx bench/profile-summary.ts DIR/open-5000.cpuprofile [--top 40] [--match getGeometry]
 */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface FunctionTimes {
  name: string
  selfMs: number
  totalMs: number
}

/** Self and inclusive ms per function (by name, file and line); recursion counts once per sample. */
export function functionTimes(profile: CpuProfile): FunctionTimes[] {
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const sampled = new Map<number, number>()
  // A sample's time is the delta to the next sample (as DevTools counts it).
  profile.samples.forEach((id, index) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000))
  const times = new Map<string, FunctionTimes>()
  const entry = (name: string) => {
    let found = times.get(name)
    if (!found) times.set(name, (found = { name, selfMs: 0, totalMs: 0 }))
    return found
  }
  for (const [id, ms] of sampled) {
    entry(nameOf(byId.get(id)!)).selfMs += ms
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at)!)
      if (seen.has(name)) continue
      seen.add(name)
      entry(name).totalMs += ms
    }
  }
  return [...times.values()]
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame
  const file = url.split('/').pop()
  return file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '40' }, match: { type: 'string' } } })
  const file = positionals[0]
  if (!file) throw new Error('usage: bench/profile-summary.ts <file.cpuprofile> [--top N] [--match TEXT]')
  const times = functionTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile).filter((entry) => !values.match || entry.name.includes(values.match))
  const top = Number(values.top)
  const root = times.find((entry) => entry.name === '(root)')
  if (root) console.log(`${root.totalMs.toFixed(0)} ms sampled`)
  for (const [title, key] of [
    ['self', 'selfMs'],
    ['inclusive', 'totalMs'],
  ] as const) {
    console.log(`\n${title} ms`)
    for (const entry of [...times].sort((a, b) => b[key] - a[key]).slice(0, top)) console.log(`${entry[key].toFixed(1).padStart(9)}  ${entry.name}`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main()
