import { InteractionRequiredAuthError, type AuthenticationResult } from '@azure/msal-browser';
import { OfficeHost } from '../office/office-host';
import { createFakeOffice, type FakeAppointmentConfig } from '../sandbox/fake-office';
import { naaTokenSource, tokenSourceFor, type PcaFactory } from './token-source';

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
});

describe('choosing how the task pane signs in (deployment settings from the service)', () => {
  const m365 = {
    mode: 'm365',
    clientId: 'client-id',
    apiScope: 'api://tandem.example/client-id/access_as_user',
  } as const;
  const appointment = {
    mode: 'read',
    subject: '1:1',
    start: '2026-11-25T10:00:00Z',
    end: '2026-11-25T10:30:00Z',
    body: '',
    organizer: { displayName: 'Avery Chen', emailAddress: 'avery@contoso.com' },
    user: { displayName: 'Blake Diaz', emailAddress: 'blake@contoso.com' },
  } as const;
  const outlook = (config: Partial<FakeAppointmentConfig>) =>
    new OfficeHost(createFakeOffice({ ...appointment, ...config }).office);

  /** Records dev-token requests: Microsoft 365 mode must never make one. */
  function devTokens() {
    const fetched: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = (async (_url: string, init: RequestInit) => {
      fetched.push(String(init.body));
      const payload = btoa(JSON.stringify({ exp: 9_999_999_999 }));
      return new Response(JSON.stringify({ token: `h.${payload}.s` }));
    }) as typeof fetch;
    return { fetched, restore: () => (globalThis.fetch = original) };
  }

  it('uses nested app authentication where Outlook supports NestedAppAuth 1.1', async () => {
    const { factory, calls } = fakePca(async () => result('naa-token'));
    const sso = jest.fn(async () => 'office-sso-token');
    const host = outlook({ nestedAppAuth: true, officeSso: sso });
    expect(await tokenSourceFor(m365, 'blake@contoso.com', host, factory)()).toBe('naa-token');
    expect(calls.scopes).toEqual([[m365.apiScope]]);
    expect(sso).not.toHaveBeenCalled();
  });

  it("falls back to Office's own single sign-on, with its sign-in and consent prompts, where NAA is not supported", async () => {
    const { factory, calls } = fakePca(async () => result('naa-token'));
    const sso = jest.fn(async () => 'office-sso-token');
    const token = tokenSourceFor(m365, 'blake@contoso.com', outlook({ officeSso: sso }), factory);
    expect(await token()).toBe('office-sso-token');
    expect(sso).toHaveBeenCalledWith({ allowSignInPrompt: true, allowConsentPrompt: true });
    expect(calls.factory).toBe(0);
  });

  it('never falls back to dev tokens in Microsoft 365 mode', async () => {
    const dev = devTokens();
    try {
      expect(() => tokenSourceFor(m365, 'blake@contoso.com', outlook({}))).toThrow(/cannot sign in to Tandem/);
      expect(() => tokenSourceFor({ mode: 'm365' }, 'blake@contoso.com', outlook({ nestedAppAuth: true }))).toThrow(
        /no sign-in settings/,
      );
    } finally {
      dev.restore();
    }
    expect(dev.fetched).toEqual([]);
  });

  it("uses the demo user's dev token in embedded mode", async () => {
    const dev = devTokens();
    try {
      await tokenSourceFor({ mode: 'embedded' }, 'Blake@tandem.example', outlook({ nestedAppAuth: true }))();
    } finally {
      dev.restore();
    }
    expect(dev.fetched).toEqual(['{"user":"blake"}']);
  });
});
