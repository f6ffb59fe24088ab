import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * The server's configuration, read from the environment once at start. An invalid value stops the
 * server with a message that names the variable and what was expected.
 */
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DB_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
  PGLITE_DATA_DIR: Type.String({ minLength: 1, default: '.data/pglite' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  COOKIE_SECURE: Type.Boolean({ default: true }),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 12 }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  WEB_DIST_DIR: Type.Optional(Type.String({ minLength: 1 })),
  SIMULATORS: Type.Boolean({ default: false }),
  PUBLIC_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://[^/]+$' })),
  CLAMD_HOST: Type.Optional(Type.String({ minLength: 1 })),
  CLAMD_PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3310 }),
  PAYGOV_MERCHANT_CODE: Type.String({ minLength: 1, default: 'TINHSO-DEMO' }),
  PAYGOV_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  PAYGOV_GATEWAY_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  SMTP_FROM: Type.Optional(Type.String({ minLength: 3 })),
  SMS_GATEWAY_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMS_API_KEY: Type.Optional(Type.String({ minLength: 8 })),
  SMS_BRANDNAME: Type.Optional(Type.String({ minLength: 1, maxLength: 11 })),
  ZALO_ZNS_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  ZALO_ACCESS_TOKEN: Type.Optional(Type.String({ minLength: 8 })),
  ZALO_TEMPLATE_IDS: Type.Optional(Type.String({ minLength: 3 })),
  OUTBOX_POLL_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 1000 }),
  OUTBOX_LEASE_SECONDS: Type.Integer({ minimum: 5, maximum: 3600, default: 300 }),
  LOOKUPS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 30 }),
  DVCQG_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  DVCQG_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  DVCQG_UNIT_CODE: Type.String({ minLength: 1, default: 'H20' }),
  DVCQG_PULL_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 5 }),
  ALERT_SCAN_MINUTES: Type.Integer({ minimum: 0, maximum: 1440, default: 15 }),
  SIGNING_KEY_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  TSA_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  VERIFICATIONS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 20 }),
  REMOTE_SIGNING_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  REMOTE_SIGNING_CLIENT_ID: Type.Optional(Type.String({ minLength: 1 })),
  REMOTE_SIGNING_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  REMOTE_SIGNING_TIMEOUT_SECONDS: Type.Integer({ minimum: 5, maximum: 900, default: 120 }),
  REMOTE_SIGNING_POLL_SECONDS: Type.Integer({ minimum: 1, maximum: 60, default: 3 }),
  TLS_CERT_FILE: Type.Optional(Type.String({ minLength: 1 })),
  TLS_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  EXCHANGE_PEERS: Type.Optional(Type.String({ minLength: 2 })),
  EXCHANGE_PEER_CA_FILE: Type.Optional(Type.String({ minLength: 1 })),
  EXCHANGE_AXIS_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  EXCHANGE_AXIS_SYSTEM_ID: Type.Optional(Type.String({ minLength: 1 })),
  EXCHANGE_AXIS_SECRET_KEY: Type.Optional(Type.String({ minLength: 16 })),
  EXCHANGE_AXIS_PULL_SECONDS: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
});
export type Config = Static<typeof ConfigSchema>;

