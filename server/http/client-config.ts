import type { ClientConfig } from '../../core/model/client-config';
import type { Config } from '../config';
import { route } from './route';

/**
 * The deployment's settings for the tab and the add-in, told at run time: the Microsoft 365 Agents Toolkit
 * builds the web bundles without our settings, so nothing deployment-specific may be baked into them.
 */
export function clientConfigOf(config: Config): ClientConfig {
  const m365 = config.m365;
  if (!m365) return { mode: 'embedded' };
  return {
    mode: 'm365',
    clientId: m365.clientId,
    apiScope: m365.apiScope,
    ...(m365.teamsAppId && { teamsAppId: m365.teamsAppId }),
  };
}

export function clientConfigRoute(config: Config) {
  const json = clientConfigOf(config);
  return route({
    method: 'get',
    path: '/api/client-config',
    summary: "The deployment's settings the tab and the add-in need before signing in (nothing secret)",
    tag: 'service',
    auth: 'none',
    success: 200,
    handle: async () => ({ json, headers: { 'cache-control': 'no-cache' } }),
  });
}
