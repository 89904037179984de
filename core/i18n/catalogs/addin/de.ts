import type { AddinCatalog } from './en';

/** German for the Outlook add-in and its invite agenda: "du". */
export const addinDe: AddinCatalog = {
  'addin.outside.heading': 'Tandem für Outlook',
  'addin.outside.body':
    'Öffne Tandem aus einem Kalendertermin in Outlook, um die Agenda dieses 1:1 zu sehen und zu ergänzen.',
  'addin.outside.sandbox':
    'Tandem läuft lokal? Probiere das Add-in neben einem simulierten Termin aus: <link>die Outlook-Sandbox</link>.',
  'addin.host.what':
    '{op, select, subject {Lesen des Betreffs} start {Lesen der Anfangszeit} end {Lesen der Endzeit} organizer {Lesen des Organisators} attendees {Lesen der Teilnehmenden} body_get {Lesen des Einladungstexts} body_set {Ändern des Einladungstexts} body_prepend {Ergänzen des Einladungstexts} attachments_add {Anhängen der Agenda} attachments_get {Auflisten der Anhänge} attachments_remove {Ersetzen des früheren Agenda-Anhangs} save {Speichern der Einladung} itemId {Lesen der Einladung} other {Ausführen}}',
  'addin.host.failed': 'Outlook meldet einen Fehler beim {what}: {reason}',
  'addin.host.readOnly': 'Nur der Organisator kann das beim Bearbeiten der Einladung tun ({what}).',
  'addin.host.unsupported':
    'Diese Outlook-Version unterstützt das {what} nicht. Aktualisiere Outlook oder nutze Outlook im Web.',
  'addin.host.noItem': 'Öffne einen Kalendertermin, um die Agenda eures 1:1 zu sehen.',
  'addin.unreachable':
    'Tandem erreicht seinen Dienst nicht. Prüfe deine Verbindung, schließe Tandem und öffne es dann erneut.',
  'addin.reading': 'Einladung wird gelesen …',
  'addin.noSession': 'Zu diesem Zeitpunkt gibt es keinen Termin dieses 1:1. Öffne einen der nächsten Termine.',
  'addin.about': 'Zu dieser Einladung',
  'addin.invite': 'Einladung',
  'addin.attendeeHint': 'Deine Themen werden in Tandem gespeichert: Ihr seht sie beide hier und in Teams.',
  'addin.editHint': 'Öffne die Einladung zum Bearbeiten, um die Agenda einzufügen.',
  'addin.insert': 'Agenda in die Einladung einfügen',
  'addin.inserting': 'Wird eingefügt …',
  'addin.insert.unreadable': 'Die Agenda konnte nicht gelesen werden.',
  'addin.insert.noAttachments':
    '{how, select, replaced {Agenda in der Einladung aktualisiert} other {Agenda in die Einladung eingefügt}}. Diese Outlook-Version kann keine Dateien anhängen (Mailbox 1.8).',
  'addin.insert.attached':
    '{how, select, replaced {Agenda in der Einladung aktualisiert} other {Agenda in die Einladung eingefügt}} und als Datei angehängt. Sende die Aktualisierung, damit die andere Person sie erhält.',
  'addin.insert.notAttached':
    '{how, select, replaced {Agenda in der Einladung aktualisiert} other {Agenda in die Einladung eingefügt}}, aber nicht angehängt: {reason}',
  'addin.link.heading': 'Noch kein Tandem-1:1',
  'addin.link.attendee':
    'Dieser Termin ist kein Tandem-1:1. Die Person, die ihn organisiert, kann ihn hier zu einem machen.',
  'addin.link.needsTeams':
    'Tandem erkennt ein 1:1 an seiner Teams-Besprechung. Aktiviere „Teams-Besprechung“ für diesen Termin und öffne Tandem dann erneut.',
  'addin.link.finding': 'Deine Teammitglieder werden gesucht …',
  'addin.link.noReports':
    'Ein Tandem-1:1 findet zwischen einer Führungskraft und einem Teammitglied statt – und dir ist niemand unterstellt.',
  'addin.link.notInvited':
    'Keines deiner Teammitglieder ist zu diesem Termin eingeladen. Lade in Outlook die Person ein, mit der du dich triffst, und öffne Tandem dann erneut.',
  'addin.link.form': 'Diesen Termin zu einem Tandem-1:1 machen',
  'addin.link.intro':
    'Mach diesen Termin zu einem Tandem-1:1: mit Agenda, Notizen und nächsten Schritten, die ihr beide seht.',
  'addin.link.report': 'Dein Teammitglied',
  'addin.link.frequency': 'Wie oft ihr euch trefft',
  'addin.link.submit': 'Zum Tandem-1:1 machen',
  'addin.link.createAnyway': 'Trotzdem ein weiteres 1:1 anlegen',
  'addin.agenda.title': '1:1 mit {name}',
  'addin.agenda.topicsOf': 'Themen in {section}',
  'addin.agenda.raisedBy': 'eingebracht von {name}',
  'addin.agenda.discussed': 'Besprochen',
  'addin.agenda.open': 'Offen',
  'addin.agenda.empty':
    'Noch keine Themen. Trag ein, worüber du sprechen möchtest – ihr seht es beide hier und in Teams.',
  'addin.agenda.newTopic': 'Neues Thema',
  'addin.agenda.addTopic': 'Thema hinzufügen',
  'addin.agenda.placeholder': 'Thema eingeben…',
  'addin.agenda.typeFirst': 'Gib zuerst ein Thema ein.',
  'addin.agenda.loadFailed': 'Die Agenda konnte nicht geladen werden: {reason}',
  'addin.agenda.openInTeams': 'Vollständige Agenda in Teams öffnen',
  'addin.agenda.inTeams': 'Check-in, Notizen, Feedback und Bewertung findest du im Teams-Meeting.',
  'addin.occurrence.skipped': 'Dieser Termin des 1:1 fällt aus: Dafür gibt es keine Agenda.',
  'addin.occurrence.cancelled': 'Dieser Termin des 1:1 wurde abgesagt: Dafür gibt es keine Agenda.',
  'addin.occurrence.moved': 'In Tandem wurde dieser Termin auf {date} verschoben.',
  'addin.insert.otherDate':
    'Das Datum der Einladung passt nicht mehr zu dieser Agenda. Schließe Tandem und öffne es erneut, um die Agenda für das neue Datum zu sehen.',

  'invite.title': '1:1-Agenda: {manager} und {report}, {when}',
  'invite.fileTitle': '1:1-Agenda {manager} / {report}',
  'invite.noTopics': 'Noch keine Themen: Trag deine vor dem Termin ein.',
  'invite.openCommitments': 'Offene Zusagen',
  'invite.commitment': '{text} (fällig am {due})',
  'invite.openInTeams': 'Agenda in Teams öffnen',
};
