import { z } from 'zod';
import { DESK_AREAS } from '../../core/desk.js';
import { STAFF_ROLES } from '../../core/scope.js';
import { Timestamp } from '../../http/dto.js';
import { DASHBOARD_ROLES } from './desk.service.js';

export const DeskItem = z
  .object({
    kind: z.string(),
    area: z.enum(DESK_AREAS).meta({ id: 'DeskArea' }),
    subjectId: z.string(),
    titleKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    dueAt: Timestamp,
    clause: z.string().nullable(),
    customerId: z.string().nullable(),
    customerName: z.string().nullable(),
    link: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
    forCustomer: z.boolean(),
  })
  .meta({ id: 'DeskItem', description: 'One to-do item (待办): what is due, by when (dueAt, null = no deadline), for whom, under which clause' });
export const DeskTodo = z.object({ items: z.array(DeskItem) }).meta({ id: 'DeskTodo' });

export const DashboardRole = z.enum(DASHBOARD_ROLES).meta({ id: 'DashboardRole' });
export const DashboardParams = z.object({ role: DashboardRole });
const Unit = z.enum(['count', 'fen', 'hours', 'percent']).meta({ id: 'DeskUnit' });
export const DeskFigure = z
  .object({ key: z.string(), value: z.number(), unit: Unit, link: z.string() })
  .meta({ id: 'DeskFigure', description: 'A dashboard number counted by the database, with the filtered list behind it (link)' });
export const DeskChart = z
  .object({
    key: z.string(),
    kind: z.enum(['line', 'column', 'bar', 'pie']),
    unit: Unit,
    points: z.array(z.object({ label: z.string(), series: z.string(), value: z.number() })),
  })
  .meta({ id: 'DeskChart' });
export const Dashboard = z.object({ role: DashboardRole, asOf: Timestamp, figures: z.array(DeskFigure), charts: z.array(DeskChart) }).meta({ id: 'DeskDashboard' });
export const DigestPreference = z.object({ optedOut: z.boolean() }).meta({ id: 'DeskDigestPreference' });
