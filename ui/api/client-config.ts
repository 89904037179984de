import type { ClientConfig } from '../../core/model/client-config';
import type { FetchLike } from './client';

export type { ClientConfig } from '../../core/model/client-config';

/** The deployment's settings from the service that served this page (never baked in at build time). */
export async function fetchClientConfig(
  fetchImpl: FetchLike = (input, init) => globalThis.fetch(input, init),
): Promise<ClientConfig> {
  const response = await fetchImpl('/api/client-config', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`Tandem's settings could not be read (${response.status})`);
  const config = (await response.json()) as ClientConfig;
  if (config.mode !== 'embedded' && config.mode !== 'm365') throw new Error("Tandem's settings are not readable");
  return config;
}
