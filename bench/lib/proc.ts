/** Reads a process's CPU time and memory from Linux /proc, and samples its resident set. */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'

let ticksPerSecond: number | null = null

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

/** User + system CPU time of a process (not its children), in ms; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces; the fields after it start past the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const utime = Number(fields[11])
    const stime = Number(fields[12])
    return ((utime + stime) * 1000) / clockTicks()
  } catch {
    return null
  }
}

/** CPU time all cores spent busy (not idle or waiting for I/O) since boot, in ms; null off Linux. */
export function systemBusyMs(): number | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
    const [user, nice, system, _idle, _iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number)
    return (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) / clockTicks()
  } catch {
    return null
  }
}

/** A `/proc/<pid>/status` memory field (VmRSS, VmHWM, …) in bytes; null when unavailable. */
export function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
    return match ? Number(match[1]) * 1024 : null
  } catch {
    return null
  }
}

/** CPU used between two readings, as a percentage of one core. */
export function cpuPercent(startMs: number, endMs: number, wallMs: number): number {
  return wallMs > 0 ? ((endMs - startMs) / wallMs) * 100 : Number.NaN
}

/**
 * Samples VmRSS every `everyMs` and remembers the peak (VmHWM is read too when available). With
 * `windowed`, the kernel's VmHWM is reset first (clear_refs 5), so a step measured after a bigger
 * one reports its own peak instead of the process's lifetime high.
 */
export class RssSampler {
  private peak = 0
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly pid: number,
    everyMs = 200,
    windowed = false,
  ) {
    if (windowed) {
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5')
      } catch {
        // Not Linux, or not allowed: the lifetime VmHWM then bounds the peak from above.
      }
    }
    this.timer = setInterval(() => this.sample(), everyMs)
    this.timer.unref()
    this.sample()
  }

  private sample(): void {
    const rss = statusBytes(this.pid, 'VmRSS')
    if (rss !== null && rss > this.peak) this.peak = rss
  }

  /** Stops sampling; the peak in bytes (the larger of the sampled peak and VmHWM). */
  stop(): number {
    this.sample()
    clearInterval(this.timer)
    return Math.max(this.peak, statusBytes(this.pid, 'VmHWM') ?? 0)
  }
}
