import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AdmZip from 'adm-zip';
import { PNG } from 'pngjs';
import { AppPackageError, buildAppPackage, renderManifest } from '../../scripts/app-package';
import { hostsOutsideValidDomains, localizationErrors, schemaErrors, urlsIn } from '../../scripts/manifest-checks';

const ROOT = path.resolve(__dirname, '..', '..');
const VALUES = {
  TEAMS_APP_ID: '0c5e7f0a-1d2b-4c3d-9e8f-0a1b2c3d4e5f',
  AAD_APP_CLIENT_ID: '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
  BOT_ID: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  TAB_DOMAIN: 'tandem-test.azurewebsites.net',
};

describe('the Teams app package', () => {
  let dir: string;
  let zip: AdmZip;
  let manifest: Record<string, unknown>;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-package-'));
    const envDir = path.join(dir, 'env');
    fs.mkdirSync(envDir);
    // The committed env file (blank values) plus a .user file, the way a developer fills them in.
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
    expect(path.basename(built.zipPath)).toBe('tandem-dev.zip');
    zip = new AdmZip(built.zipPath);
    manifest = JSON.parse(zip.readAsText('manifest.json')) as Record<string, unknown>;
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds exactly the manifest and the two icons', () => {
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'de.json', 'ja.json', 'manifest.json', 'outline.png']);
  });

  it('lists German and Japanese in localizationInfo, each file valid and naming only what the manifest has', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [
        { languageTag: 'de', file: 'de.json' },
        { languageTag: 'ja', file: 'ja.json' },
      ],
    });
    const m = manifest as Record<string, unknown> & { manifestVersion: string };
    for (const file of ['de.json', 'ja.json']) {
      const strings = JSON.parse(zip.readAsText(file)) as Record<string, string>;
      expect({ file, errors: localizationErrors(m, strings) }).toEqual({ file, errors: [] });
      expect(JSON.stringify(strings)).not.toMatch(/\$\{\{/);
      // Every bot command is translated, and the bot understands the translated words (core/i18n).
      const commands = (manifest.bots as Array<{ commandLists: Array<{ commands: unknown[] }> }>)[0]!.commandLists[0]!
        .commands;
      commands.forEach((_, i) => expect(strings[`bots[0].commandLists[0].commands[${i}].title`]).toBeTruthy());
    }
    expect(JSON.parse(zip.readAsText('de.json'))['staticTabs[0].name']).toBe('Meine 1:1s');
    // A key that names nothing in the manifest is caught, and so is a file the schema refuses.
    const base = { 'name.short': 'x', 'description.short': 'x', 'description.full': 'x' };
    expect(localizationErrors(m, { ...base, 'staticTabs[5].name': 'x' })).toEqual([
      'staticTabs[5].name: not in the manifest',
    ]);
    expect(localizationErrors(m, { 'name.short': 'x' }).length).toBeGreaterThan(0);
  });

  it('validates against the bundled schema of the version it declares', () => {
    expect(manifest.manifestVersion).toMatch(/^1\.\d+$/);
    expect(schemaErrors(manifest as { manifestVersion: string })).toEqual([]);
  });

  it('has no placeholder left and takes the ids from the environment', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
    expect(manifest.id).toBe(VALUES.TEAMS_APP_ID);
    const bots = manifest.bots as Array<{ botId: string }>;
    expect(bots.map((b) => b.botId)).toEqual([VALUES.BOT_ID]);
    expect((manifest.webApplicationInfo as { id: string }).id).toBe(VALUES.AAD_APP_CLIENT_ID);
  });

  it('lists the host of every URL it uses in validDomains', () => {
    expect(urlsIn(manifest).length).toBeGreaterThan(5);
    expect(hostsOutsideValidDomains(manifest)).toEqual([]);
    expect(hostsOutsideValidDomains({ ...manifest, validDomains: ['elsewhere.example'] }).length).toBeGreaterThan(0);
  });

  it('declares the tab for the meeting side panel, details and chat, the personal tab, the bot and the add-in', () => {
    const [tab] = manifest.configurableTabs as Array<{ context: string[]; meetingSurfaces: string[] }>;
    expect(tab!.context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingDetailsTab', 'meetingChatTab']));
    expect(tab!.meetingSurfaces).toContain('sidePanel');
    expect((manifest.staticTabs as Array<{ scopes: string[] }>)[0]!.scopes).toEqual(['personal']);
    expect((manifest.bots as Array<{ scopes: string[] }>)[0]!.scopes).toEqual(['personal', 'groupChat']);
    const [extension] = manifest.extensions as Array<{ ribbons: Array<{ contexts: string[] }> }>;
    expect(extension!.ribbons[0]!.contexts).toEqual(['meetingDetailsOrganizer', 'meetingDetailsAttendee']);
    const rsc = (manifest.authorization as { permissions: { resourceSpecific: Array<{ name: string }> } }).permissions
      .resourceSpecific;
    expect(rsc.map((p) => p.name)).toContain('OnlineMeeting.ReadBasic.Chat');
  });

  it('points at the privacy and terms pages the service serves, and installs as a personal app by default', () => {
    expect(manifest.developer).toMatchObject({
      privacyUrl: `https://${VALUES.TAB_DOMAIN}/privacy`,
      termsOfUseUrl: `https://${VALUES.TAB_DOMAIN}/terms`,
    });
    expect(manifest.defaultInstallScope).toBe('personal');
    expect(manifest.defaultGroupCapability).toEqual({ groupchat: 'tab', meetings: 'tab' });
  });

  it('ships icons of the sizes the schema asks for: color 192×192, outline 32×32 white on transparent', () => {
    const color = PNG.sync.read(zip.readFile('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(zip.readFile('outline.png')!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas = new Set<number>();
    for (let i = 0; i < outline.data.length; i += 4) {
      alphas.add(outline.data[i + 3]!);
      // Any pixel that shows at all is white.
      if (outline.data[i + 3]! > 0)
        expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(alphas.has(0)).toBe(true);
  });

  it('ships the ribbon icons the add-in declares', () => {
    for (const size of [16, 32, 80]) {
      const png = PNG.sync.read(fs.readFileSync(path.join(ROOT, 'appPackage', 'icons', `icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });

  it('names every variable that is missing, all at once', () => {
    expect(() => renderManifest('{"a":"${{ONE}}","b":"${{TWO}}"}', { ONE: '' })).toThrow(AppPackageError);
    expect(() => renderManifest('{"a":"${{ONE}}","b":"${{TWO}}"}', { ONE: '' })).toThrow('ONE, TWO');
  });

  it('escapes values as JSON so a quote in a value cannot change the manifest', () => {
    expect(renderManifest('{"a":"${{ONE}}"}', { ONE: 'x", "b": "y' })).toEqual({ a: 'x", "b": "y' });
  });
});
