import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/** The schema the manifest declares, from the copy @microsoft/app-manifest bundles (works offline). */
export function schemaFor(manifest: { manifestVersion: string }): object {
  const dir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = path.join(
    dir,
    'build',
    'json-schemas',
    'teams',
    `v${manifest.manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  return JSON.parse(fs.readFileSync(file, 'utf8')) as object;
}

/** Schema violations as "path: message" lines; empty when the manifest is valid. */
export function schemaErrors(manifest: { manifestVersion: string }): string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schemaFor(manifest));
  if (validate(manifest)) return [];
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
