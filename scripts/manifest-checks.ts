import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The schema the manifest declares, from the copy @microsoft/app-manifest bundles (works offline). */
export function schemaFor(manifest: { manifestVersion: string }, name = 'MicrosoftTeams.schema.json'): object {
  const dir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(dir, 'build', 'json-schemas', 'teams', `v${manifest.manifestVersion}`, name);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as object;
}

/** Schema violations as "path: message" lines; empty when the manifest is valid. */
export function schemaErrors(manifest: { manifestVersion: string }): string[] {
  return validateWith(schemaFor(manifest), manifest);
}

/**
 * A language file of localizationInfo against the localization schema of the manifest's version, and
 * every string it translates present in the manifest (a key naming nothing is silently ignored by Teams).
 */
export function localizationErrors(manifest: Record<string, unknown> & { manifestVersion: string }, strings: unknown) {
  // Its patterns are not valid as Unicode regular expressions (`\b]`): compile them without the u flag.
  const errors = validateWith(schemaFor(manifest, 'MicrosoftTeams.Localization.schema.json'), strings, false);
  const keys = Object.keys((strings ?? {}) as object).filter((k) => k !== '$schema' && k !== 'localizationKeys');
  return [
    ...errors,
    ...keys.filter((k) => typeof valueAt(manifest, k) !== 'string').map((k) => `${k}: not in the manifest`),
  ];
}

/** The manifest's value at a localization key such as `bots[0].commandLists[0].commands[1].title`. */
export function valueAt(manifest: unknown, key: string): unknown {
  const steps = key.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '');
  // "name.short" is one property path: name → short.
  return steps.reduce<unknown>(
    (at, step) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[step] : undefined),
    manifest,
  );
}

function validateWith(schema: object, value: unknown, unicodeRegExp = true): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'}`);
}

/** Every absolute URL anywhere in the manifest. */
export function urlsIn(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(urlsIn);
  return [];
}

/**
 * URLs whose host Teams would refuse to load: not listed in validDomains (schema links and the `api://`
 * SSO resource are not loaded by the host and are left out).
 */
export function hostsOutsideValidDomains(manifest: Record<string, unknown>): string[] {
  const valid = (manifest.validDomains as string[] | undefined) ?? [];
  const matches = (host: string) =>
    valid.some((d) => (d.startsWith('*.') ? host.endsWith(d.slice(1)) : host === d || host === d.split(':')[0]));
  const { $schema: _schema, ...rest } = manifest;
  return urlsIn(rest).filter((url) => !matches(new URL(url).host) && !matches(new URL(url).hostname));
}
