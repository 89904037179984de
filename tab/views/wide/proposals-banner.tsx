import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { TandemApi } from '../../../ui/api/client';
import type { Me } from '../../../ui/api/types';
import { CarryOverPanel } from './carry-over-panel';

/**
 * A report moved to a new manager (docs/pair-lifecycle.md): the new manager is asked to start the 1:1, the
 * report is told what happens and that they choose what carries over.
 */
export function ProposalsBanner({
  api,
  me,
  onStart,
  onChanged,
}: {
  api: TandemApi;
  me: Me;
  onStart: () => void;
  onChanged: () => void;
}) {
  return (
    <>
      {me.proposals.map((p) => {
        const isManager = p.manager.id === me.user.id;
        // The new 1:1 exists: the report chooses what carries over into it.
        if (!isManager && p.newPairId)
          return (
            <CarryOverPanel
              key={p.fromPairId}
              api={api}
              proposal={{ ...p, newPairId: p.newPairId }}
              onDone={onChanged}
            />
          );
        return (
          <MessageBar key={p.fromPairId} intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {isManager
                  ? `${p.report.displayName} now reports to you.`
                  : `You now report to ${p.manager.displayName}.`}
              </MessageBarTitle>
              {isManager
                ? ' Start a 1:1 together. Their earlier 1:1 stays private to them and their former manager.'
                : ` Your earlier 1:1 is archived: you can still read it. Once ${p.manager.displayName} starts your new 1:1, you choose which goals carry over; nothing else is shared.`}
            </MessageBarBody>
            <MessageBarActions>
              {isManager && (
                <Button appearance="primary" onClick={onStart}>
                  Start the 1:1
                </Button>
              )}
              <Button onClick={() => void api.dismissProposal(p.fromPairId).then(onChanged)}>Dismiss</Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </>
  );
}
