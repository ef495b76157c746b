import type { FastifyReply } from 'fastify';
import { toCsv } from '../core/csv.js';

/** A CSV download: UTF-8 with a BOM (Excel), CRLF, formula-safe cells. */
export function sendCsv(reply: FastifyReply, filename: string, columns: readonly string[], rows: readonly (readonly unknown[])[]) {
  return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(toCsv(columns, rows));
}
