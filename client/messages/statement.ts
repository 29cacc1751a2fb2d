/**
 * The accessibility statement (/toegankelijkheid, issue 15) and the links to it and to the list
 * view. Its structure follows the Dutch government's model statement (toegankelijkheidsverklaring.nl):
 * what it covers, status per part, what does not work yet with its alternative, how we test, the
 * date of the last check, how to report a problem.
 */
export const nl = {
  'statement.title': 'Toegankelijkheidsverklaring',
  // The page's heading, with a soft hyphen: the word alone is wider than a 320 px screen.
  'statement.heading': 'Toegankelijkheids\u00ADverklaring',
  'statement.loading': 'Toegankelijkheidsverklaring laden…',
  'statement.intro':
    'Iedereen moet mee kunnen doen aan een sessie op Dialoogbord: met muis, toetsenbord of schermlezer, op een groot scherm of op een telefoon. Daarom bouwen we Dialoogbord volgens de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA. Dat is de norm die voor de Nederlandse overheid geldt (Besluit digitale toegankelijkheid overheid, via EN 301 549).',
  'statement.scope.heading': 'Waar deze verklaring over gaat',
  'statement.scope.body':
    'Deze verklaring gaat over de software Dialoogbord zoals die op deze website draait: de startpagina, het bord (canvas en lijstweergave) met zijn panelen en dialogen, en deze pagina. De organisatie die deze installatie beheert, is verantwoordelijk voor de officiële verklaring in het register op toegankelijkheidsverklaring.nl.',

  'statement.status.heading': 'Status per onderdeel',
  'statement.status.conforms': 'Voldoet aan WCAG 2.1 AA.',
  'statement.status.partial': 'Voldoet gedeeltelijk aan WCAG 2.1 AA.',
  'statement.status.list.heading': 'Lijstweergave van een bord',
  'statement.status.list.body':
    'Het bord als gewone webpagina: elk onderdeel is een kop, de kaarten staan eronder als lijst, in leesvolgorde (de tijdlijn van links naar rechts, zoals de momenten op het canvas liggen, met de duidingen onder hun moment). Alles wat een deelnemer in een sessie doet, kan hier, met alleen het toetsenbord, met een schermlezer en op een scherm van 320 pixels breed: kaarten lezen, toevoegen, bewerken, verplaatsen en verwijderen, de datum van een moment en de velden van een afspraak invullen, een duiding onder een moment zetten, stippen zetten als er gestemd wordt, conceptkaarten schrijven en onthullen, en je hand opsteken. Wijzigingen van anderen verschijnen direct en worden rustig aangekondigd.',
  'statement.status.list.facilitator':
    'De sessie leiden kan niet vanuit de lijstweergave: een stemronde openen en sluiten, een stille ronde starten en alle concepten onthullen, de rij opgestoken handen afwerken, de tijdklok en de stappen bedienen, en de instellingen en de geschiedenis. Die bediening van de facilitator staat op de pagina van het canvas, in de kopbalk en de panelen. Die zijn met alleen het toetsenbord te bedienen en worden net zo met axe getoetst (zie hieronder).',
  'statement.status.canvas.heading': 'Canvas van een bord',
  'statement.status.canvas.body':
    'Het canvas is een tekenvlak (tldraw) waarop je kaarten met de muis of met aanraken neerzet en verschuift. Een deel daarvan is niet toegankelijk; zie hieronder wat nog niet werkt.',
  'statement.status.canvas.alternative':
    'Alternatief: de lijstweergave. Die toont en bewerkt live hetzelfde bord. Op het canvas is "Naar de lijstweergave" het eerste waar je met Tab op komt, en "Lijstweergave" staat altijd in de kopbalk.',
  'statement.status.chrome.heading': 'Startpagina, kopbalk, panelen en dialogen',
  'statement.status.chrome.body':
    'Onze eigen bediening rond het canvas: de startpagina, de kopbalk van het bord, elk paneel (Stappen, Kaart, Stemmen, Oogst, Geschiedenis, Instellingen en de andere) en elke dialoog (delen, naam, import, tijdklok en de andere), en deze verklaring.',

  'statement.gaps.heading': 'Wat nog niet werkt, en het alternatief',
  'statement.gaps.intro': 'Deze punten gaan over het canvas. Voor elk ervan is de lijstweergave het alternatief.',
  'statement.gaps.source': 'De makers van tldraw beschrijven ze zelf in hun toegankelijkheidsonderzoek:',
  'statement.gaps.tree':
    'Het canvas is voor hulptechnologie grotendeels onzichtbaar. Met Tab ga je van kaart naar kaart en een gekozen kaart wordt voorgelezen, maar je kunt het canvas niet doorbladeren of teruglezen, en de indeling in onderdelen hoor je niet (WCAG 1.3.1 Info en relaties, 4.1.2 Naam, rol, waarde).',
  'statement.gaps.keyboard':
    'Een kaart op een bepaalde plek neerzetten, tekenen, pijlen trekken en het formaat van iets wijzigen kan alleen met muis of aanraken, niet met het toetsenbord (WCAG 2.1.1 Toetsenbord).',
  'statement.gaps.focus':
    'Een link in een kaart toont geen zichtbare focus (WCAG 2.4.7 Focus zichtbaar).',
  'statement.testing.contrast':
    'De toets slaat niets over, ook tldraws canvas niet. Alleen het contrast van tekst op het canvas kan axe niet beoordelen; die kleuren rekent een eigen test na: elke kaart-, tekst- en lijnkleur tegen elke achtergrond waarop hij staat.',
  'statement.fixed.heading': 'Wat we op het canvas al verbeterd hebben',
  'statement.fixed.colours':
    'Tekst op kaarten haalt ruim 4,5:1 contrast. tldraws tekst- en lijnkleuren die op het canvas te licht waren (zoals geel, oranje en de lichte kleuren: 1,9 tot 4,3:1) zijn net zo ver donkerder gemaakt dat ze 4,5:1 halen.',
  'statement.fixed.descriptions':
    'Een gekozen kaart wordt voorgelezen met zijn soort en inhoud, bijvoorbeeld "Moment, 12 maart 2024: …" of "Afspraak — wat: …, wie: …".',
  'statement.fixed.focus': 'Alle bediening van Dialoogbord zelf heeft een duidelijk zichtbare focus, en tldraws eigen invoervelden ook.',
  'statement.fixed.selection':
    'Tekst die je binnen tldraw selecteert, staat wit op een donkerder selectiekleur: 5,3:1 in plaats van 3,8:1.',

  'statement.testing.heading': 'Hoe we toetsen',
  'statement.testing.automated':
    'De testsuite van Dialoogbord toetst automatisch met axe-core tegen WCAG 2.1 A en AA: de startpagina, de kopbalk van het bord, elk paneel en elke dialoog, de Oogst, de lijstweergave, de beheerpagina en deze verklaring. Een ernstige of kritieke bevinding laat de test falen.',
  'statement.testing.keyboard':
    'Een andere test doorloopt een sessie in de lijstweergave met alleen het toetsenbord (een moment toevoegen, de datum zetten, een kaart verplaatsen, een afspraak invullen), terwijl een tweede browser op het canvas elke wijziging ziet.',
  'statement.testing.manual':
    'Automatische toetsen vinden niet alles. Ze zijn bedoeld om aangevuld te worden met een controle met de hand: alles met alleen het toetsenbord, met een schermlezer, en op een scherm van 320 pixels breed. Is die gedaan, dan staat dat hieronder, met de datum.',

  'statement.checked.heading': 'Datum van de laatste controle',
  // Which of the two: LAST_CHECK in client/pages/statement-facts.ts.
  'statement.checked.byHand': 'De laatste controle met de hand was op {date}.',
  'statement.checked.automatedOnly':
    'De laatste controle was op {date}: de automatische toetsen hierboven. Een controle met de hand (alleen toetsenbord, een schermlezer, 320 pixels breed) is nog niet gedaan.',

  'statement.report.heading': 'Een probleem melden',
  'statement.report.intro': 'Kun je iets niet gebruiken, of heb je de informatie in een andere vorm nodig? Laat het ons weten.',
  'statement.report.contact': 'Meld het bij de beheerder van deze installatie:',
  'statement.report.default':
    'Meld het bij de beheerder van deze installatie; dat is meestal de organisatie die je de link naar het bord heeft gegeven.',
  'statement.report.software': 'Gaat het om de software zelf, dan kan de beheerder het melden in de issuetracker van het project Dialoogbord.',
  'statement.report.loading': 'Contactgegevens laden…',

  // The ways in: the home page's footer, the board's help menu, the canvas's links to the list view.
  'statement.link': 'Toegankelijkheid',
  'statement.helpMenu': 'Toegankelijkheidsverklaring (nieuw tabblad)',
  'statement.listView': 'Lijstweergave',
  'statement.listViewHint': 'Het bord als lijst, te gebruiken met toetsenbord en schermlezer',
  'statement.skipToList': 'Naar de lijstweergave',
}

