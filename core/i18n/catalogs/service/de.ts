import type { ServiceCatalog } from './en';

/** German for the bot and the service: "du", as in the rest of Tandem. */
export const serviceDe: ServiceCatalog = {
  'bot.word.help': 'hilfe',
  'bot.word.agenda': 'agenda',
  'bot.word.add': 'thema',
  'bot.word.actions': 'aufgaben',
  'bot.help':
    'Ich helfe dir, deine 1:1s vorzubereiten und im Blick zu behalten, was dabei herauskommt.\r- **{agenda}**: die Agenda deines nächsten 1:1\r- **{add}** *Thema*: ein Thema für dein nächstes 1:1 vormerken\r- **{actions}**: deine offenen Aufgaben\r- **{settings}**: woran ich dich erinnere und wann\r- **{help}**: diese Übersicht\rVor jedem 1:1 frage ich dich nach Themen, danach schicke ich die Zusammenfassung, und am Tag bevor eine Aufgabe fällig ist, erinnere ich die verantwortliche Person.',
  'bot.unknownUser':
    'Ich kenne dich in Tandem noch nicht. Bitte deine Administration, dich hinzuzufügen (eingebetteter Modus: TANDEM_BOT_IDENTITIES ordnet Teams-IDs den Demo-Benutzern zu).',
  'bot.notUnderstood':
    'Das habe ich nicht verstanden. Versuch es mit **{agenda}**, **{add}** *dein Thema*, **{actions}** oder **{help}**.',
  'bot.hello': 'Hallo! Schreib **{help}**, um zu sehen, was ich kann.',
  'bot.noUpcoming': 'Du hast kein anstehendes 1:1.',
  'bot.addWhat': 'Welches Thema? Versuch es mit **{add}** *dein Thema*.',
  'bot.noUpcomingToAdd': 'Du hast kein anstehendes 1:1, dem ich das Thema hinzufügen könnte.',
  'bot.couldNotAdd': 'Das konnte ich nicht hinzufügen: {reason}.',
  'bot.added': '„{title}“ ist für dein 1:1 mit {name} vorgemerkt.',
  'bot.openActions':
    '{count, plural, =0 {Du hast keine offenen Aufgaben.} one {Deine offene Aufgabe:} other {Deine # offenen Aufgaben:}}',
  'bot.openAction': '- {text} (fällig am {due}, mit {name})',
  'bot.unknownAction': 'Diese Aktion kenne ich nicht.',
  'bot.failed': 'Das hat nicht geklappt: {reason}.',
  'bot.typeTopicFirst': 'Gib zuerst ein Thema ein.',
  'bot.topicAdded': 'Vorgemerkt: {title}',
  'bot.nothingNoted': 'Alles klar: Diesmal hast du nichts.',
  'bot.markedDone': 'Als erledigt markiert.',
  'bot.changedMeanwhile': 'Inzwischen hat sich etwas geändert – so sieht es jetzt aus.',
  'bot.moved': 'Verschoben auf {due}.',
  'bot.summary.prompt': 'Themen für dein nächstes 1:1?',
  'bot.summary.recap': 'Zusammenfassung deines 1:1',
  'bot.summary.nudge': 'Eine Aufgabe ist morgen fällig',

  // People's attention: prompts and nudges each person chooses (bot card and tab)
  'bot.word.settings': 'einstellungen',
  'bot.settingsInPersonal':
    'Deine Erinnerungen gehören nur dir: Schreib **{settings}** in deinem persönlichen Chat mit mir.',
  'bot.summary.settings': 'Deine Erinnerungen',

  'card.agenda.heading': 'Dein 1:1 mit {name}',
  'card.agenda.chatHeading': '1:1 von {manager} und {report}',
  'card.agenda.count': '{count, plural, =0 {Noch keine Themen} one {# Thema} other {# Themen}}',
  'card.agenda.yours': 'deins',
  'card.agenda.carried': 'vom letzten Mal',
  'card.agenda.nothingSaid': 'Du hast gesagt, dass du diesmal nichts hast. Du kannst trotzdem ein Thema eintragen.',
  'card.agenda.topicLabel': 'Thema hinzufügen',
  'card.agenda.topicPlaceholder': 'Worüber möchtest du sprechen?',
  'card.agenda.add': 'Thema hinzufügen',
  'card.agenda.nothingFromMe': 'Diesmal nichts von mir',
  'card.recap.heading': 'Zusammenfassung: 1:1 {manager} / {report}',
  'card.recap.yourHeading': 'Zusammenfassung deines 1:1 mit {name}',
  'card.recap.discussed': 'Besprochen',
  'card.recap.wins': 'Erfolge',
  'card.recap.time': 'Zeit pro Thema',
  'card.recap.minutes': '{minutes} Min.',
  'card.recap.reportShare': '{percent} % der Zeit gingen an Themen von {name}',
  'card.recap.carried': 'Aufs nächste Mal verschoben',
  'card.recap.notes': 'Notizen',
  'card.recap.actions': 'Aufgaben',
  'card.recap.yourActions': '{count, plural, one {Deine Aufgabe} other {Deine # Aufgaben}}',
  'card.recap.theirActions': '{count, plural, one {Aufgabe für {name}} other {# Aufgaben für {name}}}',
  'card.recap.actionOwner': '{owner}, fällig am {due}',
  'card.recap.actionDue': 'fällig am {due}',
  'card.recap.empty': 'In diesem Termin wurde nichts festgehalten.',
  'card.recap.next': 'Nächster Termin: {when}',
  'card.recap.noNext': 'Es ist noch kein nächster Termin geplant.',
  'card.nudge.heading': 'Fällig am {due}',
  'card.nudge.doneHeading': 'Erledigt',
  'card.nudge.droppedHeading': 'Verworfen',
  'card.nudge.refresh': 'Aktualisieren',
  'card.nudge.from': 'Aus deinem 1:1 mit {name}; fällig am {due}',
  'card.nudge.newDue': 'Neues Fälligkeitsdatum',
  'card.nudge.done': 'Erledigt',
  'card.nudge.move': 'Datum verschieben',
  'card.notice.deleted.title': 'Ein 1:1 wurde gelöscht',
  'card.notice.archived.title': 'Dein 1:1 ist archiviert',
  'card.notice.deleted.line':
    '{name} hat euer 1:1 gelöscht: Agenda, gemeinsame Notizen und die Terminserie gibt es nicht mehr.',
  'card.notice.managerChanged.line':
    '{name} berichtet jetzt an jemand anderen, daher ist euer 1:1 archiviert: Du kannst es weiter lesen, aber nicht mehr ändern.',
  'card.notice.left.line':
    '{name} hat das Unternehmen verlassen, daher ist euer 1:1 archiviert. Du kannst es ein Jahr lang lesen; exportiere es aus Tandem, wenn du es länger behalten möchtest.',
  'card.notice.managerChanged.reportLine':
    'Deine Führungskraft hat gewechselt, daher ist dein 1:1 mit {name} archiviert: Du kannst es weiter lesen, aber nicht mehr ändern.',
  'card.proposal.summary': 'Ein neues 1:1 ist vorgeschlagen',
  'card.proposal.manager.title': '{name} berichtet jetzt an dich',
  'card.proposal.manager.line':
    'Öffne Tandem, um euer 1:1 zu beginnen. Das bisherige 1:1 bleibt zwischen {name} und der früheren Führungskraft, außer {name} teilt es mit dir.',
  'card.proposal.report.title': 'Du berichtest jetzt an {name}',
  'card.proposal.report.line':
    'Dein 1:1 mit {old} ist archiviert: Du kannst es weiter lesen, aber nicht mehr ändern. Sobald dein neues 1:1 mit {name} beginnt, wählst du in Tandem aus, welche Ziele mitgehen und ob {name} dein bisheriges 1:1 lesen darf.',

  'export.title': '1:1 {manager} und {report}',
  'export.exported': 'Exportiert am {at} von {name}. Die privaten Notizen in dieser Datei sind die von {name}.',
  'export.goals': 'Ziele und Entwicklung',
  'export.none': 'Noch keine.',
  'export.competency': 'Kompetenz: {value}',
  'export.format':
    'Format: {value, select, assignment {Aufgabe im Job} training {Schulung} shadowing {Hospitation} cross_team {teamübergreifendes Projekt} other {Mentoring}}',
  'export.due': 'fällig am {due}',
  'export.actions': 'Aufgaben',
  'export.goalState':
    '{kind, select, development {Entwicklung} other {Ziel}}, {status, select, achieved {erreicht} dropped {verworfen} other {aktiv}}',
  'export.actionLine': '{owner}, fällig am {due}, {status, select, done {erledigt} dropped {verworfen} other {offen}}',
  'export.sessions': 'Termine',
  'export.status':
    '{status, select, held {stattgefunden} in_progress {läuft} skipped {ausgelassen} cancelled {abgesagt} other {geplant}}',
  'export.checkIn': 'Check-in {name}: Stimmung {mood}/5',
  'export.topics': 'Themen',
  'export.carriedForward': 'verschoben',
  'export.sharedNotes': 'Gemeinsame Notizen',
  'export.feedback': 'Feedback',
  'export.feedbackLine': '{from} an {to}',
  'export.privateNotes': 'Meine privaten Notizen',
  'export.rating': 'Meine Bewertung: {rating}/5',
};
