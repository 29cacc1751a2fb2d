/**
 * Our own UI strings, Dutch first (the product is for the Dutch public sector), English second.
 * tldraw's own UI is translated by tldraw itself (its `nl` locale from @tldraw/assets).
 */
import { readStored, writeStored } from './storage/local.ts'

export const LANGUAGES = ['nl', 'en'] as const
export type Lang = (typeof LANGUAGES)[number]

const nl = {
  'app.name': 'Dialoogbord',
  'app.tagline': 'Een gezamenlijk whiteboard voor dialogen: reconstrueer een casus, vind de rode draden en maak afspraken.',
  'lang.label': 'Taal',
  'lang.nl': 'Nederlands',
  'lang.en': 'English',
  'lang.switchTo': 'Switch to English',

  'home.create.heading': 'Nieuw bord',
  'home.create.title': 'Titel van het bord',
  'home.create.titleHint': 'Bijvoorbeeld: Casus Noord, reconstructie',
  'home.create.template': 'Sjabloon',
  'home.create.templatesLoading': 'Sjablonen laden…',
  'home.create.anonymous': 'Anoniem bord',
  'home.create.anonymousHint': 'Deelnemers zien elkaars bijdragen, maar geen namen.',
  'home.create.adminToken': 'Beheerderstoken',
  'home.create.adminTokenHint': 'Op deze server mag alleen een beheerder borden maken.',
  'home.create.submit': 'Bord maken',
  'home.create.busy': 'Bord wordt gemaakt…',
  'home.create.failed': 'Het bord kon niet worden gemaakt: {message}',
  'home.create.titleRequired': 'Geef het bord een titel.',
  'home.recent.heading': 'Eerder geopend op dit apparaat',
  'home.recent.empty': 'Nog geen borden geopend op dit apparaat.',
  'home.recent.forget': 'Vergeten',
  'home.recent.forgetLabel': '“{title}” vergeten op dit apparaat',
  'home.recent.lastOpened': 'laatst geopend {date}',
  'home.recent.note': 'Deze lijst staat alleen in deze browser. “Vergeten” wist de link en de offline kopie van dit apparaat, niet het bord zelf.',

  'role.facilitator': 'Facilitator',
  'role.editor': 'Deelnemer',
  'role.viewer': 'Kijker',

  'invalid.title': 'Link ongeldig / bord niet gevonden',
  'invalid.body': 'Deze link werkt niet (meer): het bord bestaat niet, of de link is vervangen of verlopen. Vraag de facilitator om een nieuwe link.',
  'notFound.title': 'Pagina niet gevonden',
  'notFound.body': 'Op dit adres staat niets.',
  'common.toHome': 'Naar de startpagina',
  'common.close': 'Sluiten',
  'common.reload': 'Pagina herladen',
  'common.retry': 'Opnieuw proberen',

  'board.loading': 'Bord laden…',
  'board.waitingForServer': 'Verbinden met de server…',
  'board.waitingOfflineHint': 'Zonder verbinding opent een bord alleen als het eerder op dit apparaat geopend is.',
  'board.loadFailed': 'Het bord kon niet worden geladen: {message}',
  'board.offlineCopy': 'Geen verbinding met de server. Je werkt met de kopie op dit apparaat; wijzigingen worden verstuurd zodra de verbinding terug is.',
  'board.emptyDocument': 'Dit bord heeft geen inhoud gekregen van de server. Probeer het later opnieuw.',
  'board.schemaTooNew': 'Dit bord is opgeslagen door een nieuwere versie van Dialoogbord. Herlaad de pagina om verder te werken.',
  'board.closed': 'De verbinding is door de server gesloten: de link is ingetrokken of verlopen.',
  'board.readonly': 'Alleen lezen',
  'board.readonlyHint': 'Je kijkt mee; je kunt niets wijzigen.',
  'board.anonymous': 'Anoniem',
  'board.anonymousHint': 'Op dit bord worden geen namen getoond.',
  'board.home': 'Alle borden',

  'status.connected': 'Verbonden',
  'status.connecting': 'Opnieuw verbinden…',
  'status.firstConnect': 'Verbinden…',
  'status.offline': 'Offline',

  'share.button': 'Delen',
  'share.title': 'Bord delen',
  'share.intro': 'Wie een link heeft, heeft toegang met die rol. Deel een link zoals je een sleutel van een vergaderruimte deelt.',
  'share.editor': 'Deelnemers (kunnen bewerken)',
  'share.viewer': 'Kijkers (alleen lezen)',
  'share.facilitator': 'Facilitator (alles, ook instellingen)',
  'share.copy': 'Kopiëren',
  'share.copied': 'Gekopieerd',
  'share.copyFailed': 'Kopiëren lukte niet; selecteer de link en kopieer hem zelf.',
  'share.unknown': 'Deze link is niet bekend op dit apparaat. Alle links worden alleen getoond op het apparaat waarop het bord is gemaakt.',
  'share.onlyOwn': 'Je hebt zelf een link als {role}. Andere links krijg je van de facilitator.',

  'name.title': 'Hoe heet je?',
  'name.body': 'Anderen zien je naam bij je cursor. Je naam wordt niet op het bord opgeslagen.',
  'name.label': 'Naam',
  'name.submit': 'Doorgaan',
  'name.anonymous': 'Anoniem blijven',
} as const

