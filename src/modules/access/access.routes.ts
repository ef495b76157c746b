import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scopeOf } from '../../http/auth.js';
import { FileBody, IdParams } from '../../http/dto.js';
import { contentDisposition } from '../../http/download.js';
import {
  AccessSettingsBody,
  AccessSettingsView,
  BookingOptions,
  BookVisitBody,
  BringInBody,
  CheckInBody,
  CustomerQuery,
  DecideVisitBody,
  FrontDesk,
  FrontDeskQuery,
  HoldList,
  Movement,
  MovementList,
  MovementQuery,
  PersonParams,
  ReleaseBody,
  ReportRangeQuery,
  TakeOutBody,
  Visit,
  VisitList,
  VisitQuery,
  VisitReport,
} from './access.dto.js';
import type { AccessService } from './access.service.js';

/** Shanghai dates → the instants of a visit filter (windows touching [from, to]). */
const range = (q: { from?: string; to?: string }) => ({
  from: q.from ? new Date(`${q.from}T00:00:00+08:00`) : undefined,
  to: q.to ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000) : undefined,
});

export function accessRoutes(deps: { access: AccessService }): FastifyPluginAsyncZod {
  const { access } = deps;
  const tags = ['access'];
  return async (app) => {
    app.get('/access/settings', { schema: { tags, summary: "The site's opening hours, the longest visit, the roster roles that may authorise equipment", response: { 200: AccessSettingsView } } }, async (request) =>
      access.settings(scopeOf(request)),
    );
    app.put('/access/settings', { schema: { tags, summary: 'Change the opening hours, the longest visit, the equipment roles (admin)', body: AccessSettingsBody, response: { 200: AccessSettingsView } } }, async (request) =>
      access.setSettings(scopeOf(request), request.body),
    );
    app.get('/access/booking-options', { schema: { tags, summary: "What a visit may be booked for: the rooms holding the customer's servers, its servers, its roster now", querystring: CustomerQuery, response: { 200: BookingOptions } } }, async (request) =>
      access.bookingOptions(scopeOf(request), request.query.customerId),
    );
    app.get('/access/visits', { schema: { tags, summary: 'Visit requests (进出机房申请): by customer, status, room, dates (a customer sees its own)', querystring: VisitQuery, response: { 200: VisitList } } }, async (request) => {
      const { from, to, ...rest } = request.query;
      return { items: await access.visits(scopeOf(request), { ...rest, ...range({ from, to }) }) };
    });
    app.post('/access/visits', { schema: { tags, summary: "Book a visit: window, room, the people from the customer's roster now (5.10), purpose, servers", body: BookVisitBody, response: { 201: Visit } } }, async (request, reply) =>
      reply.status(201).send(await access.book(scopeOf(request), request.body)),
    );
    app.get('/access/visits/export.csv', { schema: { tags, summary: 'The visit log as CSV: one line per person, times in Beijing time', querystring: VisitQuery, produces: ['text/csv'], response: { 200: FileBody } } }, async (request, reply) => {
      const { from, to, ...rest } = request.query;
      const csv = await access.visitsCsv(scopeOf(request), { ...rest, ...range({ from, to }) });
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition('进出机房记录.csv'));
      return csv;
    });
    app.get('/access/visits/:id', { schema: { tags, summary: 'A visit with its people, each with whether they were on the roster at the time of the visit', params: IdParams, response: { 200: Visit } } }, async (request) =>
      access.visit(scopeOf(request), request.params.id),
    );
    app.post('/access/visits/:id/decision', { schema: { tags, summary: 'Approve or refuse a visit (a refusal says why); the customer is told through its notices', params: IdParams, body: DecideVisitBody, response: { 200: Visit } } }, async (request) =>
      access.decide(scopeOf(request), request.params.id, request.body),
    );
    app.post('/access/visits/:id/people/:personId/check-in', { schema: { tags, summary: 'At the door: the person checked against the roster now, the ID document (type and last 4 only), escort', params: PersonParams, body: CheckInBody, response: { 200: Visit } } }, async (request) =>
      access.checkIn(scopeOf(request), request.params.id, request.params.personId, request.body),
    );
    app.post('/access/visits/:id/people/:personId/check-out', { schema: { tags, summary: 'The time out', params: PersonParams, response: { 200: Visit } } }, async (request) =>
      access.checkOut(scopeOf(request), request.params.id, request.params.personId),
    );
    app.get('/access/front-desk', { schema: { tags, summary: "The front desk: today's expected visitors (approved visits touching the day, Asia/Shanghai)", querystring: FrontDeskQuery, response: { 200: FrontDesk } } }, async (request) =>
      access.frontDesk(scopeOf(request), request.query.date),
    );
    app.get('/access/reports/visits', { schema: { tags, summary: 'Visits per customer and per room between two dates', querystring: ReportRangeQuery, response: { 200: VisitReport } } }, async (request) =>
      access.visitReport(scopeOf(request), request.query),
    );
    app.get('/access/equipment', { schema: { tags, summary: 'Equipment in and out (设备进出单), newest first (a customer sees its own)', querystring: MovementQuery, response: { 200: MovementList } } }, async (request) => ({
      items: await access.movements(scopeOf(request), request.query),
    }));
    app.get('/access/equipment/export.csv', { schema: { tags, summary: 'The equipment log as CSV', querystring: CustomerQuery, produces: ['text/csv'], response: { 200: FileBody } } }, async (request, reply) => {
      const csv = await access.movementsCsv(scopeOf(request), request.query);
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', contentDisposition('设备进出记录.csv'));
      return csv;
    });
    app.post('/access/equipment/in', { schema: { tags, summary: 'A server brought in: its passed intake inspection (5.2), racked now (7.1: the racking day starts the term)', body: BringInBody, response: { 201: Movement } } }, async (request, reply) =>
      reply.status(201).send(await access.bringIn(scopeOf(request), request.body)),
    );
    app.post('/access/equipment/releases', { schema: { tags, summary: 'A release authorised by a roster person authorised for equipment (5.10)', body: ReleaseBody, response: { 201: Movement } } }, async (request, reply) =>
      reply.status(201).send(await access.authoriseRelease(scopeOf(request), request.body)),
    );
    app.get('/access/equipment/:id/holds', { schema: { tags, summary: 'What would block this release now: unpaid invoices past due, complaints with evidence, withheld inspections', params: IdParams, response: { 200: HoldList } } }, async (request) => ({
      items: await access.releaseHolds(scopeOf(request), request.params.id),
    }));
    app.post('/access/equipment/:id/take-out', { schema: { tags, summary: 'The server leaves: holds checked (override with a reason, audited), unracked — U, ports, addresses released', params: IdParams, body: TakeOutBody, response: { 200: Movement } } }, async (request) =>
      access.takeOut(scopeOf(request), request.params.id, request.body),
    );
  };
}
