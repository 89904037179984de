import type { Clock } from '../clock';
import type { Calendar } from '../ports/calendar';
import type { ChangeFeed } from '../ports/change-feed';
import type { Directory } from '../ports/directory';
import type { DocumentStore, PersonalDocumentStores } from '../ports/document-store';
import type { IdGenerator } from '../ports/id-generator';
import type { TaskMirror } from '../ports/task-mirror';

/** Everything the use-cases need from outside, injected once by the service's startup. */
export interface TandemDeps {
  readonly store: DocumentStore;
  readonly personalStores: PersonalDocumentStores;
  readonly calendar: Calendar;
  readonly directory: Directory;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly changes: ChangeFeed;
  /** Absent: action items are not mirrored anywhere. */
  readonly taskMirror?: TaskMirror;
}
