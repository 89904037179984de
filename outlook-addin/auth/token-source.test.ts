import { InteractionRequiredAuthError, type AuthenticationResult } from '@azure/msal-browser';
import { naaTokenSource, readAddinConfig, tokenSourceFor, type PcaFactory } from './token-source';

const result = (accessToken: string) => ({ accessToken }) as AuthenticationResult;

function fakePca(silent: () => Promise<AuthenticationResult>) {
  const calls = { factory: 0, silent: 0, popup: 0, scopes: [] as string[][] };
  const factory: PcaFactory = async (configuration) => {
    calls.factory += 1;
    expect(configuration.auth.clientId).toBe('client-id');
    return {
      acquireTokenSilent: async (request) => {
        calls.silent += 1;
        calls.scopes.push(request.scopes);
        return silent();
      },
      acquireTokenPopup: async () => {
        calls.popup += 1;
        return result('from-popup');
      },
    };
  };
  return { factory, calls };
}

describe('nested app authentication', () => {
  it("asks silently for Tandem's API scope, creating the client once", async () => {
    const { factory, calls } = fakePca(async () => result('silent-token'));
    const token = naaTokenSource('client-id', 'api://tandem/access_as_user', factory);
    expect(await token()).toBe('silent-token');
    expect(await token()).toBe('silent-token');
    expect(calls).toMatchObject({
      factory: 1,
      silent: 2,
      popup: 0,
      scopes: [['api://tandem/access_as_user'], ['api://tandem/access_as_user']],
    });
  });

  it('falls back to a popup when interaction is required', async () => {
    const { factory, calls } = fakePca(async () => {
      throw new InteractionRequiredAuthError('consent_required', 'AADSTS65001');
    });
    expect(await naaTokenSource('client-id', 'scope', factory)()).toBe('from-popup');
    expect(calls.popup).toBe(1);
  });

  it('passes on other failures without a popup', async () => {
    const { factory, calls } = fakePca(async () => {
      throw new Error('network down');
    });
    await expect(naaTokenSource('client-id', 'scope', factory)()).rejects.toThrow('network down');
    expect(calls.popup).toBe(0);
  });

  it('uses nested app authentication only when the page was built for a tenant', async () => {
    const { factory, calls } = fakePca(async () => result('t'));
    await tokenSourceFor({ clientId: 'client-id', apiScope: 's' }, 'blake@contoso.com', factory)();
    expect(calls.silent).toBe(1);
    const fetched: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      fetched.push(String(init.body));
      const payload = btoa(JSON.stringify({ exp: 9_999_999_999 }));
      return new Response(JSON.stringify({ token: `h.${payload}.s` }));
    }) as typeof fetch;
    try {
      await tokenSourceFor({}, 'Blake@tandem.example', factory)();
    } finally {
      globalThis.fetch = original;
    }
    expect(fetched).toEqual(['{"user":"blake"}']);
  });
});

describe('add-in configuration', () => {
  it('reads the meta tags the page was built with, treating empty ones as absent', () => {
    const metas: Record<string, string> = { 'tandem-client-id': 'abc', 'tandem-api-scope': '' };
    const doc = {
      querySelector: (selector: string) => {
        const name = /name="([^"]+)"/.exec(selector)?.[1] ?? '';
        return name in metas ? { content: metas[name] } : null;
      },
    } as unknown as Document;
    expect(readAddinConfig(doc)).toEqual({ clientId: 'abc' });
  });
});
