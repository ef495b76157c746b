import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { loadMigrations, migrate } from '../../db/migrate.js';

describe('0009_helpdesk on a database with tickets of the old types', () => {
  it("turns 'other' into 'general', keeps 'network', and seeds the default 7×24 targets", async () => {
    const database = await openDatabase({}); // embedded, in memory: this test needs the database before 0009
    try {
      const all = loadMigrations();
      await migrate(database, all.filter((m) => m.version < 9));
      await database.raw.query("INSERT INTO customers (id, name, created_at, updated_at) VALUES ('00000000-0000-4000-8000-000000000001', '旧客户', now(), now())");
      for (const [n, type] of [[1, 'other'], [2, 'network'], [3, 'reboot']] as const) {
        await database.raw.query(
          `INSERT INTO tickets (id, number, customer_id, type, priority, subject, description, status, opened_by, opened_at)
           VALUES ($1, $2, '00000000-0000-4000-8000-000000000001', $3, 'normal', 'x', '', 'open', '00000000-0000-4000-8000-000000000009', now())`,
          [`00000000-0000-4000-8000-00000000010${n}`, `T-${n}`, type],
        );
      }
      await migrate(database, all);
      const rows = await database.raw.query<{ number: string; type: string }>('SELECT number, type FROM tickets ORDER BY number');
      expect(rows.map((r) => r.type)).toEqual(['general', 'network', 'reboot']);
      const targets = await database.raw.query<{ type: string; first_response_minutes: number; resolution_minutes: number | null }>('SELECT * FROM ticket_sla_targets ORDER BY type');
      expect(targets.find((x) => x.type === 'reboot')).toMatchObject({ first_response_minutes: 30, resolution_minutes: 15 });
      // 0009's targets are all 30 minutes; 0034 adds the personal-data request (a day to answer first, 15 working days to close)
      expect(targets.filter((x) => x.type !== 'personal_data').every((x) => x.first_response_minutes === 30)).toBe(true);
      expect(targets.find((x) => x.type === 'personal_data')).toMatchObject({ first_response_minutes: 1440 });
      expect(targets).toHaveLength(9);
      await expect(database.raw.query("UPDATE tickets SET type = 'other' WHERE number = 'T-1'")).rejects.toThrow(/tickets_type_check/);
    } finally {
      await database.close();
    }
  });
});
