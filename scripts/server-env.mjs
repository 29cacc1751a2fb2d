// The environment the server runs in: `npm start` and the benchmarks start it with these glibc
// malloc settings (unless the environment already sets them), and README's "Deploying" asks a
// process manager to set them too. Big boards make the server and its read worker allocate
// buffers of tens of MB. With glibc's defaults such buffers land in per-thread arenas once the
// first of them was freed (the mmap threshold adapts upwards), and freed arena memory is rarely
// given back: the resident set then stays ~150 MiB above what the heaps hold after every big read
// of a 50k-card board (bench/big-board.ts). A fixed threshold keeps big buffers in their own
// mappings, returned on free; two arenas bound what worker threads keep.
export const MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' }

/** `env` with the malloc settings added where it does not set them itself. */
export function withMallocSettings(env = process.env) {
  return { ...MALLOC_ENV, ...env }
}
