import { findChatId, findJoinUrl } from '../logic/teams-link';
import type { AppointmentLike, AsyncResultLike, AttachmentLike, Callback, Getter, OfficeLike } from './office-types';

/**
 * The only module that touches Office.js: callbacks become promises, `AsyncResultStatus.Failed` and missing
 * requirement sets become a typed `HostError` with a message a person can act on. Views and hooks use this.
 */
export type HostErrorCode = 'failed' | 'unsupported' | 'read-only' | 'no-item';

export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    readonly operation: string,
    message: string,
    /** Outlook's own reason for a failed call, as Outlook gave it. */
    readonly reason = '',
  ) {
    super(message);
  }
}

export type ItemMode = 'compose' | 'read';
export type ItemRole = 'organizer' | 'attendee';

export interface AppointmentInfo {
  readonly mode: ItemMode;
  readonly role: ItemRole;
  readonly subject: string;
  /** The occurrence's current start and end, ISO 8601 UTC. */
  readonly start: string;
  readonly end: string;
  readonly chatId?: string;
  readonly joinUrl?: string;
  /** REST-format ids (desktop gives EWS ones); per mailbox, so never a key on their own. */
  readonly itemId?: string;
  readonly seriesId?: string;
  readonly userEmail: string;
  /** Addresses of the people invited (required and optional), when Outlook tells them. */
  readonly attendees?: readonly string[];
}

/** Requirement sets per operation (Mailbox API), checked before calling so an old host gets a clear message. */
const REQUIRES: Record<string, string> = {
  'body.set': '1.3',
  'body.prepend': '1.1',
  'attachments.add': '1.8',
  'attachments.get': '1.8',
  save: '1.3',
  seriesId: '1.7',
  itemId: '1.8',
};

const WHAT: Record<string, string> = {
  subject: 'read the subject',
  start: 'read the start time',
  end: 'read the end time',
  organizer: 'read the organizer',
  attendees: 'read the attendees',
  'body.get': 'read the invite body',
  'body.set': 'update the invite body',
  'body.prepend': 'add to the invite body',
  'attachments.add': 'attach the agenda',
  'attachments.get': 'list the attachments',
  'attachments.remove': 'replace the earlier agenda attachment',
  save: 'save the invite',
  itemId: 'read the item id',
};

export class OfficeHost {
  constructor(private readonly office: OfficeLike) {}

  /** Office.js outside Office resolves `onReady` with host null: then there is no host to use. */
  static async connect(office: OfficeLike | undefined): Promise<OfficeHost | undefined> {
    if (!office) return undefined;
    const info = await office.onReady();
    return info.host ? new OfficeHost(office) : undefined;
  }

  /** Office's interface language; the pane and the agenda it inserts (the organizer's) follow it. */
  get displayLanguage(): string | undefined {
    return this.office.context.displayLanguage;
  }

  get platform(): string | undefined {
    return this.office.context.diagnostics?.platform;
  }

  /** Nested app authentication (MSAL brokered by Outlook) needs the NestedAppAuth 1.1 requirement set. */
  supportsNestedAppAuth(): boolean {
    return this.office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  }

