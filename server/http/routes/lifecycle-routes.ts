import { NotFoundError } from '../../../core/errors';
import { problem } from '../problem';
import { route } from '../route';
import * as s from '../schemas';
import { command, type ApiDeps } from './deps';

/** Embedded mode's directory, which a demo (or a test) can change as Entra ID would change. */
export interface ChangeableDirectory {
  setManager(id: string, managerId: string | undefined): void;
  remove(id: string): void;
}

/**
 * A 1:1's life around its sessions (docs/pair-lifecycle.md): archive and restore, delete with its data,
 * carry goals over to a new manager's 1:1, proposals, a person's data deleted on request, and the demo's
 * directory change.
 */
export function lifecycleRoutes(deps: ApiDeps & { readonly demoDirectory?: ChangeableDirectory }) {
  const uc = deps.useCases;
  return [
    route({
      method: 'post',
      path: '/api/pairs/:pairId/archive',
      summary: 'Archive a 1:1 (either person): read-only for both from now on, still readable, listed apart',
      tag: 'pairs',
      auth: 'user',
      success: 200,
      handle: async ({ caller, params }) => ({
        json: { archived: await uc.lifecycle.archive(caller.userId, params.pairId!) },
      }),
    }),
    command({
      method: 'post',
      path: '/api/pairs/:pairId/unarchive',
      summary: 'Restore a 1:1 either person archived (one the directory archived stays archived)',
      tag: 'pairs',
      run: (userId, p) => uc.lifecycle.unarchive(userId, p.pairId!),
    }),
    command({
      method: 'del',
      path: '/api/pairs/:pairId',
      summary: 'Delete a 1:1 (either person) with its sessions, notes and calendar series; the other person is told',
      tag: 'pairs',
      run: (userId, p) => uc.lifecycle.remove(userId, p.pairId!),
    }),
    route({
      method: 'post',
      path: '/api/pairs/:pairId/carry-over',
      summary: "The report carries chosen open goals of their archived 1:1 over to this one (their new manager's)",
      tag: 'pairs',
      auth: 'user',
      body: s.carryOverBody,
      success: 200,
      handle: async ({ caller, params, body }) => ({
        json: { goals: await uc.lifecycle.carryOver(caller.userId, params.pairId!, body.fromPairId, body.goalIds) },
      }),
    }),
    command({
      method: 'del',
      path: '/api/me/proposals/:fromPairId',
      summary: 'Put away a proposed new 1:1 (after a manager change)',
      tag: 'pairs',
      run: (userId, p) => uc.lifecycle.dismissProposal(userId, p.fromPairId!),
    }),
    route({
      method: 'del',
      path: '/api/people/:userId/data',
      summary: "Delete all of a person's Tandem data, on their own request: every 1:1 they are in, and their index",
      tag: 'pairs',
      auth: 'user',
      success: 200,
      handle: async ({ caller, params }) => ({
        json: { deletedPairIds: await uc.lifecycle.erasePerson(caller.userId, params.userId!) },
      }),
    }),
    route({
      method: 'post',
      path: '/api/demo/people/:userId',
      summary: 'Embedded mode only, from this machine only: change the demo directory (new manager, or left)',
      tag: 'service',
      auth: 'user',
      body: s.demoPersonBody,
      success: 200,
      handle: async (ctx) => {
        const directory = deps.demoDirectory;
        if (!directory || !deps.isLoopback(ctx)) throw problem(404, 'not-found', 'Not found');
        const { userId } = ctx.params as { userId: string };
        const { managerId, left } = ctx.body;
        const person = await uc.pairs.me(userId).catch((error: unknown) => {
          if (error instanceof NotFoundError)
            throw problem(404, 'not-found', 'Unknown demo user', {
              errors: [{ field: 'userId', reason: 'is not a demo user' }],
            });
          throw error;
        });
        if (managerId && !(await uc.pairs.me(managerId).catch(() => undefined)))
          throw problem(400, 'validation', 'Unknown demo user', {
            errors: [{ field: 'managerId', reason: 'is not a demo user' }],
          });
        if (left) directory.remove(person.user.id);
        else directory.setManager(person.user.id, managerId ?? undefined);
        // What the hourly reconciliation would find, found now so the demo shows it at once.
        return { json: { changes: await uc.lifecycle.reconcile() } };
      },
    }),
  ];
}
