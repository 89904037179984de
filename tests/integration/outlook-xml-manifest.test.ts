import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { buildAppPackage } from '../../scripts/app-package';
import { fourPartVersion, outlookXmlManifest, XmlManifestError } from '../../scripts/outlook-xml-manifest';

/**
 * The add-in only manifest for Outlook on Mac, mobile and perpetual Office. No XML schema ships with the
 * tools here and Microsoft's validator is an online service, so this checks offline what the schema and
 * the documentation require: Office's own reader parses it, elements in the schema's order, both appointment
 * command surfaces, the launch events the unified manifest declares, the mobile surface, every resource
 * reference defined, string limits, and the URLs on the app's own domain.
 */
/** The slice of the DOM this reads (xmldom's own typings pull the browser's DOM into the Node programme). */
interface Element {
  readonly nodeType: number;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly parentNode: Element | null;
  readonly childNodes: ArrayLike<Element>;
  getAttribute(name: string): string;
  getAttributeNS(ns: string, name: string): string;
  getElementsByTagName(name: string): ArrayLike<Element>;
}
interface Document {
  readonly documentElement: Element;
  getElementsByTagName(name: string): ArrayLike<Element>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DOMParser } = require('@xmldom/xmldom') as {
  DOMParser: new (options: { errorHandler: (level: string, message: string) => void }) => {
    parseFromString(xml: string, type: string): Document;
  };
};

const ROOT = path.resolve(__dirname, '..', '..');
const VALUES = {
  TEAMS_APP_ID: '0c5e7f0a-1d2b-4c3d-9e8f-0a1b2c3d4e5f',
  AAD_APP_CLIENT_ID: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
  BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  TAB_DOMAIN: 'tandem-test.azurewebsites.net',
};
const NS = {
  app: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  vo10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  vo11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};

const children = (parent: Element, name?: string) =>
  Array.from(parent.childNodes).filter((n) => n.nodeType === 1 && (name === undefined || n.localName === name));
const child = (parent: Element, name: string) => {
  const found = children(parent, name);
  if (found.length !== 1) throw new Error(`${parent.localName} has ${found.length} <${name}>`);
  return found[0]!;
};
const all = (root: Element | Document, name: string) => Array.from(root.getElementsByTagName(name));
const typeOf = (e: Element) => e.getAttributeNS(NS.xsi, 'type');

