/**
 * The largest request body the API takes unless MAX_BODY_BYTES says otherwise (server/config.ts;
 * larger bodies get 413 body_too_large). The home page's "Bord uit bestand" checks a file against
 * it (or against the installation's MAX_BODY_BYTES from /api/config) before reading or sending it, so
 * a too-big file is refused at once instead of after an upload.
 */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024
