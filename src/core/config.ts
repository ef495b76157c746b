import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from './errors.js';

const AddressOrCidr = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
/** An IPv4/IPv6 address, or one with a /prefix of a length that fits it. */
const isAddressOrCidr = (value: string) => AddressOrCidr.safeParse(value).success;

/**
 * Which peers may tell us the client's address and scheme (X-Forwarded-For/-Proto): `none`
 * (the default: the TCP peer is the client), a hop count, or a comma list of addresses/CIDRs.
 * Trusting every peer would let anyone pick the address the sign-in limits and the audit log see.
 */
const TrustProxy = z
  .string()
  .trim()
  .transform((value, ctx): false | number | string[] => {
    if (value === 'none') return false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops >= 1 && hops <= 10) return hops;
      ctx.addIssue({ code: 'custom', message: 'a hop count must be 1 to 10' });
      return z.NEVER;
    }
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.find((e) => !isAddressOrCidr(e));
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: `"${bad}" is not an address or CIDR (expected none, a hop count, or a comma list of addresses/CIDRs)` });
      return z.NEVER;
    }
    return entries;
  });

/** Environment variables, parsed once at start; a wrong value stops the program with a clear message. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where uploaded files (KYC copies, signed contracts, the seal) are kept; default <DATA_DIR>/files. */
  FILES_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /**
   * PostgreSQL only: the role that owns the tables runs the migrations through this URL, and
   * DATABASE_URL's role (which owns nothing) runs the app — it cannot disable audit_log's guard.
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** The Ed25519 private key (PKCS#8 PEM, or its base64 DER) signing audit anchors; default a key file in DATA_DIR. */
  AUDIT_ANCHOR_KEY: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Seconds to wait for the SMTP server to connect, greet and answer each command before the attempt fails. */
  SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `pretty`: one readable line per entry (the default on a terminal); `json`: one JSON object per line (the default otherwise). */
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  /** Load demo data into an empty database on first start (default on for the embedded database). */
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Proxies whose X-Forwarded-* headers are believed; default none. */
  TRUST_PROXY: TrustProxy.default(false),
  /** Failed sign-ins one client address may make (any logins) before its waits begin. */
  LOGIN_ADDRESS_FAILURES: z.coerce.number().int().min(1).max(100_000).default(30),
  /** A second listener serving only /metrics without a token (e.g. `127.0.0.1:9464`), for a private network. */
  METRICS_LISTEN: z.string().regex(/^(\[[0-9a-f:]+\]:|[0-9.]+:)?\d{1,5}$/i, 'a port or address:port').optional(),
  /** `on`: the OpenAPI document and Swagger UI are public; otherwise staff (or a token) only. */
  PUBLIC_API_DOCS: z.enum(['on', 'off']).default('off'),
  /** issue 23 §5: how long a retry with the same Idempotency-Key waits for the first request before taking over (its process may have died). */
  IDEMPOTENCY_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  /** The provider's authoritative name servers and hostmaster, for exported zones (6.1). */
  DNS_NAMESERVERS: z.string().regex(/^[a-z0-9.-]+\.(,[a-z0-9.-]+\.)*$/, 'comma-separated FQDNs ending with a dot').default('ns1.yunqiao-idc.example.,ns2.yunqiao-idc.example.'),
  DNS_HOSTMASTER: z.string().regex(/^[a-z0-9.-]+\.$/, 'an FQDN ending with a dot').default('hostmaster.yunqiao-idc.example.'),
  /**
   * Issue 23 §2: how `serve` has V8 compile the embedded database (PGlite's WebAssembly): `baseline`
   * (Liftoff only) starts ~0.3 s sooner, spends no CPU on recompiling after the start and holds ~70 MB
   * less; `optimizing` adds V8's optimizing tier for the hot functions (a heavy scan or sort takes ~30 %
   * less CPU). No effect on PostgreSQL.
   */
  PGLITE_COMPILER: z.enum(['baseline', 'optimizing']).default('baseline'),
  /** Run pg-boss jobs in this process (turn off for API-only replicas). */
  JOBS: z.enum(['on', 'off']).default('on'),
  /**
   * Issue 16: how many years after the current one the working-day calendar answers for without the
   * State Council's arrangement (derived provisionally from the holiday law); later years are refused.
   */
  CALENDAR_HORIZON_YEARS: z.coerce.number().int().min(0).max(10).default(2),
  /** Demos and browser tests only: the clock reads this instant at start and runs on from there. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  // ── compliance gate (先备案后接入): the nginx in front of the customers' servers ──
  /** Where the gate's nginx.conf and map files are written; default <DATA_DIR>/gate. */
  GATE_DIR: z.string().min(1).optional(),
  NGINX_BIN: z.string().min(1).default('/usr/sbin/nginx'),
  /** nginx `listen` values for plain HTTP (Host header) and TLS (SNI). */
  GATE_HTTP_LISTEN: z.string().regex(/^(\[[0-9a-f:]+\]:|[0-9.]+:)?\d{1,5}$/i, 'a port or address:port').default('80'),
  GATE_HTTPS_LISTEN: z.string().regex(/^(\[[0-9a-f:]+\]:|[0-9.]+:)?\d{1,5}$/i, 'a port or address:port').default('443'),
  GATE_UPSTREAM_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(80),
  GATE_UPSTREAM_HTTPS_PORT: z.coerce.number().int().min(1).max(65535).default(443),
  /** ngx_stream_module.so for Debian's nginx; `none` when the stream module is built in. */
  GATE_STREAM_MODULE: z.string().min(1).default('/usr/lib/nginx/modules/ngx_stream_module.so'),
  /** An operator's own nginx.conf template with the same {{placeholders}} as the built-in one. */
  GATE_TEMPLATE: z.string().min(1).optional(),
  /** The pid file nginx writes and `nginx -s reload` reads; default <GATE_DIR>/nginx.pid. */
  GATE_PID_FILE: z.string().min(1).optional(),
  /** `on`: the job tests and reloads nginx after each change; `off`: only `rackpact gate apply` does. */
  GATE_APPLY: z.enum(['on', 'off']).default('on'),
  /**
   * Issue 18 §6, four eyes: a KYC document or an ICP filing is verified by someone other than who uploaded it.
   * `off` for a one-person shop: the same person may then verify, and each such verification is audited as a waiver.
   */
  FOUR_EYES: z.enum(['on', 'off']).default('on'),
  /** issue 24: staff must enrol a second factor (TOTP or a passkey) before anything else; `off` for tests and demos that sign in by password alone */
  REQUIRE_2FA_STAFF: z.enum(['on', 'off']).default('on'),
  // ── issue 19 §8: the document printer (one warm Chromium shared by every PDF render) ──
  /** `on`: `serve` launches Chromium in the background once it listens, so the first document is quick. */
  PDF_WARM: z.enum(['on', 'off']).default('on'),
  /** Pages of the shared Chromium printing at the same time; further renders wait their turn. */
  PDF_PAGES: z.coerce.number().int().min(1).max(8).default(2),
  /** One render's limit (waiting for a page included); past it the request gets DOCUMENT_RENDER_TIMEOUT (503). */
  PDF_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
});

export type Config = z.infer<typeof ConfigSchema>;

/** The content-addressed file store's directory. */
export function filesDir(config: Pick<Config, 'FILES_DIR' | 'DATA_DIR'>): string {
  return config.FILES_DIR ?? join(config.DATA_DIR, 'files');
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset": shells and .env files often export VAR= to clear a value.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = ConfigSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError('INVALID_INPUT', {
      reason: `${String(issue.path[0])}: ${issue.message}`,
      name: String(issue.path[0]),
    });
  }
  if (result.data.MIGRATION_DATABASE_URL && !result.data.DATABASE_URL) {
    throw new AppError('INVALID_INPUT', { reason: 'MIGRATION_DATABASE_URL: needs DATABASE_URL (the app role) too', name: 'MIGRATION_DATABASE_URL' });
  }
  return result.data;
}
