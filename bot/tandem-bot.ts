import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import type { ConversationReferences } from './conversation-references';
import { CardActions } from './handlers/card-actions';
import { Commands } from './handlers/commands';
import { ConversationCapture } from './handlers/conversation-capture';
import { MeetingEvents } from './handlers/meeting-events';
import { ChatAudience } from './handlers/refresh';
import type { HandlerDeps } from './handlers/turn';

export interface TandemBotDeps extends HandlerDeps {
  readonly refs: ConversationReferences;
}

/**
 * The Teams bot: personal chat and the meeting's group chat. It only dispatches: each concern is a handler
 * in handlers/, and every handler talks to the domain through the use-cases as the Tandem user the Teams
 * account maps to, so authorization stays in core.
 */
export class TandemBot extends TeamsActivityHandler {
  private readonly cardActions: CardActions;

  constructor(deps: TandemBotDeps) {
    super();
    const capture = new ConversationCapture(deps, deps.refs);
    const audience = new ChatAudience(deps.refs, deps.identities);
    const commands = new Commands(deps, audience);
    const meetings = new MeetingEvents(deps);
    this.cardActions = new CardActions(deps, audience);

    this.onTurn(async (context, next) => {
      await capture.onTurn(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await capture.onRemoved(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await commands.onMembersAdded(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await commands.onMessage(context);
      await next();
    });
    this.onTeamsMeetingStartEvent(async (_meeting, context, next) => {
      await meetings.onMeeting(context, 'started');
      await next();
    });
    this.onTeamsMeetingEndEvent(async (_meeting, context, next) => {
      await meetings.onMeeting(context, 'ended');
      await next();
    });
  }

  protected override onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return this.cardActions.onInvoke(context, value);
  }
}
