/** The server's refusals in the reader's language, one per stable code (shared/errors.ts). */
import type { ErrorCode } from '../../shared/errors.ts'

type ErrorMessages = Record<`error.${ErrorCode}`, string>

export const nl = {
  'error.admin_token_required': 'Op deze server mag alleen een beheerder borden maken: vul het beheerderstoken in.',
  'error.rate_limited': 'Te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.',
  'error.unsupported_media_type': 'Dit soort bestand of verzoek wordt niet geaccepteerd.',
  'error.too_many_records': 'Dit bord zou te groot worden: het maximale aantal kaarten en vormen is bereikt.',
  'error.body_too_large': 'Het verstuurde bestand is te groot.',
  'error.snapshot_quota': 'Dit bord heeft het maximale aantal of de maximale omvang aan momentopnamen bereikt. Er kan geen nieuwe meer bij.',
  'error.asset_quota': 'Dit bord heeft geen ruimte meer voor afbeeldingen. Haal ongebruikte afbeeldingen van het bord (ze worden na een uur opgeruimd) of vraag de beheerder om meer ruimte.',
  'error.bad_host': 'Deze server is niet bereikbaar onder dit adres. Gebruik de link die de facilitator heeft gedeeld.',
  'error.expiry_in_past': 'Kies een einddatum in de toekomst. Wil je de link nu beëindigen, maak dan een nieuwe link.',
} satisfies ErrorMessages

export const en: ErrorMessages = {
  'error.admin_token_required': 'Only an administrator may create boards on this server: enter the admin token.',
  'error.rate_limited': 'Too many requests in a row. Wait a moment and try again.',
  'error.unsupported_media_type': 'This kind of file or request is not accepted.',
  'error.too_many_records': 'This board would grow too large: the maximum number of cards and shapes has been reached.',
  'error.body_too_large': 'The file you sent is too large.',
  'error.snapshot_quota': 'This board has reached its maximum number or size of snapshots. No new one can be added.',
  'error.asset_quota': 'This board has no room left for images. Take unused images off the board (they are cleared after an hour) or ask the administrator for more space.',
  'error.bad_host': 'This server cannot be reached under this address. Use the link the facilitator shared.',
  'error.expiry_in_past': 'Pick an end date in the future. To end the link now, make a new link.',
}
