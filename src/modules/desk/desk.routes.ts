import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { Dashboard, DashboardParams, DeskTodo, DigestPreference } from './desk.dto.js';
import type { DeskService } from './desk.service.js';

export function deskRoutes(deps: { desk: DeskService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/desk/todo',
      { schema: { tags: ['desk'], summary: "My to-do list (待办) from every area, by deadline: staff by role, a customer user its own customer's", response: { 200: DeskTodo } } },
      async (request) => {
        const items = await deps.desk.todo(scopeOf(request));
        return { items: items.map(({ portalLink: _p, ...i }) => ({ ...i, roles: [...i.roles] })) };
      },
    );
    app.get(
      '/desk/dashboards/:role',
      { schema: { tags: ['desk'], summary: "A role's dashboard: figures counted by the database, each linked to its list, and charts (staff of that role, admins, auditors)", params: DashboardParams, response: { 200: Dashboard } } },
      async (request) => deps.desk.dashboard(scopeOf(request), request.params.role),
    );
    app.get('/desk/digest', { schema: { tags: ['desk'], summary: 'Whether I get the daily to-do digest e-mail (staff)', response: { 200: DigestPreference } } }, async (request) =>
      deps.desk.digestPreference(scopeOf(request)),
    );
    app.put(
      '/desk/digest',
      { schema: { tags: ['desk'], summary: 'Opt out of (or back into) the daily to-do digest e-mail (staff, for themselves)', body: DigestPreference, response: { 200: DigestPreference } } },
      async (request) => deps.desk.setDigestPreference(scopeOf(request), request.body.optedOut),
    );
  };
}