describe('the add-in only (XML) manifest for Outlook', () => {
  let dir: string;
  let xmlPath: string;
  let xml: string;
  let doc: Document;
  let app: Element;
  let unified: Record<string, unknown>;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-xml-manifest-'));
    const envDir = path.join(dir, 'env');
    fs.mkdirSync(envDir);
    fs.copyFileSync(path.join(ROOT, 'env', '.env.dev'), path.join(envDir, '.env.dev'));
    fs.writeFileSync(
      path.join(envDir, '.env.dev.user'),
      Object.entries(VALUES)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    );
    const built = buildAppPackage({
      envName: 'dev',
      envDir,
      appPackageDir: path.join(ROOT, 'appPackage'),
      outDir: path.join(dir, 'build'),
    });
    unified = built.manifest;
    xmlPath = built.xmlPath;
    xml = fs.readFileSync(xmlPath, 'utf8');
    const errors: string[] = [];
    doc = new DOMParser({ errorHandler: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(
      xml,
      'text/xml',
    );
    expect(errors).toEqual([]);
    app = doc.documentElement;
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is written beside the app package and read by Office’s own manifest reader', async () => {
    expect(path.basename(xmlPath)).toBe('tandem-dev-outlook.xml');
    const info = readWithOfficeTools(xmlPath);
    expect(info).toMatchObject({
      id: VALUES.TEAMS_APP_ID,
      version: fourPartVersion(unified.version as string),
      providerName: 'Tandem',
      defaultLocale: 'en-US',
      displayName: (unified.name as { short: string }).short,
      officeAppType: 'MailApp',
      hosts: ['Mailbox'],
      permissions: 'ReadWriteItem',
      appDomains: [`https://${VALUES.TAB_DOMAIN}`],
    });
  });

  it('has the elements the schema requires, in its order', () => {
    expect(app.namespaceURI).toBe(NS.app);
    expect(app.localName).toBe('OfficeApp');
    expect(typeOf(app)).toBe('MailApp');
    expect(children(app).map((e) => e.localName)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'FormSettings',
      'Permissions',
      'Rule',
      'DisableEntityHighlighting',
      'VersionOverrides',
    ]);
    expect(children(child(app, 'FormSettings')).map(typeOf)).toEqual(['ItemRead', 'ItemEdit']);
    const rules = children(child(app, 'Rule'), 'Rule');
    expect(rules.map((r) => [typeOf(r), r.getAttribute('ItemType'), r.getAttribute('FormType')])).toEqual([
      ['ItemIs', 'Appointment', 'Read'],
      ['ItemIs', 'Appointment', 'Edit'],
    ]);
    expect(child(app, 'Description').getAttribute('DefaultValue').length).toBeLessThanOrEqual(250);
  });

  it('puts the button on the organizer’s and the attendee’s appointment in both version overrides', () => {
    const v10 = child(app, 'VersionOverrides');
    expect([v10.namespaceURI, typeOf(v10)]).toEqual([NS.vo10, 'VersionOverridesV1_0']);
    const v11 = child(v10, 'VersionOverrides');
    expect([v11.namespaceURI, typeOf(v11)]).toEqual([NS.vo11, 'VersionOverridesV1_1']);
    for (const overrides of [v10, v11]) {
      const desktop = child(child(child(overrides, 'Hosts'), 'Host'), 'DesktopFormFactor');
      const points = children(desktop, 'ExtensionPoint').map(typeOf);
      expect(points).toEqual(
        expect.arrayContaining(['AppointmentOrganizerCommandSurface', 'AppointmentAttendeeCommandSurface']),
      );
      for (const control of all(desktop, 'Control')) {
        const action = child(control, 'Action');
        expect(typeOf(action)).toBe('ShowTaskpane');
      }
    }
    // The organizer's button keeps the unified manifest's control id: the launch notification's button names it.
    const organizer = all(v11, 'ExtensionPoint').find((e) => typeOf(e) === 'AppointmentOrganizerCommandSurface')!;
    expect(all(organizer, 'Control')[0]!.getAttribute('id')).toBe('openAgenda');
  });

  it('activates on the launch events the unified manifest declares, with the same handler names', () => {
    const v11 = child(child(app, 'VersionOverrides'), 'VersionOverrides');
    const host = child(child(v11, 'Hosts'), 'Host');
    const launch = all(host, 'ExtensionPoint').find((e) => typeOf(e) === 'LaunchEvent')!;
    const events = all(launch, 'LaunchEvent').map((e) => [e.getAttribute('Type'), e.getAttribute('FunctionName')]);
    expect(events).toEqual([
      ['OnNewAppointmentOrganizer', 'onNewAppointmentOrganizer'],
      ['OnAppointmentAttendeesChanged', 'onAppointmentAttendeesChanged'],
    ]);
    const extension = (unified.extensions as { autoRunEvents: { events: { actionId: string }[] }[] }[])[0]!;
    expect(extension.autoRunEvents[0]!.events.map((e) => e.actionId)).toEqual(events.map(([, name]) => name));
    // The runtime the launch event names is the page, with the bare script for classic Outlook on Windows.
    const runtime = child(child(host, 'Runtimes'), 'Runtime');
    expect(child(launch, 'SourceLocation').getAttribute('resid')).toBe(runtime.getAttribute('resid'));
    const url = (id: string) =>
      all(v11, 'bt:Url')
        .find((u) => u.getAttribute('id') === id)!
        .getAttribute('DefaultValue');
    expect(url(runtime.getAttribute('resid'))).toBe(`https://${VALUES.TAB_DOMAIN}/outlook-addin/launch.html`);
    expect(url(child(runtime, 'Override').getAttribute('resid'))).toBe(
      `https://${VALUES.TAB_DOMAIN}/outlook-addin/launch.js`,
    );
  });

  it('gives Outlook on iOS and Android the task pane on the attendee’s appointment, with mobile icons', () => {
    const v11 = child(child(app, 'VersionOverrides'), 'VersionOverrides');
    const mobile = child(child(child(v11, 'Hosts'), 'Host'), 'MobileFormFactor');
    const point = child(mobile, 'ExtensionPoint');
    expect(typeOf(point)).toBe('MobileLogEventAppointmentAttendee');
    const control = child(point, 'Control');
    expect(typeOf(control)).toBe('MobileButton');
    expect(typeOf(child(control, 'Action'))).toBe('ShowTaskpane');
    const icon = child(control, 'Icon');
    expect(typeOf(icon)).toBe('bt:MobileIconList');
    const sizes = new Set(children(icon).map((i) => `${i.getAttribute('size')}@${i.getAttribute('scale')}`));
    for (const size of [25, 32, 48]) for (const scale of [1, 2, 3]) expect(sizes).toContain(`${size}@${scale}`);
  });

  it('defines every resource it refers to, keeps ids unique, strings short, and URLs on its own domain', () => {
    for (const overrides of all(doc, 'VersionOverrides')) {
      const resources = child(overrides, 'Resources');
      const defined = new Map(
        all(resources, '*')
          .filter((e) => e.getAttribute('id'))
          .map((e) => [e.getAttribute('id'), e]),
      );
      const own = (e: Element) => e.parentNode && findOverrides(e) === overrides;
      for (const ref of all(overrides, '*').filter((e) => e.getAttribute('resid') && own(e)))
        expect(defined.has(ref.getAttribute('resid'))).toBe(true);
      const ids = all(overrides, 'Control')
        .filter(own)
        .map((c) => c.getAttribute('id'));
      expect(new Set(ids).size).toBe(ids.length);
      for (const s of all(resources, 'bt:String'))
        expect(s.getAttribute('DefaultValue').length).toBeLessThanOrEqual(
          (s.parentNode as Element).localName === 'ShortStrings' ? 125 : 250,
        );
    }
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => new URL(m[1]!));
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.origin).toBe(`https://${VALUES.TAB_DOMAIN}`);
  });

  it('ships the icons it names', () => {
    const names = new Set([...xml.matchAll(/\/icons\/icon-(\d+)\.png/g)].map((m) => Number(m[1])));
    expect([...names].sort((a, b) => a - b)).toEqual([16, 25, 32, 48, 64, 80, 128]);
    for (const size of names) {
      const png = PNG.sync.read(fs.readFileSync(path.join(ROOT, 'appPackage', 'icons', `icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });

  it('refuses what the add-in only schema cannot hold', () => {
    expect(fourPartVersion('1.2.3')).toBe('1.2.3.0');
    expect(() => fourPartVersion('1.2.3-beta')).toThrow(XmlManifestError);
    const long = { ...unified, name: { short: 'x'.repeat(126) } };
    expect(() => outlookXmlManifest(long as never)).toThrow('at most 125');
    // Text is escaped: a name with markup characters cannot change the document.
    const marked = outlookXmlManifest({ ...unified, developer: { name: 'A & <B>', websiteUrl: 'https://x' } } as never);
    expect(marked).toContain('<ProviderName>A &amp; &lt;B&gt;</ProviderName>');
  });
});

/**
 * Office's own manifest reader (office-addin-manifest), in a child Node: it loads an ESM-only dependency that
 * Jest's module loader cannot require.
 */
function readWithOfficeTools(file: string): unknown {
  const script = `const { ManifestHandlerXml } = require('office-addin-manifest/lib/manifestHandler/manifestHandlerXml');
    new ManifestHandlerXml(process.argv[1]).parseManifest().then((info) => process.stdout.write(JSON.stringify(info)));`;
  const result = spawnSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the Office manifest reader failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown;
}

/** The nearest VersionOverrides around an element (the 1.0 one contains the 1.1 one). */
function findOverrides(e: Element): Element | undefined {
  for (let at = e.parentNode as Element | null; at; at = at.parentNode as Element | null)
    if (at.localName === 'VersionOverrides') return at;
  return undefined;
}
