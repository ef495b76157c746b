import { money } from '../format';

/** An amount of integer fen as "￥12,345.60" (the rules core's formatting); '—' when absent. */
export function Money({ fen }: { fen: number | null | undefined }) {
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{money(fen)}</span>;
}
