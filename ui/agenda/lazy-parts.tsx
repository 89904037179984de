import { createContext, lazy, Suspense, useContext, type ComponentType, type JSX } from 'react';
import type { EditConflict } from './conflict-dialog';
import { LoadingSpinner } from '../forms/loading-spinner';

/**
 * Parts a page already holds, by the lazy part they stand for (`wide-parts.tsx`): rendered in place of the
 * lazy ones, so a page that always shows them has them in its own chunk instead of a script per part.
 */
export const GivenParts = createContext<ReadonlyMap<ComponentType<never>, ComponentType<never>>>(new Map());

/**
 * The agenda's parts that are not on screen when it first shows (docs/pages.md): each is fetched the first
 * time it renders, in its own chunk, so the side panel's first script holds only the topics. Each part has
 * its own Suspense boundary: a section opening shows a small spinner in place, never the whole page's.
 */
function part<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  // Typed as the part it renders: React 18's types give a lazy component PropsWithRef<P>, which a
  // generic P does not resolve to.
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>;
  function Part(props: P) {
    const Given = useContext(GivenParts).get(Part as ComponentType<never>) as ComponentType<P> | undefined;
    if (Given) return <Given {...(props as P & JSX.IntrinsicAttributes)} />;
    return (
      <Suspense fallback={<LoadingSpinner size="tiny" />}>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  }
  return Part;
}

export const CheckIn = part(() => import('./check-in-and-feedback').then((m) => m.CheckIn));
export const FeedbackBothWays = part(() => import('./check-in-and-feedback').then((m) => m.FeedbackBothWays));
export const NextSteps = part(() => import('./next-steps').then((m) => m.NextSteps));
export const ActionItemRow = part(() => import('./next-steps').then((m) => m.ActionItemRow));
export const NotesSection = part(() => import('./notes-section').then((m) => m.NotesSection));
export const DeepDiveTimer = part(() => import('./session-extras').then((m) => m.DeepDiveTimer));
export const SessionRating = part(() => import('./session-extras').then((m) => m.SessionRating));
export const TopicDetail = part(() => import('./topic-detail').then((m) => m.TopicDetail));
export const RecapView = part(() => import('./wins-and-recap').then((m) => m.RecapView));
export const Wins = part(() => import('./wins-and-recap').then((m) => m.Wins));
export const ProgressGoals = part(() => import('../goals/progress-goals').then((m) => m.ProgressGoals));

const LazyConflictDialog = part(() => import('./conflict-dialog').then((m) => m.ConflictDialog));

/** The dialog for an edit that crossed someone else's: fetched only when there is such a conflict. */
export function ConflictDialog({ conflict }: { conflict: EditConflict | undefined }) {
  return conflict ? <LazyConflictDialog conflict={conflict} /> : null;
}
