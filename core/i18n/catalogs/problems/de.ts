import type { ProblemsCatalog } from './en';

/** German: what people read when the service refuses something. */
export const problemsDe: ProblemsCatalog = {
  'problem.code.session-ended': 'Dieser Termin ist schon vorbei. Zum nächsten hinzufügen?',
  'problem.code.session-not-started':
    'Dieser Termin hat noch nicht begonnen, daher kannst du ihn jetzt weder beenden noch wieder öffnen.',
  'problem.code.session-skipped': 'Dieser Termin wurde ausgelassen. Zum nächsten hinzufügen?',
  'problem.code.session-cancelled': 'Dieser Termin wurde im Kalender abgesagt. Zum nächsten hinzufügen?',
  'problem.code.reopen-expired':
    'Dieser Termin ist zu lange her, um ihn wieder zu öffnen. Nimm das Fehlende in den nächsten mit.',
  'problem.code.pair-archived': 'Dieses 1:1 ist archiviert: Du kannst es lesen, aber nicht mehr ändern.',
  'problem.code.duplicate-pair':
    'Du hast mit dieser Person schon ein 1:1. Das bestehende öffnen oder trotzdem ein weiteres anlegen?',
  'problem.code.not-invited': 'Diese Person ist zu diesem Termin nicht eingeladen. Wähl jemanden aus der Einladung.',
  'problem.code.title-too-long': 'Der Titel ist zu lang. Kürz ihn und schreib den Rest in die Details.',
  'problem.code.skip-not-undoable':
    'Outlook kann einen ausgelassenen Termin nicht zurückholen. Verschieb einen anderen oder leg in Outlook einen neuen an.',
  'problem.code.report-owns-plan':
    'Das ist der Entwicklungsplan deines Teammitglieds: Ändern kann ihn nur das Teammitglied selbst. Hinterlass einen Kommentar oder schlag einen neuen Punkt vor.',
  'problem.type.validation': 'Etwas an deiner Eingabe passt nicht. Prüf sie und versuch es noch einmal.',
  'problem.type.unauthenticated': 'Du bist abgemeldet. Melde dich erneut an, um weiterzumachen.',
  'problem.type.forbidden': 'Das kann nur die andere Person in diesem 1:1.',
  'problem.type.not-found': 'Das gibt es nicht mehr. Vielleicht wurde es gelöscht.',
  'problem.type.method-not-allowed': 'Das geht hier nicht.',
  'problem.type.conflict': 'Jemand hat das gleichzeitig geändert. Hier ist der neueste Stand; versuch es noch einmal.',
  'problem.type.too-large': 'Das ist zu lang zum Speichern. Kürz es und versuch es noch einmal.',
  'problem.type.unsupported-media-type': 'Das ließ sich nicht senden. Lade Tandem neu und versuch es noch einmal.',
  'problem.type.busy': 'Tandem ist gerade ausgelastet. Versuch es gleich noch einmal.',
  'problem.type.graph-unavailable': 'Microsoft 365 antwortet gerade nicht. Versuch es gleich noch einmal.',
  'problem.type.graph-error':
    'Microsoft 365 hat das abgelehnt. Versuch es noch einmal oder wende dich an deine Admins, wenn es wieder passiert.',
  'problem.type.internal': 'Bei uns ist etwas schiefgegangen. Versuch es gleich noch einmal.',
  'problem.type.sign-in-unavailable': 'Die Anmeldung ist gerade nicht verfügbar. Versuch es gleich noch einmal.',
  'problem.type.rate-limited': 'Das war viel auf einmal. Warte kurz und versuch es dann noch einmal.',
  'problem.type.too-many-streams': 'Tandem ist an zu vielen Stellen geöffnet. Schließ ein paar Tabs und lade neu.',
  'problem.type.foreign-host': 'Öffne Tandem über seine eigene Adresse, um weiterzumachen.',
  'problem.fallback': 'Das hat nicht geklappt. Versuch es gleich noch einmal.',
  'problem.unreachable': 'Tandem ist nicht erreichbar. Prüf deine Verbindung und versuch es noch einmal.',
};
