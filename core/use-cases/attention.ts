import { ValidationError } from '../errors';
import {
  attentionOf,
  PROMPT_HOURS,
  whyNoPrompt,
  type AttentionDocument,
  type AttentionSettings,
  type NoPromptReason,
} from '../model/attention';
import type { AgendaView } from '../model/agenda-view';
import { keys, type UserId, type UserIndexDocument } from '../model/documents';
import type { TandemDeps } from './deps';
import type { PairAccess } from './pair-access';
import type { SessionUseCases } from './sessions';

const BOOLEANS = ['prompt', 'skipWhenMyTopics', 'nudges'] as const;

/** Each person's own choice of what the bot interrupts them with. Nobody reads or sets another's. */
export class AttentionUseCases {
  constructor(
    private readonly deps: TandemDeps,
    private readonly access: PairAccess,
    private readonly sessions: SessionUseCases,
  ) {}

  async get(actor: UserId): Promise<AttentionSettings> {
    return attentionOf((await this.access.docs.read<AttentionDocument>(keys.attention(actor)))?.body.settings);
  }

  /** Changes only the settings given; the bot re-plans the person's reminders at once. */
  async update(actor: UserId, patch: Partial<Record<keyof AttentionSettings, unknown>>): Promise<AttentionSettings> {
    const known = new Set<string>([...BOOLEANS, 'promptHoursBefore']);
    for (const field of Object.keys(patch)) if (!known.has(field)) throw new ValidationError('is not a setting', field);
    for (const field of BOOLEANS) {
      if (patch[field] !== undefined && typeof patch[field] !== 'boolean')
        throw new ValidationError('must be true or false', field);
    }
    const hours = patch.promptHoursBefore;
    if (hours !== undefined && !(PROMPT_HOURS as readonly unknown[]).includes(hours))
      throw new ValidationError(`must be one of ${PROMPT_HOURS.join(', ')}`, 'promptHoursBefore');
    const at = this.deps.clock.now().toISOString();
    const settings = await this.access.docs.mutate<AttentionDocument, AttentionSettings>(
      keys.attention(actor),
      (current) => {
        const next = { ...attentionOf(current?.settings), ...(patch as Partial<AttentionSettings>) };
        return { write: { schema: 1, settings: next, updatedAt: at }, result: next };
      },
    );
    // The planner re-plans each of the person's 1:1s; the change is theirs alone.
    const index = await this.access.docs.read<UserIndexDocument>(keys.userIndex(actor));
    for (const pairId of index?.body.pairIds ?? [])
      this.access.publish({ pairId, kind: 'attention', by: actor, onlyFor: actor });
    return settings;
  }

  /** Several people's settings at once, for planning (a system task: ids in, settings out). */
  async ofPeople(userIds: readonly UserId[]): Promise<Map<UserId, AttentionSettings>> {
    const unique = [...new Set(userIds)];
    const settings = await Promise.all(unique.map((id) => this.get(id)));
    return new Map(unique.map((id, i) => [id, settings[i]!]));
  }

  /**
   * Whether the bot should ask this person for topics for this session now, read as they would see it: the
   * agenda to show, or why not (their choice, "nothing to add", their topics are already in).
   */
  async promptFor(
    actor: UserId,
    pairId: string,
    sessionId: string,
  ): Promise<{ readonly view: AgendaView; readonly skip?: NoPromptReason }> {
    const [settings, view] = await Promise.all([this.get(actor), this.sessions.sharedAgenda(actor, pairId, sessionId)]);
    const skip = whyNoPrompt(settings, view, actor);
    return skip ? { view, skip } : { view };
  }
}
