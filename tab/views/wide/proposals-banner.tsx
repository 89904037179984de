import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { TandemApi } from '../../../ui/api/client';
import type { Me } from '../../../ui/api/types';
import { CarryOverPanel } from './carry-over-panel';
import { useT } from '../../../ui/i18n/intl';

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
  const { t } = useT();
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
                  ? t('proposals.manager', { name: p.report.displayName })
                  : t('proposals.report', { name: p.manager.displayName })}
              </MessageBarTitle>{' '}
              {isManager ? t('proposals.managerBody') : t('proposals.reportBody', { name: p.manager.displayName })}
            </MessageBarBody>
            <MessageBarActions>
              {isManager && (
                <Button appearance="primary" onClick={onStart}>
                  {t('proposals.start')}
                </Button>
              )}
              <Button onClick={() => void api.dismissProposal(p.fromPairId).then(onChanged)}>
                {t('proposals.dismiss')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        );
      })}
    </>
  );
}
