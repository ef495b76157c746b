import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { UPLOAD_MAX_BYTES } from './upload.js';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
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
import { registerAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { registerInputChecks } from './input.js';
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
}

export async function buildHttpServer(opts: HttpServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    genReqId: () => opts.ids.uuid(),
    requestIdHeader: false,
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  await app.register(cookie);
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
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuth(app, { auth: opts.auth, tokens: opts.tokens });
  registerInputChecks(app);
  registerMetrics(app);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
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