export type MessageKey = keyof typeof nl

const en: Record<MessageKey, string> = {
  'app.name': 'Dialoogbord',
  'app.tagline': 'A shared whiteboard for dialogues: reconstruct a case, find the common threads and make agreements.',
  'lang.label': 'Language',
  'lang.nl': 'Nederlands',
  'lang.en': 'English',
  'lang.switchTo': 'Schakel naar Nederlands',

  'home.create.heading': 'New board',
  'home.create.title': 'Board title',
  'home.create.titleHint': 'For example: Case North, reconstruction',
  'home.create.template': 'Template',
  'home.create.templatesLoading': 'Loading templates…',
  'home.create.anonymous': 'Anonymous board',
  'home.create.anonymousHint': 'Participants see each other’s contributions, but no names.',
  'home.create.adminToken': 'Admin token',
  'home.create.adminTokenHint': 'On this server only an administrator may create boards.',
  'home.create.submit': 'Create board',
  'home.create.busy': 'Creating board…',
  'home.create.failed': 'The board could not be created: {message}',
  'home.create.titleRequired': 'Give the board a title.',
  'home.recent.heading': 'Opened before on this device',
  'home.recent.empty': 'No boards opened on this device yet.',
  'home.recent.forget': 'Forget',
  'home.recent.forgetLabel': 'Forget “{title}” on this device',
  'home.recent.lastOpened': 'last opened {date}',
  'home.recent.note': 'This list lives in this browser only. “Forget” removes the link and the offline copy from this device, not the board itself.',

  'role.facilitator': 'Facilitator',
  'role.editor': 'Participant',
  'role.viewer': 'Viewer',

  'invalid.title': 'Invalid link / board not found',
  'invalid.body': 'This link does not work (any more): the board does not exist, or the link was replaced or has expired. Ask the facilitator for a new link.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at this address.',
  'common.toHome': 'Go to the start page',
  'common.close': 'Close',
  'common.reload': 'Reload page',
  'common.retry': 'Try again',

  'board.loading': 'Loading board…',
  'board.waitingForServer': 'Connecting to the server…',
  'board.waitingOfflineHint': 'Without a connection a board only opens if it was opened on this device before.',
  'board.loadFailed': 'The board could not be loaded: {message}',
  'board.offlineCopy': 'No connection to the server. You are working on this device’s copy; changes are sent once the connection is back.',
  'board.emptyDocument': 'This board received no content from the server. Please try again later.',
  'board.schemaTooNew': 'This board was saved by a newer version of Dialoogbord. Reload the page to continue.',
  'board.closed': 'The server closed the connection: the link was revoked or has expired.',
  'board.readonly': 'Read only',
  'board.readonlyHint': 'You are watching; you cannot change anything.',
  'board.anonymous': 'Anonymous',
  'board.anonymousHint': 'No names are shown on this board.',
  'board.home': 'All boards',

  'status.connected': 'Connected',
  'status.connecting': 'Reconnecting…',
  'status.firstConnect': 'Connecting…',
  'status.offline': 'Offline',

  'share.button': 'Share',
  'share.title': 'Share board',
  'share.intro': 'Whoever has a link has access with that role. Share a link the way you would share a meeting room key.',
  'share.editor': 'Participants (can edit)',
  'share.viewer': 'Viewers (read only)',
  'share.facilitator': 'Facilitator (everything, including settings)',
  'share.copy': 'Copy',
  'share.copied': 'Copied',
  'share.copyFailed': 'Copying failed; select the link and copy it yourself.',
  'share.unknown': 'This link is not known on this device. All links are shown only on the device the board was created on.',
  'share.onlyOwn': 'You have a link as {role} yourself. Other links come from the facilitator.',

  'name.title': 'What is your name?',
  'name.body': 'Others see your name next to your cursor. Your name is not stored on the board.',
  'name.label': 'Name',
  'name.submit': 'Continue',
  'name.anonymous': 'Stay anonymous',
}

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { nl, en }

export type Translate = (key: MessageKey, vars?: Record<string, string>) => string

/** The message for `key` in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, vars: Record<string, string> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole)
}

const LANG_KEY = 'dialoogbord:lang'

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The remembered language; Dutch unless someone switched. */
export function loadLang(): Lang {
  return readStored(LANG_KEY, (value) => (isLang(value) ? value : null)) ?? 'nl'
}

export function saveLang(lang: Lang): void {
  writeStored(LANG_KEY, lang)
}

/** tldraw's locale id for our language (its Dutch translation is `nl`). */
export function tldrawLocale(lang: Lang): string {
  return lang
}

/** A date as people in `lang` write it, e.g. "3 mrt 2025, 14:05". */
export function formatDate(lang: Lang, iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
}
