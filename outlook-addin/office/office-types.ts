/**
 * The slice of Office.js the add-in uses, with the shapes the Office.js reference documents
 * (`Office.AsyncResult`, `AppointmentCompose`, `AppointmentRead`). The real global and the fake both satisfy it;
 * optional members are those a host or a mode may lack (an attendee's read-mode item cannot be written).
 */
export interface OfficeErrorLike {
  readonly name: string;
  readonly message: string;
  readonly code: number;
}

export interface AsyncResultLike<T> {
  readonly status: string;
  readonly value: T;
  readonly error?: OfficeErrorLike;
}

export type Callback<T> = (result: AsyncResultLike<T>) => void;

export interface Getter<T> {
  getAsync(callback: Callback<T>): void;
}

export interface EmailLike {
  readonly displayName: string;
  readonly emailAddress: string;
}

export interface AttachmentLike {
  readonly id: string;
  readonly name: string;
}

export interface BodyLike {
  getAsync(coercionType: string, options: object, callback: Callback<string>): void;
  setAsync?(data: string, options: object, callback: Callback<void>): void;
  prependAsync?(data: string, options: object, callback: Callback<void>): void;
}

export interface AppointmentLike {
  readonly itemType: string;
  /** Read mode: strings and dates. Compose mode: objects with getAsync. */
  readonly subject: string | Getter<string>;
  readonly start: Date | Getter<Date>;
  readonly end: Date | Getter<Date>;
  readonly organizer: EmailLike | Getter<EmailLike>;
  /** The invited: arrays in read mode, recipients with getAsync in compose mode. */
  readonly requiredAttendees?: EmailLike[] | Getter<EmailLike[]>;
  readonly optionalAttendees?: EmailLike[] | Getter<EmailLike[]>;
  readonly body: BodyLike;
  /** Read mode only; EWS format on desktop. */
  readonly itemId?: string;
  readonly seriesId?: string | null;
  getItemIdAsync?(callback: Callback<string>): void;
  addFileAttachmentFromBase64Async?(base64: string, name: string, options: object, callback: Callback<string>): void;
  getAttachmentsAsync?(callback: Callback<AttachmentLike[]>): void;
  removeAttachmentAsync?(attachmentId: string, options: object, callback: Callback<void>): void;
  saveAsync?(callback: Callback<string>): void;
  /** The bar of messages above the item (`Office.NotificationMessages`, Mailbox 1.3; actions 1.10). */
  readonly notificationMessages?: NotificationMessagesLike;
}

/** `Office.NotificationMessageAction`: a button on an insight message (compose mode). */
export interface NotificationActionLike {
  readonly actionType: string;
  readonly actionText: string;
  /** The id of the add-in command (ribbon button) that opens the task pane. */
  readonly commandId: string;
  readonly contextData?: unknown;
}

/** `Office.NotificationMessageDetails`. */
export interface NotificationMessageDetailsLike {
  readonly type: string;
  readonly message: string;
  readonly icon?: string;
  readonly actions?: readonly NotificationActionLike[];
}

export interface NotificationMessagesLike {
  addAsync(key: string, details: NotificationMessageDetailsLike, callback?: Callback<void>): void;
  removeAsync(key: string, callback?: Callback<void>): void;
}

/** What an event-based activation handler receives: it must call `completed` when done. */
export interface LaunchEventLike {
  readonly type?: string;
  completed(options?: object): void;
}

/** `Office.AuthOptions`: what Office may show the user while getting a token for the add-in's own API. */
export interface AuthOptionsLike {
  readonly allowSignInPrompt?: boolean;
  readonly allowConsentPrompt?: boolean;
}

export interface OfficeLike {
  onReady(): Promise<{ host: string | null; platform: string | null }>;
  /** Office's own single sign-on (`Office.auth.getAccessToken`): absent on hosts without it. */
  readonly auth?: { getAccessToken(options?: AuthOptionsLike): Promise<string> };
  readonly AsyncResultStatus: { readonly Succeeded: string; readonly Failed: string };
  readonly CoercionType: { readonly Html: string; readonly Text: string };
  readonly MailboxEnums: {
    readonly RestVersion: { readonly v2_0: string };
    readonly ItemNotificationMessageType?: { readonly InsightMessage: string };
    readonly ActionType?: { readonly ShowTaskPane: string };
  };
  /** Event-based activation: ties the manifest's action ids to handlers (Mailbox 1.10). */
  readonly actions?: { associate(actionId: string, handler: (event: LaunchEventLike) => unknown): void };
  readonly context: {
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    readonly diagnostics?: { readonly platform?: string };
    /** The language of Office's own interface ("de-DE"): the add-in speaks it too. */
    readonly displayLanguage?: string;
    readonly mailbox: {
      readonly item: AppointmentLike | null;
      readonly userProfile: EmailLike;
      convertToRestId(id: string, restVersion: string): string;
    };
  };
}