  /**
   * Office's own single sign-on: a token for the add-in's API (the manifest's `webApplicationInfo`), with
   * Office's sign-in and consent prompts allowed. Undefined when the host has no `Office.auth`.
   */
  get officeSso(): (() => Promise<string>) | undefined {
    const auth = this.office.auth;
    return auth && (() => auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true }));
  }

  supports(operation: keyof typeof REQUIRES): boolean {
    return this.office.context.requirements.isSetSupported('Mailbox', REQUIRES[operation]);
  }

  private get item(): AppointmentLike {
    const item = this.office.context.mailbox.item;
    if (!item || item.itemType !== 'appointment')
      throw new HostError('no-item', 'item', 'Open a calendar event to see its 1:1 agenda.');
    return item;
  }

  get mode(): ItemMode {
    // Only compose-mode appointments have a writable body.
    return typeof this.item.body.setAsync === 'function' ? 'compose' : 'read';
  }

  async readAppointment(): Promise<AppointmentInfo> {
    const item = this.item;
    const mode = this.mode;
    const [subject, start, end, organizer, body] = await Promise.all([
      this.value('subject', item.subject),
      this.value('start', item.start),
      this.value('end', item.end),
      this.value('organizer', item.organizer),
      this.getBody(),
    ]);
    const userEmail = this.office.context.mailbox.userProfile.emailAddress;
    // Only the organizer gets the compose form of a meeting; in read mode compare addresses.
    const role = mode === 'compose' || sameAddress(organizer.emailAddress, userEmail) ? 'organizer' : 'attendee';
    const joinUrl = findJoinUrl(body);
    const chatId = findChatId({ body });
    const itemId = await this.itemId().catch(() => undefined);
    const attendees = await this.attendees().catch(() => undefined);
    const seriesId = this.supports('seriesId') && item.seriesId ? this.restId(item.seriesId) : undefined;
    return {
      mode,
      role,
      subject,
      start: start.toISOString(),
      end: end.toISOString(),
      userEmail,
      ...(chatId && { chatId, ...(joinUrl && { joinUrl }) }),
      ...(itemId && { itemId }),
      ...(seriesId && { seriesId }),
      ...(attendees && { attendees }),
    };
  }

  /** Required and optional attendees' addresses; undefined when the host does not say. */
  async attendees(): Promise<string[] | undefined> {
    const { requiredAttendees, optionalAttendees } = this.item;
    if (!requiredAttendees) return undefined;
    const lists = await Promise.all([
      this.value('attendees', requiredAttendees),
      optionalAttendees ? this.value('attendees', optionalAttendees) : Promise.resolve([]),
    ]);
    return lists.flat().map((a) => a.emailAddress);
  }

  getBody(): Promise<string> {
    return this.call<string>('body.get', (cb) => this.item.body.getAsync(this.office.CoercionType.Html, {}, cb));
  }

  async setBody(html: string): Promise<void> {
    const set = this.writable('body.set', this.item.body.setAsync);
    return this.call<void>('body.set', (cb) =>
      set.call(this.item.body, html, { coercionType: this.office.CoercionType.Html }, cb),
    );
  }

  async prependBody(html: string): Promise<void> {
    const prepend = this.writable('body.prepend', this.item.body.prependAsync);
    return this.call<void>('body.prepend', (cb) =>
      prepend.call(this.item.body, html, { coercionType: this.office.CoercionType.Html }, cb),
    );
  }

  async listAttachments(): Promise<AttachmentLike[]> {
    const list = this.writable('attachments.get', this.item.getAttachmentsAsync);
    return this.call<AttachmentLike[]>('attachments.get', (cb) => list.call(this.item, cb));
  }

  async removeAttachment(id: string): Promise<void> {
    const remove = this.writable('attachments.remove', this.item.removeAttachmentAsync);
    return this.call<void>('attachments.remove', (cb) => remove.call(this.item, id, {}, cb));
  }

  async attachFile(name: string, base64: string): Promise<string> {
    const add = this.writable('attachments.add', this.item.addFileAttachmentFromBase64Async);
    return this.call<string>('attachments.add', (cb) => add.call(this.item, base64, name, { isInline: false }, cb));
  }

  async save(): Promise<string> {
    const save = this.writable('save', this.item.saveAsync);
    return this.call<string>('save', (cb) => save.call(this.item, cb));
  }

  /** The item's REST id: read mode has `itemId` (EWS on desktop); compose has one once saved. */
  private async itemId(): Promise<string | undefined> {
    const item = this.item;
    if (item.itemId) return this.restId(item.itemId);
    if (!item.getItemIdAsync || !this.supports('itemId')) return undefined;
    const id = await this.call<string>('itemId', (cb) => item.getItemIdAsync!(cb));
    return this.restId(id);
  }

  private restId(id: string): string {
    return this.office.context.mailbox.convertToRestId(id, this.office.MailboxEnums.RestVersion.v2_0);
  }

  private writable<F>(operation: string, method: F | undefined): F {
    if (typeof method !== 'function')
      throw new HostError('read-only', operation, `Only the organizer, editing the invite, can ${WHAT[operation]}.`);
    const needs = REQUIRES[operation];
    if (needs && !this.office.context.requirements.isSetSupported('Mailbox', needs))
      throw new HostError(
        'unsupported',
        operation,
        `This version of Outlook cannot ${WHAT[operation]} (it needs Mailbox ${needs}). Update Outlook or use Outlook on the web.`,
      );
    return method;
  }

  private value<T>(operation: string, source: T | Getter<T>): Promise<T> {
    if (isGetter(source)) return this.call<T>(operation, (cb) => source.getAsync(cb));
    return Promise.resolve(source);
  }

  private call<T>(operation: string, start: (callback: Callback<T>) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = (result: AsyncResultLike<T>) => {
        if (result.status === this.office.AsyncResultStatus.Failed) {
          const reason = result.error?.message ?? 'no reason given';
          reject(
            new HostError('failed', operation, `Outlook could not ${WHAT[operation] ?? operation}: ${reason}`, reason),
          );
        } else resolve(result.value);
      };
      try {
        start(done);
      } catch (error) {
        reject(error instanceof HostError ? error : new HostError('failed', operation, String(error), String(error)));
      }
    });
  }
}

function isGetter<T>(value: T | Getter<T>): value is Getter<T> {
  return typeof value === 'object' && value !== null && typeof (value as Getter<T>).getAsync === 'function';
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