const DESCRIPTIONS: Record<keyof Config, string> = {
  PORT: 'an integer port between 0 (any free port) and 65535',
  HOST: 'a host name or address to listen on',
  DATABASE_URL: 'a URL starting with postgres:// or postgresql://',
  DB_POOL_MAX: 'an integer between 1 and 200',
  PGLITE_DATA_DIR: 'a folder path, or memory:// for a throwaway database',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  COOKIE_SECURE: 'true or false',
  SESSION_TTL_HOURS: 'an integer number of hours between 1 and 720',
  TRUST_PROXY: 'true or false',
  METRICS_TOKEN: 'a secret of at least 16 characters',
  WEB_DIST_DIR: 'a folder path',
  SIMULATORS: 'true or false: run the local simulators of the national portal, payment, SMS, Zalo and mail',
  PUBLIC_BASE_URL: 'the origin citizens and callbacks reach, e.g. https://dichvucong.example.gov.vn',
  CLAMD_HOST: 'the host of clamd (INSTREAM over TCP); unset: the built-in signature matcher',
  CLAMD_PORT: 'an integer port',
  PAYGOV_MERCHANT_CODE: 'the merchant code given by the payment platform',
  PAYGOV_SECRET: 'the shared secret of at least 16 characters given by the payment platform',
  PAYGOV_GATEWAY_URL: 'the payment platform URL (https://…)',
  SMTP_URL: 'smtp://user:password@host:587 or smtps://…:465',
  SMTP_FROM: 'the sender, e.g. "Cổng dịch vụ công" <no-reply@example.gov.vn>',
  SMS_GATEWAY_URL: 'the SMS brandname gateway URL',
  SMS_API_KEY: 'the SMS gateway key, at least 8 characters',
  SMS_BRANDNAME: 'the registered brandname, at most 11 characters',
  ZALO_ZNS_URL: 'the Zalo ZNS API URL',
  ZALO_ACCESS_TOKEN: 'the Zalo OA access token',
  ZALO_TEMPLATE_IDS: 'code=templateId pairs separated by commas',
  OUTBOX_LEASE_SECONDS:
    'an integer number of seconds a claimed background message stays hidden from other workers; after a crash it waits this long',
  OUTBOX_POLL_MS:
    'an integer number of milliseconds up to 60000; 0 turns the worker off on this copy (another copy delivers)',
  LOOKUPS_PER_MINUTE: 'an integer: public lookups by dossier code allowed per address per minute',
  DVCQG_BASE_URL: 'the national public-service portal integration URL (https://…)',
  DVCQG_TOKEN: 'the access token of the national portal, at least 16 characters',
  DVCQG_UNIT_CODE: 'the province’s level-1 unit code at the national portal, e.g. H20',
  DVCQG_PULL_MINUTES: 'an integer number of minutes between pulls of dossiers filed on the national portal',
  ALERT_SCAN_MINUTES:
    'an integer number of minutes between scans for dossier alerts and reminders to officials; 0 turns the scan off',
  SIGNING_KEY_SECRET:
    'a secret of at least 32 characters from which the key that encrypts the stored signing keys is derived',
  TSA_URL:
    'the RFC 3161 timestamp authority (https://…) stamping every signature (B-T; down: signing answers 503); unset: with SIMULATORS=true the simulated TSA of this server, otherwise no timestamp (B-B)',
  VERIFICATIONS_PER_MINUTE: 'an integer: PDF verifications allowed per address per minute on the public page',
  REMOTE_SIGNING_URL:
    'the remote-signing service (ký số từ xa, https://…); unset with SIMULATORS=true: the simulator on this server',
  REMOTE_SIGNING_CLIENT_ID: 'the client id the remote-signing service issued to this system',
  REMOTE_SIGNING_CLIENT_SECRET: 'the client secret the remote-signing service issued, at least 16 characters',
  REMOTE_SIGNING_TIMEOUT_SECONDS:
    'an integer (5–900): how long a signing waits for the signer to confirm on the phone',
  REMOTE_SIGNING_POLL_SECONDS: 'an integer (1–60): seconds between status queries when no callback arrives',
  TLS_CERT_FILE: 'a PEM certificate file: the server listens over HTTPS (with TLS_KEY_FILE)',
  TLS_KEY_FILE: 'the PEM private key file of TLS_CERT_FILE',
  EXCHANGE_PEERS:
    'a JSON array of {"name","url","secret"}: other TinhSo servers exchanging documents directly (secret: 32+ characters, shared with that peer)',
  EXCHANGE_PEER_CA_FILE: 'a PEM file of extra CA certificates trusted when calling peers',
  EXCHANGE_AXIS_URL: 'the national document-exchange axis adapter URL (https://…)',
  EXCHANGE_AXIS_SYSTEM_ID: 'the SystemId VPCP issued for this system',
  EXCHANGE_AXIS_SECRET_KEY: 'the SecretKey VPCP issued, at least 16 characters',
  EXCHANGE_AXIS_PULL_SECONDS: 'an integer number of seconds between pulls from the national axis',
};

export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, expected: string, got: string) {
    super(`Invalid configuration: ${variable}=${JSON.stringify(got)}; expected ${expected}.`);
    this.variable = variable;
  }
}

function coerce(key: keyof Config, raw: string): unknown {
  const schema = ConfigSchema.properties[key] as { type?: string };
  if (schema.type === 'integer') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

/** Reads and validates the configuration; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties) as (keyof Config)[]) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') input[key] = coerce(key, raw);
  }
  const withDefaults = Value.Default(ConfigSchema, input);
  for (const key of Object.keys(ConfigSchema.properties) as (keyof Config)[]) {
    const value = (withDefaults as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!Value.Check(ConfigSchema.properties[key], value)) {
      throw new ConfigError(key, DESCRIPTIONS[key], env[key] ?? '');
    }
  }
  return withDefaults as Config;
}
