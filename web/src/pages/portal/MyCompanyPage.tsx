import { useSession } from '../../auth/session';
import { CustomerDetail } from '../customers/CustomersPage';

/** 我的公司 — the customer's own record; the API's tenancy makes any other company unreachable. */
export function MyCompanyPage() {
  const { me } = useSession();
  return me?.customerId ? <CustomerDetail id={me.customerId} /> : null;
}
