import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../i18n';

export interface StatusTagProps<V extends string> {
  /** The enum value as the API sends it, e.g. 'terminated_for_cause'. */
  value: V;
  /** The catalog prefix whose `<prefix>.<value>` keys name the values, e.g. 'contracts.status'. */
  prefix: string;
  /** antd tag colour per value; values without one get the neutral tag. */
  colors?: Partial<Record<V, string>>;
}

/**
 * A status (an enum value from the API) as a coloured tag with its label in the UI's language,
 * never the raw value: the catalog holds `<prefix>.<value>` for every value of the server's enum.
 */
export function StatusTag<V extends string>({ value, prefix, colors }: StatusTagProps<V>) {
  const { t } = useI18n();
  return <Tag color={colors?.[value]}>{t(`${prefix}.${value}` as MessageKey)}</Tag>;
}
