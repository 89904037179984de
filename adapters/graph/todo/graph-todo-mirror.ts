import type { TodoTask, TodoTaskList } from '@microsoft/microsoft-graph-types';
import { Documents } from '../../../core/concurrency/documents';
import type { ActionItem } from '../../../core/model/documents';
import type { DocumentStore } from '../../../core/ports/document-store';
import type { TaskMirror } from '../../../core/ports/task-mirror';
import type { GraphPrincipals } from '../client/graph-principals';

const LIST_NAME = 'Tandem 1:1s';

/** Where an owner's copies are: their Tandem list and a task per action item (by `pairId/itemId`). */
interface MirrorDocument {
  readonly schema: 1;
  listId?: string;
  tasks: Record<string, string>;
}

/**
 * Action items copied to their owner's Microsoft To Do, in a list of their own, with the owner's delegated
 * token (`Tasks.ReadWrite`): created on first change, updated (title, due date, completed) after.
 */
export class GraphTodoMirror implements TaskMirror {
  private readonly docs: Documents;

  constructor(
    private readonly principals: GraphPrincipals,
    store: DocumentStore,
  ) {
    this.docs = new Documents(store);
  }

  async upsert(ownerId: string, pairId: string, item: ActionItem): Promise<void> {
    const graph = this.principals.asUser(ownerId);
    const key = `graph/todo/${ownerId}`;
    const known = (await this.docs.read<MirrorDocument>(key))?.body;
    const listId = known?.listId ?? (await this.findOrCreateList(ownerId));
    const task: TodoTask = {
      title: item.text,
      status: item.status === 'open' ? 'notStarted' : 'completed',
      dueDateTime: { dateTime: `${item.due}T00:00:00`, timeZone: 'UTC' },
    };
    const taskId = known?.tasks[`${pairId}/${item.id}`];
    const tasks = `/me/todo/lists/${encodeURIComponent(listId)}/tasks`;
    if (item.status === 'dropped' && !taskId) return;
    if (taskId) {
      // A dropped item stays in the list as completed: To Do has no "dropped".
      await graph.json({ method: 'PATCH', path: `${tasks}/${encodeURIComponent(taskId)}`, body: task });
      return;
    }
    const created = await graph.json<TodoTask>({ method: 'POST', path: tasks, body: task });
    await this.docs.mutate<MirrorDocument, void>(key, (current) => {
      const doc = current ?? { schema: 1, tasks: {} };
      doc.listId = listId;
      doc.tasks[`${pairId}/${item.id}`] = created.id!;
      return { write: doc, result: undefined };
    });
  }

  private async findOrCreateList(ownerId: string): Promise<string> {
    const graph = this.principals.asUser(ownerId);
    const lists = await graph.all<TodoTaskList>('/me/todo/lists?$select=id,displayName');
    const existing = lists.find((l) => l.displayName === LIST_NAME);
    if (existing?.id) return existing.id;
    const created = await graph.json<TodoTaskList>({
      method: 'POST',
      path: '/me/todo/lists',
      body: { displayName: LIST_NAME },
    });
    return created.id!;
  }
}
