import type { PersonRef } from '../../core/model/agenda-view';
import type { Translator } from '../../core/i18n/messages';
import type { Recap } from '../../core/model/recap';
import { formatDay } from '../i18n';
import { card, line, run, text, title, when, type AdaptiveCardJson, type CardElement } from './card';

export interface RecapPeople {
  readonly manager: PersonRef;
  readonly report: PersonRef;
}

/**
 * Built from core's Recap, which holds shared data only: no private note can reach a recap card. With a
 * viewer it is that person's own recap (their action items first, under "yours"); without one it is the
 * meeting chat's shared version, written from neither side.
 */
export function recapCard(recap: Recap, people: RecapPeople, t: Translator, viewerId?: string): AdaptiveCardJson {
  const nameOf = (id: string) =>
    id === people.manager.id ? people.manager.displayName : id === people.report.id ? people.report.displayName : id;
  const viewer = viewerId === people.manager.id || viewerId === people.report.id ? viewerId : undefined;
  const other = viewer === people.manager.id ? people.report : people.manager;
  const body: CardElement[] = [
    title(
      viewer
        ? t.t('card.recap.yourHeading', { name: other.displayName })
        : t.t('card.recap.heading', { manager: people.manager.displayName, report: people.report.displayName }),
    ),
    text(when(recap.heldOn), { isSubtle: true, spacing: 'None' }),
  ];
  const section = (heading: string, lines: CardElement[]) => {
    if (lines.length === 0) return;
    body.push(text(heading, { weight: 'Bolder', spacing: 'Medium' }), ...lines);
  };
  const bullet = (value: string, extra?: string) => line(['• ', run(value), ...(extra ? [` (${extra})`] : [])]);
  section(
    t.t('card.recap.discussed'),
    recap.discussed.map((topic) => bullet(topic.title)),
  );
  section(
    t.t('card.recap.wins'),
    recap.wins.map((w) => bullet(w)),
  );
  section(
    t.t('card.recap.time'),
    recap.time.topics.map((topic) =>
      bullet(topic.title, t.t('card.recap.minutes', { minutes: Math.max(1, Math.round(topic.seconds / 60)) })),
    ),
  );
  if (recap.time.reportShare !== undefined) {
    body.push(
      text(
        t.t('card.recap.reportShare', {
          percent: Math.round(recap.time.reportShare * 100),
          name: people.report.displayName,
        }),
        { isSubtle: true, spacing: 'None' },
      ),
    );
  }
  section(
    t.t('card.recap.carried'),
    recap.carriedForward.map((topic) => bullet(topic.title)),
  );
  section(
    t.t('card.recap.goalsMoved'),
    (recap.goalsMoved ?? []).flatMap((g) =>
      g.milestones.map((m) =>
        line([
          '• ',
          ...t
            .t(m.done ? 'card.recap.milestoneDone' : 'card.recap.milestoneChanged', {
              goal: '\uE000g',
              milestone: '\uE000m',
            })
            .split(/(\uE000[gm])/)
            .filter((part) => part !== '')
            .map((part) => (part === '\uE000g' ? run(g.title) : part === '\uE000m' ? run(m.title) : part)),
        ]),
      ),
    ),
  );
  section(
    t.t('card.recap.notes'),
    recap.sharedNotes.map((n) => bullet(n)),
  );
  const due = (day: string) => formatDay(t, day);
  if (viewer) {
    const mine = recap.actionItems.filter((a) => a.ownerId === viewer);
    const theirs = recap.actionItems.filter((a) => a.ownerId !== viewer);
    section(
      t.t('card.recap.yourActions', { count: mine.length }),
      mine.map((a) => bullet(a.text, t.t('card.recap.actionDue', { due: due(a.due) }))),
    );
    section(
      t.t('card.recap.theirActions', { count: theirs.length, name: other.displayName }),
      theirs.map((a) => bullet(a.text, t.t('card.recap.actionDue', { due: due(a.due) }))),
    );
  } else {
    section(
      t.t('card.recap.actions'),
      recap.actionItems.map((a) =>
        bullet(a.text, t.t('card.recap.actionOwner', { owner: nameOf(a.ownerId), due: due(a.due) })),
      ),
    );
  }
  if (recap.discussed.length + recap.sharedNotes.length + recap.actionItems.length === 0) {
    body.push(text(t.t('card.recap.empty'), { isSubtle: true }));
  }
  body.push(
    text(
      recap.nextSessionStart
        ? t.t('card.recap.next', { when: when(recap.nextSessionStart) })
        : t.t('card.recap.noNext'),
    ),
  );
  return card(body);
}
