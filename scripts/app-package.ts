import * as fs from 'node:fs';
import * as path from 'node:path';
import AdmZip from 'adm-zip';
import { parse as parseDotenv } from 'dotenv';
import { hostsOutsideValidDomains, localizationErrors, schemaErrors } from './manifest-checks';
import { outlookXmlManifest, type UnifiedManifest } from './outlook-xml-manifest';

/** Placeholders that may be blank (everything else must be set for the package to be built). */
const MAY_BE_BLANK = new Set(['APP_NAME_SUFFIX']);
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

export interface PackageOptions {
  readonly envName: string;
  /** Folder with .env.<name> and .env.<name>.user (default: env/). */
  readonly envDir: string;
  /** Folder with manifest.json and the icons (default: appPackage/). */
  readonly appPackageDir: string;
  readonly outDir: string;
  /** Wins over the files, like the Toolkit's process environment. */
  readonly overrides?: Readonly<Record<string, string | undefined>>;
}

interface LocalizationInfo {
  readonly additionalLanguages?: ReadonlyArray<{ readonly languageTag: string; readonly file: string }>;
}

export class AppPackageError extends Error {
  override readonly name = 'AppPackageError';
}

export function readEnvironment(envDir: string, envName: string): Record<string, string> {
  if (!/^[a-z0-9-]+$/.test(envName)) throw new AppPackageError(`environment name must be simple, got ${envName}`);
  const values: Record<string, string> = {};
  let found = false;
  for (const file of [`.env.${envName}`, `.env.${envName}.user`]) {
    const full = path.join(envDir, file);
    if (!fs.existsSync(full)) continue;
    found = true;
    Object.assign(values, parseDotenv(fs.readFileSync(full)));
  }
  if (!found) throw new AppPackageError(`no ${path.join(envDir, `.env.${envName}`)}`);
  return values;
}

/** The manifest with every ${{VAR}} filled in; all missing variables are named at once. */
export function renderManifest(template: string, env: Readonly<Record<string, string | undefined>>): unknown {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = env[name];
    if (value === undefined || (value === '' && !MAY_BE_BLANK.has(name))) missing.add(name);
    // Values land inside JSON strings: escape them as JSON would.
    return JSON.stringify(value ?? '').slice(1, -1);
  });
  if (missing.size > 0) throw new AppPackageError(`set these in the env file: ${[...missing].sort().join(', ')}`);
  return JSON.parse(text) as unknown;
}

/**
 * Renders, checks and zips the app package: appPackage/build/tandem-<env>.zip; beside it the add-in only
 * manifest for the Outlook clients the unified one does not reach, derived from it: tandem-<env>-outlook.xml.
 */
export function buildAppPackage(options: PackageOptions): {
  zipPath: string;
  manifest: Record<string, unknown>;
  xmlPath: string;
} {
  const env = { ...readEnvironment(options.envDir, options.envName), ...options.overrides };
  const template = fs.readFileSync(path.join(options.appPackageDir, 'manifest.json'), 'utf8');
  const manifest = renderManifest(template, env) as Record<string, unknown> & { manifestVersion: string };
  // The languages of localizationInfo: rendered like the manifest, each checked against its schema.
  const languages = ((manifest.localizationInfo as LocalizationInfo | undefined)?.additionalLanguages ?? []).map(
    ({ languageTag, file }) => {
      const text = fs.readFileSync(path.join(options.appPackageDir, file), 'utf8');
      return { languageTag, file, strings: renderManifest(text, env) };
    },
  );
  const problems = [
    ...schemaErrors(manifest).map((e) => `schema ${e}`),
    ...hostsOutsideValidDomains(manifest).map((u) => `not in validDomains: ${u}`),
    ...languages.flatMap((l) => localizationErrors(manifest, l.strings).map((e) => `${l.file} ${e}`)),
  ];
  if (problems.length > 0) throw new AppPackageError(`the manifest is not valid:\n  ${problems.join('\n  ')}`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  for (const l of languages) zip.addFile(l.file, Buffer.from(JSON.stringify(l.strings, null, 2)));
  for (const icon of ['color.png', 'outline.png']) zip.addLocalFile(path.join(options.appPackageDir, icon));
  fs.mkdirSync(options.outDir, { recursive: true });
  const zipPath = path.join(options.outDir, `tandem-${options.envName}.zip`);
  zip.writeZip(zipPath);
  const xmlPath = path.join(options.outDir, `tandem-${options.envName}-outlook.xml`);
  fs.writeFileSync(xmlPath, outlookXmlManifest(manifest as unknown as UnifiedManifest));
  return { zipPath, manifest, xmlPath };
}
