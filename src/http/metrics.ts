import { createServer, type Server } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** The METRICS_LISTEN listener, when configured (listening once the app is ready). */
    metricsServer?: Server;
  }
}

/** `9464`, `127.0.0.1:9464` or `[::1]:9464`. */
function parseListen(listen: string): { host?: string; port: number } {
  const m = /^(?:\[([0-9a-f:]+)\]:|([0-9.]+):)?(\d{1,5})$/i.exec(listen);
  if (!m) throw new Error(`METRICS_LISTEN: ${listen}`);
  return { host: m[1] ?? m[2], port: Number(m[3]) };
}

/**
 * Prometheus metrics for one app instance (its own registry, so tests can build several apps): on
 * the app's /metrics for a `metrics:read` token, and, with `listen`, on a listener of their own that
 * serves nothing else and asks for no token — for an address only the monitoring network reaches.
 */
export function registerMetrics(app: FastifyInstance, opts: { listen?: string } = {}): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'rackpact_' });
  const requests = new Counter({
    name: 'rackpact_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'rackpact_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { config: { public: true }, schema: { hide: true }, preHandler: requireMetricsToken }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
  if (opts.listen) {
    const { host, port } = parseListen(opts.listen);
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' }).end('not found\n');
        return;
      }
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType, 'x-content-type-options': 'nosniff' }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    app.decorate('metricsServer', server);
    app.addHook('onReady', () => new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    }));
    app.addHook('onClose', () => new Promise<void>((resolve) => server.close(() => resolve())));
  }
  return registry;
}

/** Prometheus scrapes with `authorization: Bearer rpt_…` of a token holding `metrics:read`. */
async function requireMetricsToken(request: FastifyRequest): Promise<void> {
  if (!request.apiToken) throw new AppError(request.scope ? 'FORBIDDEN' : 'NOT_AUTHENTICATED');
  if (!request.apiToken.scopes.includes('metrics:read')) throw new AppError('TOKEN_SCOPE_MISSING', { scope: 'metrics:read' });
}
