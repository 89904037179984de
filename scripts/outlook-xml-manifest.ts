/**
 * The add-in only (XML) manifest for the Outlook clients the unified manifest does not reach: Outlook on Mac,
 * on iOS and Android, and perpetual (non-subscription) Office. It is derived from the rendered unified
 * manifest, the one source of truth: names, ids, URLs, the task pane, the ribbon button and the launch
 * events all come from there, so the two cannot drift. Which client gets what: docs/outlook-clients.md.
 */

/** The parts of the unified manifest this reads (scripts/app-package.ts renders and validates the whole). */
export interface UnifiedManifest {
  readonly id: string;
  readonly version: string;
  readonly developer: { readonly name: string; readonly websiteUrl: string };
  readonly name: { readonly short: string };
  readonly description: { readonly short: string };
  readonly validDomains?: readonly string[];
  readonly webApplicationInfo?: { readonly id: string; readonly resource?: string };
  readonly extensions?: readonly UnifiedExtension[];
}

interface Icon {
  readonly size: number;
  readonly url: string;
}

interface UnifiedExtension {
  readonly runtimes?: readonly {
    readonly id: string;
    readonly code: { readonly page: string; readonly script?: string };
    readonly actions?: readonly { readonly id: string; readonly type: string }[];
  }[];
  readonly ribbons?: readonly {
    readonly contexts?: readonly string[];
    readonly tabs: readonly {
      readonly groups?: readonly {
        readonly id: string;
        readonly label: string;
        readonly icons: readonly Icon[];
        readonly controls: readonly {
          readonly id: string;
          readonly label: string;
          readonly icons: readonly Icon[];
          readonly supertip: { readonly title: string; readonly description: string };
          readonly actionId: string;
        }[];
      }[];
    }[];
  }[];
  readonly autoRunEvents?: readonly {
    readonly events: readonly { readonly type: string; readonly actionId: string }[];
  }[];
}

/** The unified manifest's event names and the add-in only manifest's, from Microsoft's table of events. */
const LAUNCH_EVENT_NAMES: Readonly<Record<string, string>> = {
  newAppointmentOrganizerCreated: 'OnNewAppointmentOrganizer',
  appointmentAttendeesChanged: 'OnAppointmentAttendeesChanged',
};

/** Sizes Outlook asks for: ribbon 16/32/80, mobile 25/32/48 (scale 1–3 share one image here), store 64/128. */
const MOBILE_ICON_SIZES = [25, 32, 48] as const;

