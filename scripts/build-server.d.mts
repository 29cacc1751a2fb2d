/** Where `npm run build` puts the server bundle. */
export declare const SERVER_BUNDLE: string
/** Bundles server/main.ts into one ES module (default: SERVER_BUNDLE). */
export declare function buildServer(outfile?: string): Promise<void>
