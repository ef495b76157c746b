import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { UPLOAD_MAX_BYTES } from './upload.js';
import fastifyStatic from '@fastify/static';
import { registerRequestLog } from './logging.js';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import { docsGate, registerAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { registerInputChecks } from './input.js';
import { registerIdempotency, type IdempotencyStore } from './idempotency.js';
import { registerMetrics } from './metrics.js';
import type { AuthService } from '../modules/auth/auth.service.js';
import type { TokensService } from '../modules/auth/tokens.service.js';

const HealthBody = z.object({ ok: z.boolean(), database: z.string(), migration: z.number() });

/** A business area's HTTP face: one OpenAPI tag, routes mounted under /api/v1. */
export interface HttpModule {
  tag: { name: string; description: string };
  routes: FastifyPluginAsyncZod;
}

export interface HttpServerOptions {
  modules: HttpModule[];
  auth: AuthService;
  tokens: TokensService;
  ids: IdGenerator;
  health: () => Promise<{ ok: boolean; database: string; migration: number }>;
  logger?: FastifyBaseLogger;
  /** Built web UI; served with an SPA fallback when present. */
  webDir?: string;
  version: string;
  /** TRUST_PROXY: which peers' X-Forwarded-* headers are believed (false: none). */
  trustProxy?: false | number | string[];
  /** PUBLIC_URL; an https one turns on HSTS. */
  publicUrl?: string;
  /** PUBLIC_API_DOCS=on: the OpenAPI document and Swagger UI need no sign-in. */
  publicApiDocs?: boolean;
  /** METRICS_LISTEN: a second listener for /metrics alone, without a token. */
  metricsListen?: string;
  /** issue 23 §5: stored answers of POSTs sent with an Idempotency-Key. */
  idempotency?: { store: IdempotencyStore; leaseSeconds: number };
}

/**
 * One policy for the web app, Swagger UI and the API: scripts only from our own origin (neither
 * has an inline script), no framing by anyone. Styles allow 'unsafe-inline' because antd writes
 * its CSS-in-JS into <style> elements at run time and Swagger UI sets style attributes.
 */
const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/**
 * zod validates and serializes every route (setValidatorCompiler below): given as the compilers'
 * factory too, Fastify does not load Ajv and fast-json-stringify for compilers nobody uses (issue 23 §1).
 */
const ZOD_COMPILERS = { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler } as unknown as NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

export async function buildHttpServer(opts: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // issue 23 §6: a debug line per request and an info summary a minute (registerRequestLog), not Fastify's two info lines
    ...(opts.logger ? { loggerInstance: opts.logger, logController: new LogController({ disableRequestLogging: true }) } : { logger: false }),
    genReqId: () => opts.ids.uuid(),
    requestIdHeader: false,
    // a hop count trusts that many proxies nearest to us, whatever their addresses
    trustProxy: typeof opts.trustProxy === 'number' ? trustHops(opts.trustProxy) : (opts.trustProxy ?? false),
    bodyLimit: 1024 * 1024,
    schemaController: { compilersFactory: ZOD_COMPILERS },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  if (opts.logger) registerRequestLog(app);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only where the site is served over https; on plain http it would pin nothing but confusion
    strictTransportSecurity: opts.publicUrl?.startsWith('https:') ? { maxAge: 31_536_000 } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // before the documentation routes, so that they see who is asking
  registerAuth(app, { auth: opts.auth, tokens: opts.tokens });
  registerInputChecks(app);
  if (opts.idempotency) registerIdempotency(app, opts.idempotency.store, opts.idempotency.leaseSeconds);
  const gateDocs = docsGate(opts.publicApiDocs ?? false);
  // uploads (KYC copies, signed contracts): one file of at most 10 MB; the module checks type by content
  await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 20, fieldSize: 1000 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'rackpact API', version: opts.version, description: 'IDC 服务器托管 — the colocation agreement as a system' },
      tags: opts.modules.map((m) => m.tag),
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rp_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null }, uiHooks: { preHandler: gateDocs } });

  registerMetrics(app, { listen: opts.metricsListen });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true }, preHandler: gateDocs }, async () => app.swagger());
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: 'Liveness: database reachable, migration version',
        response: { 200: HealthBody, 503: HealthBody },
      },
    },
    async (_request, reply) => {
      const health = await opts.health();
      return reply.status(health.ok ? 200 : 503).send(health);
    },
  );

  await app.register(
    async (api) => {
      for (const m of opts.modules) await api.register(m.routes);
    },
    { prefix: '/api/v1' },
  );

  const webDir = opts.webDir && existsSync(join(opts.webDir, 'index.html')) ? resolve(opts.webDir) : undefined;
  if (webDir) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });

  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/metrics' || !webDir || request.method !== 'GET') {
      throw new AppError('NOT_FOUND', { entity: 'route' });
    }
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}
