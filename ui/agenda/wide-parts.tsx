import type { ComponentType, ReactNode } from 'react';
import { CheckIn, FeedbackBothWays } from './check-in-and-feedback';
import * as lazyParts from './lazy-parts';
import { ActionItemRow, NextSteps } from './next-steps';
import { NotesSection } from './notes-section';
import { DeepDiveTimer, SessionRating } from './session-extras';
import { RecapView, Wins } from './wins-and-recap';
import { ProgressGoals } from '../goals/progress-goals';

/** A part given in place of its lazy one, with the same props, so the agenda renders either the same way. */
const given = <P extends object>(lazyPart: ComponentType<P>, component: ComponentType<P>) =>
  [lazyPart as ComponentType<never>, component as ComponentType<never>] as const;

/**
 * The agenda's parts the wide tab opens at once (check-in and wins, progress, deep dive, feedback, next steps,
 * notes, rating, recap): imported here so they are in the wide tab's chunk instead of a dozen small scripts
 * fetched as the agenda renders (docs/pages.md). What opens later (a topic's detail, the conflict dialog,
 * the topic menu) stays on demand; the side panel still fetches each part when it opens.
 */
const wideParts = new Map([
  given(lazyParts.CheckIn, CheckIn),
  given(lazyParts.Wins, Wins),
  given(lazyParts.RecapView, RecapView),
  given(lazyParts.ProgressGoals, ProgressGoals),
  given(lazyParts.ActionItemRow, ActionItemRow),
  given(lazyParts.DeepDiveTimer, DeepDiveTimer),
  given(lazyParts.FeedbackBothWays, FeedbackBothWays),
  given(lazyParts.NextSteps, NextSteps),
  given(lazyParts.NotesSection, NotesSection),
  given(lazyParts.SessionRating, SessionRating),
]);

/** The agenda below renders the wide tab's parts from this chunk. */
export function WideAgendaParts({ children }: { children: ReactNode }) {
  return <lazyParts.GivenParts.Provider value={wideParts}>{children}</lazyParts.GivenParts.Provider>;
}
