import type { Schemas } from '../../api/client';
import { StatusTag } from '../../components';

// Kept apart from CustomersPage (the staff list, with its table) so the portal's landing page can show
// a customer's status without loading the list's code.

type Status = Schemas['CustomerStatus'];
const STATUS_COLOR: Record<Status, string> = { prospect: 'default', active: 'green', suspended: 'orange', former: 'red' };

export function CustomerStatus({ status }: { status: Status }) {
  return <StatusTag value={status} prefix="customers.status" colors={STATUS_COLOR} />;
}
