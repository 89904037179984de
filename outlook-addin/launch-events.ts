import { TandemApi } from '../ui/api/client';
import { fetchClientConfig } from '../ui/api/client-config';
import { devTokenSource } from '../ui/auth/dev-token-source';
import { cachedToken } from '../ui/auth/token-cache';
import { offerOneOnOne } from './office/offer-one-on-one';
import type { LaunchEventLike, OfficeLike } from './office/office-types';

/**
 * The event-based activation bundle (launch.html / launch.js; no React, no Fluent: it runs in the background
 * on every new appointment). The manifests name these action ids: `extensions.autoRunEvents` in the unified
 * manifest, LaunchEvent FunctionName in the add-in only one.
 */
export const LAUNCH_ACTIONS = ['onNewAppointmentOrganizer', 'onAppointmentAttendeesChanged'] as const;

/** The organizer's direct reports from Tandem, signed in without a prompt (a background handler cannot ask). */
function directReports(office: OfficeLike) {
  return async () => {
    const config = await fetchClientConfig();
    const user = office.context.mailbox.userProfile.emailAddress.split('@')[0]!.trim().toLowerCase();
    const getToken =
      config.mode === 'embedded'
        ? devTokenSource(user)
        : cachedToken(() => {
            if (!office.auth) throw new Error('no single sign-on in this Outlook');
            return office.auth.getAccessToken({ allowSignInPrompt: false, allowConsentPrompt: false });
          });
    return new TandemApi({ baseUrl: '', getToken }).reports();
  };
}

const office = (globalThis as unknown as { Office?: OfficeLike }).Office;
for (const action of LAUNCH_ACTIONS) {
  office?.actions?.associate(action, (event: LaunchEventLike) =>
    offerOneOnOne(office, directReports(office)).finally(() => event.completed()),
  );
}
