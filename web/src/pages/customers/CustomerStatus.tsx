import { Tag } from 'antd';
import { useI18n, type MessageKey } from '../../i18n';

// Kept apart from CustomersPage (the staff list, with its table) so the portal's landing page can show
// a customer's status without loading the list's code.

export interface Customer {
  id: string;
  name: string;
  uscc: string | null;
  status: 'prospect' | 'active' | 'suspended' | 'former';
  version: number;
  createdAt: string;
  updatedAt: string;
}

const STATUS_COLOR = { prospect: 'default', active: 'green', suspended: 'orange', former: 'red' } as const;

export function CustomerStatus({ status }: { status: Customer['status'] }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`customers.status.${status}` as MessageKey)}</Tag>;
}
