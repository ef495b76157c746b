import { useSession } from '../../auth/session';
import { CustomerWorkspace } from '../customers/CustomerWorkspace';

/** 我的公司 — the customer's own record; the API's tenancy makes any other company unreachable. */
export function MyCompanyPage() {
  const { me } = useSession();
  return me?.customerId ? <CustomerWorkspace id={me.customerId} /> : null;
}
