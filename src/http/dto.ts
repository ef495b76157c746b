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