export class XmlManifestError extends Error {
  override readonly name = 'XmlManifestError';
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Child = string | false | undefined;

/** One element, its attributes escaped, its children already XML (or text when `text` is set). */
function el(name: string, attributes: Record<string, string> = {}, ...children: Child[]): string {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const inner = children.filter((c): c is string => typeof c === 'string').join('');
  return inner ? `<${name}${attrs}>${inner}</${name}>` : `<${name}${attrs}/>`;
}
const text = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

/** The XML manifest's version has four parts; the unified manifest's has three. */
export function fourPartVersion(version: string): string {
  const parts = version.split('.');
  if (parts.length > 4 || parts.some((p) => !/^\d+$/.test(p))) throw new XmlManifestError(`version ${version}`);
  return [...parts, '0', '0', '0'].slice(0, 4).join('.');
}

/** Limits the add-in only schema puts on strings (ShortString 125, LongString and Description 250). */
function limited(value: string, max: number, what: string): string {
  if (value.length > max) throw new XmlManifestError(`${what} is ${value.length} characters; at most ${max}`);
  return value;
}

export function outlookXmlManifest(unified: UnifiedManifest): string {
  const extension = unified.extensions?.find((e) => e.ribbons?.length);
  const ribbon = extension?.ribbons?.[0];
  const group = ribbon?.tabs[0]?.groups?.[0];
  const control = group?.controls[0];
  if (!extension || !ribbon || !group || !control) throw new XmlManifestError('the unified manifest has no ribbon');
  const runtimeOf = (actionId: string) => extension.runtimes?.find((r) => r.actions?.some((a) => a.id === actionId));
  const taskPane = runtimeOf(control.actionId);
  if (!taskPane) throw new XmlManifestError(`no runtime has the action ${control.actionId}`);
  const iconBase = group.icons[0]!.url;
  const iconUrl = (size: number) => new URL(`icon-${size}.png`, iconBase).href;
  const launchEvents = (extension.autoRunEvents ?? []).flatMap((a) => a.events);
  const launchRuntime = launchEvents[0] && runtimeOf(launchEvents[0].actionId);

  const icons = [16, 32, 80];
  const images = [...new Set([...icons, ...MOBILE_ICON_SIZES])].sort((a, b) => a - b);
  const iconList = (type?: string) =>
    el(
      'Icon',
      type ? { 'xsi:type': type } : {},
      ...(type
        ? MOBILE_ICON_SIZES.flatMap((size) =>
            [1, 2, 3].map((scale) =>
              el('bt:Image', { size: String(size), scale: String(scale), resid: `Icon.${size}` }),
            ),
          )
        : icons.map((size) => el('bt:Image', { size: String(size), resid: `Icon.${size}` }))),
    );
  const showTaskPane = (pinning: boolean) =>
    el(
      'Action',
      { 'xsi:type': 'ShowTaskpane' },
      el('SourceLocation', { resid: 'Taskpane.Url' }),
      pinning && text('SupportsPinning', 'true'),
    );
  const button = (id: string, pinning: boolean) =>
    el(
      'Control',
      { 'xsi:type': 'Button', id },
      el('Label', { resid: 'Button.Label' }),
      el('Supertip', {}, el('Title', { resid: 'Button.Label' }), el('Description', { resid: 'Button.Tooltip' })),
      iconList(),
      showTaskPane(pinning),
    );
  // Control ids are unique in the whole manifest: the organizer's keeps the unified id (the launch
  // notification's button names it), the attendee's gets a suffix.
  const surface = (type: string, controlId: string, pinning: boolean) =>
    el(
      'ExtensionPoint',
      { 'xsi:type': type },
      el(
        'OfficeTab',
        { id: 'TabDefault' },
        el(
          'Group',
          { id: `${group.id}${controlId === control.id ? '' : 'Attendee'}` },
          el('Label', { resid: 'Group.Label' }),
          button(controlId, pinning),
        ),
      ),
    );
  const desktopSurfaces = (pinning: boolean) =>
    [
      surface('AppointmentOrganizerCommandSurface', control.id, pinning),
      surface('AppointmentAttendeeCommandSurface', `${control.id}Attendee`, pinning),
    ].join('');

  const urls: [string, string][] = [
    ['Taskpane.Url', taskPane.code.page],
    ['Commands.Url', taskPane.code.page],
    ...(launchRuntime
      ? ([
          ['WebViewRuntime.Url', launchRuntime.code.page],
          ['JSRuntime.Url', launchRuntime.code.script ?? launchRuntime.code.page],
        ] as [string, string][])
      : []),
  ];
  const resources = el(
    'Resources',
    {},
    el('bt:Images', {}, ...images.map((size) => el('bt:Image', { id: `Icon.${size}`, DefaultValue: iconUrl(size) }))),
    el('bt:Urls', {}, ...urls.map(([id, url]) => el('bt:Url', { id, DefaultValue: url }))),
    el(
      'bt:ShortStrings',
      {},
      el('bt:String', { id: 'Group.Label', DefaultValue: limited(group.label, 125, 'the group label') }),
      el('bt:String', { id: 'Button.Label', DefaultValue: limited(control.label, 125, 'the button label') }),
    ),
    el(
      'bt:LongStrings',
      {},
      el('bt:String', {
        id: 'Button.Tooltip',
        DefaultValue: limited(control.supertip.description, 250, 'the button description'),
      }),
    ),
  );

  const launchEventPoint =
    launchRuntime &&
    el(
      'ExtensionPoint',
      { 'xsi:type': 'LaunchEvent' },
      el(
        'LaunchEvents',
        {},
        ...launchEvents.map((e) => {
          const type = LAUNCH_EVENT_NAMES[e.type];
          if (!type) throw new XmlManifestError(`no add-in only name known for the event ${e.type}`);
          return el('LaunchEvent', { Type: type, FunctionName: e.actionId });
        }),
      ),
      el('SourceLocation', { resid: 'WebViewRuntime.Url' }),
    );

  const versionOverrides11 = el(
    'VersionOverrides',
    { xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1', 'xsi:type': 'VersionOverridesV1_1' },
    el('Requirements', {}, el('bt:Sets', { DefaultMinVersion: '1.3' }, el('bt:Set', { Name: 'Mailbox' }))),
    el(
      'Hosts',
      {},
      el(
        'Host',
        { 'xsi:type': 'MailHost' },
        // Event-based activation: the page for Outlook on the web, new Outlook and Mac; the bare script for
        // classic Outlook on Windows.
        launchRuntime &&
          el(
            'Runtimes',
            {},
            el(
              'Runtime',
              { resid: 'WebViewRuntime.Url' },
              el('Override', { type: 'javascript', resid: 'JSRuntime.Url' }),
            ),
          ),
        el(
          'DesktopFormFactor',
          {},
          el('FunctionFile', { resid: 'Commands.Url' }),
          desktopSurfaces(true),
          launchEventPoint,
        ),
        // Outlook on iOS and Android: the attendee's appointment surface is the only one for a task pane.
        el(
          'MobileFormFactor',
          {},
          el('FunctionFile', { resid: 'Commands.Url' }),
          el(
            'ExtensionPoint',
            { 'xsi:type': 'MobileLogEventAppointmentAttendee' },
            el(
              'Control',
              { 'xsi:type': 'MobileButton', id: `${control.id}Mobile` },
              el('Label', { resid: 'Button.Label' }),
              iconList('bt:MobileIconList'),
              showTaskPane(false),
            ),
          ),
        ),
      ),
    ),
    resources,
    unified.webApplicationInfo &&
      el(
        'WebApplicationInfo',
        {},
        text('Id', unified.webApplicationInfo.id),
        unified.webApplicationInfo.resource && text('Resource', unified.webApplicationInfo.resource),
        el('Scopes', {}, text('Scope', 'openid'), text('Scope', 'profile')),
      ),
  );

  // Version 1.0 is what perpetual Office reads (buttons only); clients that know 1.1 take the nested one.
  const versionOverrides10 = el(
    'VersionOverrides',
    { xmlns: 'http://schemas.microsoft.com/office/mailappversionoverrides', 'xsi:type': 'VersionOverridesV1_0' },
    el('Requirements', {}, el('bt:Sets', { DefaultMinVersion: '1.3' }, el('bt:Set', { Name: 'Mailbox' }))),
    el(
      'Hosts',
      {},
      el(
        'Host',
        { 'xsi:type': 'MailHost' },
        el('DesktopFormFactor', {}, el('FunctionFile', { resid: 'Commands.Url' }), desktopSurfaces(false)),
      ),
    ),
    resources,
    versionOverrides11,
  );

  const page = (form: string) =>
    el(
      'Form',
      { 'xsi:type': form },
      el(
        'DesktopSettings',
        {},
        el('SourceLocation', { DefaultValue: taskPane.code.page }),
        text('RequestedHeight', '450'),
      ),
    );
  const officeApp = el(
    'OfficeApp',
    {
      xmlns: 'http://schemas.microsoft.com/office/appforoffice/1.1',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xmlns:bt': 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
      'xmlns:mailappor': 'http://schemas.microsoft.com/office/mailappversionoverrides/1.0',
      'xsi:type': 'MailApp',
    },
    text('Id', unified.id),
    text('Version', fourPartVersion(unified.version)),
    text('ProviderName', unified.developer.name),
    text('DefaultLocale', 'en-US'),
    el('DisplayName', { DefaultValue: limited(unified.name.short, 125, 'the short name') }),
    el('Description', { DefaultValue: limited(unified.description.short, 250, 'the short description') }),
    el('IconUrl', { DefaultValue: iconUrl(64) }),
    el('HighResolutionIconUrl', { DefaultValue: iconUrl(128) }),
    el('SupportUrl', { DefaultValue: unified.developer.websiteUrl }),
    el('AppDomains', {}, ...(unified.validDomains ?? []).map((d) => text('AppDomain', `https://${d}`))),
    el('Hosts', {}, el('Host', { Name: 'Mailbox' })),
    el('Requirements', {}, el('Sets', {}, el('Set', { Name: 'Mailbox', MinVersion: '1.1' }))),
    el('FormSettings', {}, page('ItemRead'), page('ItemEdit')),
    text('Permissions', 'ReadWriteItem'),
    el(
      'Rule',
      { 'xsi:type': 'RuleCollection', Mode: 'Or' },
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Appointment', FormType: 'Read' }),
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Appointment', FormType: 'Edit' }),
    ),
    text('DisableEntityHighlighting', 'true'),
    versionOverrides10,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${officeApp}\n`;
}
