import { M365_PEOPLE, startM365 } from './m365';

/**
 * `npm run m365:local`: Tandem in Microsoft 365 mode on this machine, against the Graph emulator and the
 * local identity provider, with an Entra-style token for each person. For trying the real sign-in and Graph
 * paths without a tenant; nothing here is for production.
 */
async function main(): Promise<void> {
  const m365 = await startM365();
  const line = '='.repeat(78);
  const tokens = await Promise.all(
    (Object.keys(M365_PEOPLE) as (keyof typeof M365_PEOPLE)[]).map(
      async (name) =>
        `  ${name.padEnd(6)} ${M365_PEOPLE[name].id}\n         ${await m365.idp.userToken(M365_PEOPLE[name].id)}`,
    ),
  );
  console.log(
    [
      line,
      ' TANDEM IN MICROSOFT 365 MODE against a local Graph emulator and identity provider (tests only)',
      line,
      ` Service            ${m365.url}/healthz`,
      ` Graph emulator     ${m365.graph.url}/v1.0/me   (self-signed certificate)`,
      ` Identity provider  ${m365.idp.url}`,
      " Tokens for Tandem's API (valid one hour; Avery manages Blake and Casey):",
      ...tokens,
      ` Try it             curl -s ${m365.url}/api/me/reports -H "authorization: Bearer <avery's token>"`,
      line,
    ].join('\n'),
  );
  const stop = () => {
    m365.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
