/** Times are stored in UTC and shown in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = new Date(new Date(value).getTime() + 8 * 3600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}
