import type {
  AppointmentLike,
  AsyncResultLike,
  AttachmentLike,
  Callback,
  EmailLike,
  LaunchEventLike,
  NotificationMessageDetailsLike,
  OfficeErrorLike,
  OfficeLike,
} from '../office/office-types';

/**
 * A hand-written fake of Office.js for an Outlook appointment, following the shapes in the Office.js
 * reference: compose mode (`AppointmentCompose`: getters with getAsync, a writable body, attachments,
 * saveAsync) or read mode (`AppointmentRead`: plain values, a read-only body, an EWS item id). Callbacks run
 * asynchronously, as in Outlook. Any operation can be made to fail with `AsyncResultStatus.Failed`, and the
 * new Outlook for Mac's silent `prependAsync` can be reproduced. Used by unit tests, the browser tests
 * (routed in place of office.js) and the embedded-mode sandbox page.
 */
export type FakeOperation =
  | 'subject'
  | 'start'
  | 'end'
  | 'organizer'
  | 'attendees'
  | 'body.get'
  | 'body.set'
  | 'body.prepend'
  | 'attachments.add'
  | 'attachments.get'
  | 'attachments.remove'
  | 'save'
  | 'itemId'
  | 'notifications.add'
  | 'notifications.remove';

export interface FakeAppointmentConfig {
  readonly mode: 'compose' | 'read';
  readonly subject: string;
  readonly start: string;
  readonly end: string;
  readonly body: string;
  readonly organizer: EmailLike;
  readonly user: EmailLike;
  /** Required attendees (the organizer is not one). */
  readonly attendees?: readonly EmailLike[];
  /** Read mode: the EWS id desktop Outlook gives; compose mode has an id only once saved. */
  readonly itemId?: string;
  readonly seriesId?: string | null;
  readonly platform?: string;
  /** Office's interface language (default en-US). */
  readonly displayLanguage?: string;
  /** Highest Mailbox requirement set the host supports (default 1.13). */
  readonly mailboxVersion?: string;
  /** Operations that fail, with the error message Outlook would give. */
  readonly failures?: Partial<Record<FakeOperation, string>>;
  /** prependAsync reports success but changes nothing (new Outlook for Mac with Teams on). */
  readonly prependIgnored?: boolean;
  /** The host supports nested app authentication (the NestedAppAuth 1.1 requirement set). */
  readonly nestedAppAuth?: boolean;
  /** `Office.auth.getAccessToken` (Office's own single sign-on); absent when undefined. */
  readonly officeSso?: (options?: { allowSignInPrompt?: boolean; allowConsentPrompt?: boolean }) => Promise<string>;
  /** Told after every change to the item (the sandbox page redraws the invite). */
  readonly onChange?: () => void;
}

export interface FakeAppointmentState {
  body: string;
  attachments: Array<AttachmentLike & { base64: string }>;
  saves: number;
  calls: string[];
  /** The item's notification messages by key. */
  notifications?: Record<string, NotificationMessageDetailsLike>;
}

export interface FakeOffice {
  readonly office: OfficeLike;
  readonly state: FakeAppointmentState;
  /** Event-based activation: the handlers associated with `Office.actions.associate`, by action id. */
  readonly handlers: Map<string, (event: LaunchEventLike) => unknown>;
}

const WRITES: ReadonlySet<FakeOperation> = new Set([
  'body.set',
  'body.prepend',
  'attachments.add',
  'attachments.remove',
  'save',
]);
const SUCCEEDED = 'succeeded';
const FAILED = 'failed';

