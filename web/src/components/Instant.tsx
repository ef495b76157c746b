import { instant } from '../format';

/**
 * An instant from the API shown in Beijing time to the minute ('2026-12-28 10:05'); the exact UTC
 * value is in the element's title and dateTime for whoever needs it. '—' when absent.
 */
export function Instant({ value }: { value: string | null | undefined }) {
  return value ? (
    <time dateTime={value} title={value}>
      {instant(value)}
    </time>
  ) : (
    <>{instant(value)}</>
  );
}
