export declare const MALLOC_ENV: Readonly<Record<'MALLOC_ARENA_MAX' | 'MALLOC_MMAP_THRESHOLD_', string>>
export declare function withMallocSettings(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv
