/** Strings for taking the board home: the board as PDF, the reports, the calendar file, import and export. */
export const nl = {
  'exports.heading': 'Meenemen',
  'exports.word': 'Verslag (Word)',
  'exports.pdf': 'Verslag (PDF)',
  'exports.markdown': 'Verslag (Markdown)',
  'exports.calendar': 'In agenda zetten',
  'exports.calendarNone': 'In agenda zetten kan zodra de vervolgafspraak op het bord een datum heeft.',
  'exports.boardPdf': 'Bord als PDF',
  'exports.menuPdf': 'Exporteer als PDF',
  'exports.boardPdfHint': 'Eén pagina per onderdeel, met de naam als titel.',
  'exports.busy': 'Bezig…',
  'exports.failed': 'Downloaden lukte niet: {message}',
  'exports.noFrames': 'Dit bord heeft geen onderdelen om als pagina’s te exporteren.',

  'exports.json.heading': 'Bord als bestand',
  'exports.json.intro': 'Download het hele bord als JSON-bestand. Daarmee begint iemand op de startpagina een nieuw bord met dezelfde inhoud.',
  'exports.json.download': 'Bord downloaden (JSON)',

  'exports.import.heading': 'Bord uit bestand',
  'exports.import.intro': 'Begin een nieuw bord met de inhoud van een eerder gedownload bord (JSON).',
  'exports.import.file': 'Bestand',
  'exports.import.submit': 'Bord inlezen',
  'exports.import.busy': 'Inlezen…',
  'exports.import.noFile': 'Kies eerst een bestand.',
  'exports.import.failed': 'Inlezen lukte niet: {message}',
}

export const en: Record<keyof typeof nl, string> = {
  'exports.heading': 'Take home',
  'exports.word': 'Report (Word)',
  'exports.pdf': 'Report (PDF)',
  'exports.markdown': 'Report (Markdown)',
  'exports.calendar': 'Add to calendar',
  'exports.calendarNone': 'Adding to a calendar works once the follow-up card on the board has a date.',
  'exports.boardPdf': 'Board as PDF',
  'exports.menuPdf': 'Export as PDF',
  'exports.boardPdfHint': 'One page per part, titled with its name.',
  'exports.busy': 'Working…',
  'exports.failed': 'The download failed: {message}',
  'exports.noFrames': 'This board has no parts to export as pages.',

  'exports.json.heading': 'Board as a file',
  'exports.json.intro': 'Download the whole board as a JSON file. On the home page, anyone can start a new board with the same content from it.',
  'exports.json.download': 'Download board (JSON)',

  'exports.import.heading': 'Board from a file',
  'exports.import.intro': 'Start a new board with the content of a board downloaded before (JSON).',
  'exports.import.file': 'File',
  'exports.import.submit': 'Import board',
  'exports.import.busy': 'Importing…',
  'exports.import.noFile': 'Choose a file first.',
  'exports.import.failed': 'The import failed: {message}',
}
