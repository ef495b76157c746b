import { z } from 'zod';

/** Shared request/response pieces; modules build their own DTOs from these. */
export const IdParams = z.object({ id: z.uuid() });
export const Page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: 'Error' });
export const Timestamp = z.date().or(z.string()).nullable();

/*
 * The one strict date and instant of every request (bad input → 400 naming the field, in the user's
 * language). `new Date('2026-02-30')` and z.coerce.date() roll an impossible day over into March and
 * read almost anything as some instant; these refuse what is not a real day or time.
 */
/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not): contract dates, periods, 开通日. */
export const CalendarDate = z.iso.date({ error: 'field.date' });
/** An instant with its offset (2026-05-01T10:00:00+08:00 or …Z) that exists, as the string sent. */
export const InstantString = z.iso.datetime({ offset: true, error: 'field.instant' });
/** An instant with its offset that exists, read as a Date. */
export const Instant = InstantString.transform((s) => new Date(s));
/**
 * An instant, or a calendar date meaning the start of that day in Asia/Shanghai (the business's day),
 * read as a Date — for filters and expiries a person may give either way.
 */
export const InstantOrDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'field.instant' })
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00+08:00` : s));
