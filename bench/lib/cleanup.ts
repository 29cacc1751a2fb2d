/**
 * Everything the benchmark starts or creates is registered here, so that a crash, Ctrl-C or the
 * overall deadline still kills every child process and removes every temporary directory.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const children = new Set<ChildProcess>()
const tempDirs = new Set<string>()

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null

export function track(child: ChildProcess): ChildProcess {
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

/** How a child ended: its exit code, or the signal that killed it. */
export function exitStatus(child: ChildProcess): string {
  return child.signalCode !== null ? `killed by ${child.signalCode}` : `exit code ${child.exitCode}`
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (!isRunning(child)) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  tempDirs.add(dir)
  return dir
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  tempDirs.delete(dir)
}

/** Synchronous last resort (safe inside process.on('exit')): kill what is left, remove dirs. */
export function cleanupNow(): void {
  for (const child of children) if (isRunning(child)) child.kill('SIGKILL')
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  children.clear()
  tempDirs.clear()
}

/** Installs the exit, signal and deadline handlers; the deadline timer never keeps us alive. */
export function installCleanup(deadlineMs: number): void {
  process.on('exit', cleanupNow)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping`)
      cleanupNow()
      process.exit(130)
    })
  }
  setTimeout(() => {
    console.error(`benchmark exceeded its time budget of ${Math.round(deadlineMs / 1000)} s; aborting`)
    cleanupNow()
    process.exit(2)
  }, deadlineMs).unref()
}