function versionAtLeast(have: string, want: string): boolean {
  const [a = 0, b = 0] = have.split('.').map(Number);
  const [c = 0, d = 0] = want.split('.').map(Number);
  return a > c || (a === c && b >= d);
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function createFakeOffice(config: FakeAppointmentConfig): FakeOffice {
  const state: FakeAppointmentState = { body: config.body, attachments: [], saves: 0, calls: [], notifications: {} };
  const handlers = new Map<string, (event: LaunchEventLike) => unknown>();
  let savedId: string | undefined;
  let nextAttachment = 1;

  /** Calls back later with the value, or with Failed when the operation is configured to fail. */
  function settle<T>(operation: FakeOperation, callback: Callback<T> | undefined, work: () => T): void {
    state.calls.push(operation);
    const failure = config.failures?.[operation];
    setTimeout(() => {
      let result: AsyncResultLike<T>;
      if (failure !== undefined) {
        const error: OfficeErrorLike = { name: 'GenericResponseError', message: failure, code: 9020 };
        result = { status: FAILED, value: undefined as T, error };
      } else {
        result = { status: SUCCEEDED, value: work() };
        if (WRITES.has(operation)) config.onChange?.();
      }
      callback?.(result);
    }, 0);
  }
  /** Office.js methods take optional options before the callback: the callback is the last function. */
  const lastCallback = <T>(args: unknown[]): Callback<T> | undefined =>
    args.findLast((a): a is Callback<T> => typeof a === 'function');
  const getter = <T>(operation: FakeOperation, value: () => T) => ({
    getAsync: (...args: unknown[]) => settle(operation, lastCallback<T>(args), value),
  });

  const start = new Date(config.start);
  const compose = config.mode === 'compose';
  // As in Outlook, adding a key already shown fails (callers remove it first); removing a missing key is fine.
  const notificationMessages = {
    addAsync: (key: string, details: NotificationMessageDetailsLike, callback?: Callback<void>) => {
      if (state.notifications![key]) {
        state.calls.push('notifications.add');
        const error = { name: 'DuplicateNotificationKey', message: 'The key is already used.', code: 9041 };
        setTimeout(() => callback?.({ status: FAILED, value: undefined, error }), 0);
        return;
      }
      settle('notifications.add', callback, () => {
        state.notifications![key] = details;
      });
    },
    removeAsync: (key: string, callback?: Callback<void>) =>
      settle('notifications.remove', callback, () => {
        delete state.notifications![key];
      }),
  };
  const body = {
    getAsync: (coercionType: string, ...rest: unknown[]) =>
      settle('body.get', lastCallback<string>(rest), () =>
        coercionType === 'text' ? htmlToText(state.body) : state.body,
      ),
    ...(compose && {
      setAsync: (data: string, ...rest: unknown[]) =>
        settle('body.set', lastCallback<void>(rest), () => {
          state.body = data;
        }),
      prependAsync: (data: string, ...rest: unknown[]) =>
        settle('body.prepend', lastCallback<void>(rest), () => {
          if (config.prependIgnored) return;
          const tag = /<body\b[^>]*>/i.exec(state.body);
          const at = tag ? tag.index + tag[0].length : 0;
          state.body = state.body.slice(0, at) + data + state.body.slice(at);
        }),
    }),
  };

  const item: AppointmentLike = compose
    ? {
        itemType: 'appointment',
        subject: getter('subject', () => config.subject),
        start: getter('start', () => new Date(start)),
        end: getter('end', () => new Date(config.end)),
        organizer: getter('organizer', () => config.organizer),
        ...(config.attendees && { requiredAttendees: getter('attendees', () => [...config.attendees!]) }),
        body,
        notificationMessages,
        seriesId: config.seriesId ?? null,
        getItemIdAsync: (...args: unknown[]) => {
          const callback = lastCallback<string>(args);
          if (!savedId) {
            state.calls.push('itemId');
            const error = { name: 'ItemNotSaved', message: 'The item has not been saved yet.', code: 9058 };
            setTimeout(() => callback?.({ status: FAILED, value: '', error }), 0);
            return;
          }
          settle('itemId', callback, () => savedId!);
        },
        addFileAttachmentFromBase64Async: (base64: string, name: string, ...rest: unknown[]) =>
          settle('attachments.add', lastCallback<string>(rest), () => {
            const id = `attachment-${nextAttachment++}`;
            state.attachments.push({ id, name, base64 });
            return id;
          }),
        getAttachmentsAsync: (...args: unknown[]) =>
          settle('attachments.get', lastCallback<AttachmentLike[]>(args), () =>
            state.attachments.map(({ id, name }) => ({ id, name })),
          ),
        removeAttachmentAsync: (id: string, ...rest: unknown[]) =>
          settle('attachments.remove', lastCallback<void>(rest), () => {
            state.attachments = state.attachments.filter((a) => a.id !== id);
          }),
        saveAsync: (...args: unknown[]) =>
          settle('save', lastCallback<string>(args), () => {
            state.saves += 1;
            savedId ??= config.itemId ?? 'AAMkAGI2TG93AAA=';
            return savedId;
          }),
      }
    : {
        itemType: 'appointment',
        subject: config.subject,
        start: new Date(start),
        end: new Date(config.end),
        organizer: config.organizer,
        ...(config.attendees && { requiredAttendees: [...config.attendees] }),
        body,
        notificationMessages,
        ...(config.itemId !== undefined && { itemId: config.itemId }),
        seriesId: config.seriesId ?? null,
      };

  const mailboxVersion = config.mailboxVersion ?? '1.13';
  const office: OfficeLike = {
    onReady: async () => ({ host: 'Outlook', platform: config.platform ?? 'OfficeOnline' }),
    ...(config.officeSso && { auth: { getAccessToken: config.officeSso } }),
    AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: FAILED },
    CoercionType: { Html: 'html', Text: 'text' },
    MailboxEnums: {
      RestVersion: { v2_0: 'v2.0' },
      ItemNotificationMessageType: { InsightMessage: 'insightMessage' },
      ActionType: { ShowTaskPane: 'showTaskPane' },
    },
    actions: { associate: (actionId, handler) => handlers.set(actionId, handler) },
    context: {
      requirements: {
        isSetSupported: (name, minVersion = '1.1') =>
          (name === 'Mailbox' && versionAtLeast(mailboxVersion, minVersion)) ||
          (name === 'NestedAppAuth' && !!config.nestedAppAuth && versionAtLeast('1.1', minVersion)),
      },
      diagnostics: { platform: config.platform ?? 'OfficeOnline' },
      displayLanguage: config.displayLanguage ?? 'en-US',
      mailbox: {
        item,
        userProfile: config.user,
        // EWS ids are base64 with '/' and '+'; REST ids use '-' and '_' in their place.
        convertToRestId: (id) => id.replace(/\//g, '-').replace(/\+/g, '_'),
      },
    },
  };
  return { office, state, handlers };
}
