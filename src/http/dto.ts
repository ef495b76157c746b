import { z } from 'zod';

/** Shared request/response pieces; modules build their own DTOs from these. */
export const IdParams = z.object({ id: z.uuid() });
/** An optimistic-locking version as a client echoes it: an int4 column, so at most 2³¹−1. */
export const RowVersion = z.number().int().min(1).max(2_147_483_647);
export const Page = {
  // bounded so that the offset stays an integer PostgreSQL can take
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
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
/** Years a person can mean here (ID documents, contracts, logs); outside them PostgreSQL or JavaScript would disagree on the day. */
const sensibleYear = (d: Date) => d.getUTCFullYear() >= 1900 && d.getUTCFullYear() <= 9999;

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 does not), in the years 1900–9999: contract dates, periods, 开通日. */
export const CalendarDate = z.iso.date({ error: 'field.date' }).refine((s) => sensibleYear(new Date(s)), { message: 'field.date' });
/** An instant with its offset (2026-05-01T10:00:00+08:00 or …Z) that exists, as the string sent. */
export const InstantString = z.iso.datetime({ offset: true, error: 'field.instant' }).refine((s) => sensibleYear(new Date(s)), { message: 'field.instant' });
/** An instant with its offset that exists, read as a Date. */
export const Instant = InstantString.transform((s) => new Date(s));
/**
 * An instant, or a calendar date meaning the start of that day in Asia/Shanghai (the business's day),
 * read as a Date — for filters and expiries a person may give either way.
 */
export const InstantOrDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'field.instant' })
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00+08:00` : s))
  .refine(sensibleYear, { message: 'field.instant' });

/** Money on the wire: integer fen (分), never floating yuan; the UI formats it with the rules core. */
export const Fen = z.number().int().meta({ description: 'amount in fen (分): 100 = ¥1.00' });
/** A page of a list, as every list route answers. */
export const PageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
/** A route that answers with no body. */
export const NoContent = z.null().meta({ description: 'no content' });
/**
 * A file download (PDF, .docx, CSV, zone file): the body is the file — bytes (a Buffer) or text. Fastify
 * sends either as is (no JSON serialization), so this only types the handler and describes the body.
 */
export const FileBody = z
  .custom<Buffer | string>((v) => typeof v === 'string' || Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary', description: 'the file' });
/** A whole list (no paging), as the list routes that answer every row do. */
export const ItemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
