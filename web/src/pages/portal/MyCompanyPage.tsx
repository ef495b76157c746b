import { useSession } from '../../auth/session';
import { CustomerWorkspace } from '../customers/CustomerWorkspace';

/**
 * 我的公司 / 我的证照 / 人员名单 — the customer's own record, opened at the part the menu entry
 * names; the API's tenancy makes any other company unreachable.
 */
export function MyCompanyPage({ tab }: { tab?: 'kyc' | 'roster' }) {
  const { me } = useSession();
  return me?.customerId ? <CustomerWorkspace id={me.customerId} tab={tab} /> : null;
}
