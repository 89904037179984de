import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-config-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('defaults to embedded mode on loopback port 3978 with a .data folder', () => {
    const config = parseConfig({}, root);
    expect(config).toMatchObject({ mode: 'embedded', port: 3978, host: '127.0.0.1', seedDemo: true });
    expect(config.dataDir).toBe(path.join(root, '.data'));
  });

  it('honours PORT and TANDEM_DATA_DIR', () => {
    const config = parseConfig({ PORT: '4100', TANDEM_DATA_DIR: '/tmp/elsewhere' }, root);
    expect(config.port).toBe(4100);
    expect(config.dataDir).toBe('/tmp/elsewhere');
  });

  it('names the variable at fault', () => {
    expect(() => parseConfig({ PORT: 'eighty' }, root)).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: 'eighty' }, root)).toThrow(/PORT/);
    expect(() => parseConfig({ LOG_LEVEL: 'loud' }, root)).toThrow(/LOG_LEVEL/);
  });

  it('reads env/.env.<name> and its .user file, the environment winning', () => {
    fs.mkdirSync(path.join(root, 'env'));
    fs.writeFileSync(path.join(root, 'env', '.env.dev'), 'PORT=4200\nLOG_LEVEL=warn\n');
    fs.writeFileSync(path.join(root, 'env', '.env.dev.user'), 'LOG_LEVEL=error\n');
    expect(parseConfig({ TANDEM_ENV: 'dev' }, root)).toMatchObject({ port: 4200, logLevel: 'error' });
    expect(parseConfig({ TANDEM_ENV: 'dev', PORT: '4300' }, root).port).toBe(4300);
  });

  it('refuses an environment name that could reach outside env/', () => {
    expect(() => parseConfig({ TANDEM_ENV: '../secrets' }, root)).toThrow(/TANDEM_ENV/);
  });

  it('gives the bot embedded defaults: no app, 15 minutes of grace, no identity mapping, the file store', () => {
    const { bot } = parseConfig({}, root);
    expect(bot).toEqual({ recapGraceMs: 15 * 60_000, identities: {}, jobPollMs: 1000 });
  });

  it('parses the bot identity mapping and refuses a malformed entry by name', () => {
    const { bot } = parseConfig({ TANDEM_BOT_IDENTITIES: 'user-id-0=blake, user-id-1=avery' }, root);
    expect(bot.identities).toEqual({ 'user-id-0': 'blake', 'user-id-1': 'avery' });
    expect(() => parseConfig({ TANDEM_BOT_IDENTITIES: 'user-id-0' }, root)).toThrow(/TANDEM_BOT_IDENTITIES/);
  });

  it('wants the app password with an app id, and a valid container name with the blob store', () => {
    expect(() => parseConfig({ MICROSOFT_APP_ID: 'app' }, root)).toThrow(/MICROSOFT_APP_PASSWORD/);
    expect(() => parseConfig({ TANDEM_BLOB_CONTAINER: 'Bad_Name' }, root)).toThrow(/TANDEM_BLOB_CONTAINER/);
    const { bot } = parseConfig({ TANDEM_BLOB_CONNECTION_STRING: 'UseDevelopmentStorage=true' }, root);
    expect(bot.blob).toEqual({ connectionString: 'UseDevelopmentStorage=true', container: 'tandem-ops' });
  });
});
