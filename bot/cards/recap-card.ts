import type { PersonRef } from '../../core/model/agenda-view';
import type { Recap } from '../../core/model/recap';
import { bullets, card, escapeText, heading, text, when, type AdaptiveCardJson } from './card';

/** Built from core's Recap, which holds shared data only: no private note can reach a recap card. */
export function recapCard(recap: Recap, people: { manager: PersonRef; report: PersonRef }): AdaptiveCardJson {
  const nameOf = (id: string) =>
    escapeText(
      id === people.manager.id ? people.manager.displayName : id === people.report.id ? people.report.displayName : id,
    );
  const body = [
    heading(`Recap: ${escapeText(people.manager.displayName)} / ${escapeText(people.report.displayName)} 1:1`),
    text(when(recap.heldOn), { isSubtle: true, spacing: 'None' }),
  ];
  const section = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    body.push(text(title, { weight: 'Bolder', spacing: 'Medium' }), bullets(lines));
  };
  section(
    'Discussed',
    recap.discussed.map((t) => escapeText(t.title)),
  );
  section(
    'Wins',
    recap.wins.map((w) => escapeText(w)),
  );
  const minutes = (seconds: number) => `${Math.max(1, Math.round(seconds / 60))} min`;
  section(
    'Time spent',
    recap.time.topics.map((t) => `${escapeText(t.title)}: ${minutes(t.seconds)}`),
  );
  if (recap.time.reportShare !== undefined) {
    body.push(
      text(`${Math.round(recap.time.reportShare * 100)}% of the time on ${nameOf(people.report.id)}'s topics`, {
        isSubtle: true,
        spacing: 'None',
      }),
    );
  }
  section(
    'Carried to next time',
    recap.carriedForward.map((t) => escapeText(t.title)),
  );
  section(
    'Notes',
    recap.sharedNotes.map((n) => escapeText(n)),
  );
  section(
    'Action items',
    recap.actionItems.map((a) => `${escapeText(a.text)}: ${nameOf(a.ownerId)}, due ${a.due}`),
  );
  if (recap.discussed.length + recap.sharedNotes.length + recap.actionItems.length === 0) {
    body.push(text('Nothing was recorded in this session.', { isSubtle: true }));
  }
  body.push(
    text(recap.nextSessionStart ? `Next session: ${when(recap.nextSessionStart)}` : 'No next session is scheduled.'),
  );
  return card(body);
}