export const en: Record<keyof typeof nl, string> = {
  'statement.title': 'Accessibility statement',
  'statement.heading': 'Accessibility statement',
  'statement.loading': 'Loading the accessibility statement…',
  'statement.intro':
    'Everyone should be able to take part in a session on Dialoogbord: with a mouse, a keyboard or a screen reader, on a large screen or on a phone. That is why we build Dialoogbord to the Web Content Accessibility Guidelines (WCAG) 2.1, level AA: the standard for Dutch government bodies (Besluit digitale toegankelijkheid overheid, via EN 301 549).',
  'statement.scope.heading': 'What this statement covers',
  'statement.scope.body':
    'This statement covers the Dialoogbord software as it runs on this website: the home page, boards (canvas and list view) with their panels and dialogs, and this page. The organisation that runs this installation is responsible for the official statement in the register at toegankelijkheidsverklaring.nl.',

  'statement.status.heading': 'Status per part',
  'statement.status.conforms': 'Conforms to WCAG 2.1 AA.',
  'statement.status.partial': 'Partially conforms to WCAG 2.1 AA.',
  'statement.status.list.heading': 'A board’s list view',
  'statement.status.list.body':
    'The board as an ordinary web page: each part is a heading with its cards listed beneath it in reading order (the timeline left to right, as the moments lie on the canvas, with the interpretations beneath their moment). Everything a participant does in a session works here with only a keyboard, with a screen reader and on a screen 320 pixels wide: reading, adding, editing, moving and deleting cards, setting a moment’s date and an agreement’s fields, adding an interpretation beneath a moment, placing dots during a vote, writing concept cards and revealing them, and raising a hand. Other people’s changes appear at once and are announced quietly.',
  'statement.status.list.facilitator':
    'Running the session cannot be done from the list view: opening and closing a vote, starting a silent round and revealing all drafts, working through the queue of raised hands, the timer and the steps, and the settings and history. These facilitator controls are on the canvas page, in its header and panels. They work with only a keyboard and are checked with axe in the same way (see below).',
  'statement.status.canvas.heading': 'A board’s canvas',
  'statement.status.canvas.body':
    'The canvas is a drawing surface (tldraw) on which you place and move cards with a mouse or by touch. Part of it is not accessible; see below what does not work yet.',
  'statement.status.canvas.alternative':
    'Alternative: the list view. It shows and edits the same board, live. On the canvas, "Go to the list view" is the first thing the Tab key reaches, and "List view" is always in the header.',
  'statement.status.chrome.heading': 'Home page, header, panels and dialogs',
  'statement.status.chrome.body':
    'Our own controls around the canvas: the home page, the board’s header, every panel (Steps, Card, Vote, Harvest, History, Settings and the others) and every dialog (share, name, import, timer and the others), and this statement.',

  'statement.gaps.heading': 'What does not work yet, and the alternative',
  'statement.gaps.intro': 'These points concern the canvas. For each of them the list view is the alternative.',
  'statement.gaps.source': 'tldraw’s makers describe them in their own accessibility audit:',
  'statement.gaps.tree':
    'The canvas is largely invisible to assistive technology. Tab moves from card to card and the chosen card is read out, but you cannot browse or re-read the canvas, and its division into parts is not announced (WCAG 1.3.1 Info and relationships, 4.1.2 Name, role, value).',
  'statement.gaps.keyboard':
    'Placing a card at a particular spot, drawing, drawing arrows and resizing take a mouse or touch; they cannot be done with the keyboard (WCAG 2.1.1 Keyboard).',
  'statement.gaps.focus':
    'A link inside a card shows no visible focus (WCAG 2.4.7 Focus visible).',
  'statement.testing.contrast':
    'The check leaves nothing out, tldraw’s canvas included. Only the contrast of text on the canvas is beyond axe; a test of our own computes it instead: every card, text and line colour against every background it lies on.',
  'statement.fixed.heading': 'What we have already improved on the canvas',
  'statement.fixed.colours':
    'Text on cards has well over 4.5:1 contrast. tldraw’s text and line colours that were too light on the canvas (such as yellow, orange and the light colours: 1.9 to 4.3:1) are darkened just enough to reach 4.5:1.',
  'statement.fixed.descriptions':
    'A chosen card is read out with its kind and content, for example "Moment, 12 March 2024: …" or "Agreement — what: …, who: …".',
  'statement.fixed.focus': 'All of Dialoogbord’s own controls show a clearly visible focus, and so do tldraw’s own input fields.',
  'statement.fixed.selection':
    'Text you select inside tldraw is white on a darker selection colour: 5.3:1 instead of 3.8:1.',

  'statement.testing.heading': 'How we test',
  'statement.testing.automated':
    'Dialoogbord’s test suite checks automatically with axe-core against WCAG 2.1 A and AA: the home page, the board’s header, every panel and dialog, the Harvest, the list view, the admin page and this statement. A serious or critical finding fails the test.',
  'statement.testing.keyboard':
    'Another test goes through a session in the list view with only the keyboard (adding a moment, setting its date, moving a card, filling in an agreement) while a second browser on the canvas sees every change.',
  'statement.testing.manual':
    'Automated checks do not find everything. They are meant to be complemented by a check by hand: everything with only the keyboard, with a screen reader, and on a screen 320 pixels wide. Once that has been done, it is recorded below, with its date.',

  'statement.checked.heading': 'Date of the last check',
  'statement.checked.byHand': 'The last check by hand was on {date}.',
  'statement.checked.automatedOnly':
    'The last check was on {date}: the automated tests described above. A check by hand (keyboard only, a screen reader, 320 pixels wide) has not been done yet.',

  'statement.report.heading': 'Reporting a problem',
  'statement.report.intro': 'Is there something you cannot use, or do you need the information in another form? Let us know.',
  'statement.report.contact': 'Report it to the people who run this installation:',
  'statement.report.default':
    'Report it to the people who run this installation; usually that is the organisation that gave you the link to the board.',
  'statement.report.software': 'If it is about the software itself, they can report it in the issue tracker of the Dialoogbord project.',
  'statement.report.loading': 'Loading contact details…',

  'statement.link': 'Accessibility',
  'statement.helpMenu': 'Accessibility statement (new tab)',
  'statement.listView': 'List view',
  'statement.listViewHint': 'The board as a list, for keyboard and screen reader',
  'statement.skipToList': 'Go to the list view',
}
