import type { BrowserContext } from 'playwright-core';

/** What the host hands the add-in for a token request: Entra's tokens for the signed-in person. */
export interface NaaAccount {
  readonly tenantId: string;
  readonly oid: string;
  readonly username: string;
  readonly name: string;
  readonly accessToken: (tokenParams: Record<string, unknown>) => Promise<string>;
  readonly idToken: () => Promise<string>;
}

/**
 * Outlook's side of nested app authentication: `window.nestedAppAuthBridge`, speaking msal-browser's BridgeProxy
 * protocol (naa/BridgeProxy, AuthBridge, BridgeResponseEnvelope): JSON string requests
 * `{messageType: 'NestedAppAuthRequest', method, requestId, tokenParams}`, answered through the bridge's
 * `message` listeners with `{messageType: 'NestedAppAuthResponse', requestId, success, initContext | token,
 * account}`. Requests cross into this process, which asks the local identity provider, so the token the
 * add-in gets is what Entra would broker. `requests` lists the methods called, in order.
 */
export async function installNaaBridge(
  context: BrowserContext,
  account: NaaAccount,
): Promise<{ requests: Array<{ method: string; tokenParams?: Record<string, unknown> }> }> {
  const requests: Array<{ method: string; tokenParams?: Record<string, unknown> }> = [];
  const msalAccount = {
    homeAccountId: `${account.oid}.${account.tenantId}`,
    environment: 'login.microsoftonline.com',
    tenantId: account.tenantId,
    username: account.username,
    localAccountId: account.oid,
    name: account.name,
  };
  await context.exposeBinding('__rehearsalNaaBridge', async (_source, message: string) => {
    const request = JSON.parse(message) as {
      method: string;
      requestId: string;
      tokenParams?: Record<string, unknown>;
    };
    requests.push({ method: request.method, ...(request.tokenParams && { tokenParams: request.tokenParams }) });
    const envelope = { messageType: 'NestedAppAuthResponse', requestId: request.requestId };
    if (request.method === 'GetInitContext') {
      return JSON.stringify({
        ...envelope,
        success: true,
        initContext: {
          sdkName: 'rehearsal-outlook',
          sdkVersion: '1.0.0',
          capabilities: { queryAccount: false },
          accountContext: {
            homeAccountId: msalAccount.homeAccountId,
            environment: msalAccount.environment,
            tenantId: account.tenantId,
          },
        },
      });
    }
    if (request.method === 'GetToken' || request.method === 'GetTokenPopup') {
      const tokenParams = request.tokenParams ?? {};
      return JSON.stringify({
        ...envelope,
        success: true,
        token: {
          access_token: await account.accessToken(tokenParams),
          id_token: await account.idToken(),
          expires_in: 3600,
          scope: String(tokenParams.scope ?? ''),
          properties: null,
        },
        account: msalAccount,
      });
    }
    return JSON.stringify({
      ...envelope,
      success: false,
      error: { status: 'NESTED_APP_AUTH_UNAVAILABLE', code: 'unsupported', description: request.method },
    });
  });
  await context.addInitScript(() => {
    type Listener = (response: string) => void;
    const listeners: Listener[] = [];
    const send = (message: string) =>
      (globalThis as unknown as { __rehearsalNaaBridge: (m: string) => Promise<string> }).__rehearsalNaaBridge(message);
    (globalThis as unknown as { nestedAppAuthBridge: unknown }).nestedAppAuthBridge = {
      addEventListener: (_event: string, listener: Listener) => listeners.push(listener),
      removeEventListener: (_event: string, listener: Listener) => {
        const at = listeners.indexOf(listener);
        if (at >= 0) listeners.splice(at, 1);
      },
      postMessage: (message: string) => {
        void send(message).then((response) => listeners.forEach((listener) => listener(response)));
      },
    };
  });
  return { requests };
}
