import { sql } from 'drizzle-orm';
import { rowsOf } from '../../core/desk.js';
import type { Db } from '../../db/client.js';

/** A cabinet this full (share of its U in use) counts as nearly full on the NOC's desk. */
export const NEARLY_FULL_SHARE = 0.9;

/**
 * The floor on the desk (issue 20): cabinets nearly full, and U and power in use across the floor,
 * summed by the database (each live server once, as floor.repository's utilisation does).
 */
export function makeFacilityDesk(db: Db) {
  return {
    area: 'facility',
    async figures() {
      const [r] = rowsOf<Record<string, number>>(
        await db.execute(sql`
          SELECT count(*) FILTER (WHERE c.height_u > 0 AND coalesce(u.used_u, 0) >= ${NEARLY_FULL_SHARE}::float8 * c.height_u)::int AS nearly_full,
                 coalesce(sum(c.height_u), 0)::float8 AS total_u, coalesce(sum(u.used_u), 0)::float8 AS used_u,
                 coalesce(sum(c.power_budget_w), 0)::float8 AS budget_w, coalesce(sum(u.power_w), 0)::float8 AS power_w
            FROM cabinets c
            LEFT JOIN (
              SELECT p.cabinet_id, sum(p.u) AS used_u, sum(p.power_w) AS power_w
                FROM (SELECT DISTINCT ON (sp.cabinet_id, sp.server_id) sp.cabinet_id, upper(sp.u_range) - lower(sp.u_range) AS u, s.power_w
                        FROM server_placements sp JOIN servers s ON s.id = sp.server_id WHERE sp.removed_at IS NULL) p
               GROUP BY p.cabinet_id
            ) u ON u.cabinet_id = c.id
           WHERE c.retired_at IS NULL AND c.status = 'active'`),
      );
      const pct = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 10 : 0);
      return {
        cabinetsNearlyFull: Number(r?.nearly_full ?? 0),
        uUtilisationPercent: pct(Number(r?.used_u ?? 0), Number(r?.total_u ?? 0)),
        powerUtilisationPercent: pct(Number(r?.power_w ?? 0), Number(r?.budget_w ?? 0)),
      };
    },
  };
}
export type FacilityDesk = ReturnType<typeof makeFacilityDesk>;
