import { Alert, App, Button } from 'antd';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../auth/can';
import { useApiErrors } from '../../../hooks';
import { useI18n, type MessageKey } from '../../../i18n';

/** The inventory's tabs, in order; the URL's ?tab= says which is open (links from empty selects). */
export const INVENTORY_TABS = ['sites', 'rooms', 'cabinets', 'switches', 'pools'] as const;
export type InventoryTabState = (typeof INVENTORY_TABS)[number];

/**
 * Who builds the data centre (NOC and admins, from the permission table); everyone else on staff reads it.
 * Every inventory action (create, update, retire of sites, rooms, cabinets, switches, pools) has the same roles.
 */
export function useNoc(): boolean {
  return useCan('site.create');
}

/** Switches to another tab of the inventory page. */
export function useOpenTab() {
  const [, setParams] = useSearchParams();
  return (tab: InventoryTabState) => setParams({ tab });
}

/**
 * Shown instead of an empty select: what is missing, and a link to the tab where it is made.
 * `what` names the thing missing (e.g. "no site yet").
 */
export function MissingHint({ what, tab }: { what: MessageKey; tab: InventoryTabState }) {
  const { t } = useI18n();
  const open = useOpenTab();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={`inventory-missing-${tab}`}
      style={{ marginBottom: 12 }}
      message={t(what)}
      action={
        <Button size="small" type="link" onClick={() => open(tab)}>
          {t(`inventory.goTo.${tab}` as MessageKey)}
        </Button>
      }
    />
  );
}

/** Asks first, then retires (`call` unwraps the API call); the API's refusal (something still lives in it) is shown as sent. */
export function useRetire() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const showError = useApiErrors();
  return (label: string, call: () => Promise<unknown>, done: () => void) =>
    modal.confirm({
      title: t('inventory.retireTitle', { name: label }),
      content: t('inventory.retireConsequence'),
      okText: t('inventory.retire'),
      okButtonProps: { danger: true, 'data-testid': 'inventory-retire-confirm' },
      cancelText: t('common.cancel'),
      onOk: () =>
        call().then(
          () => (message.success(t('inventory.retired', { name: label })), done()),
          (e: unknown) => showError(e),
        ),
    });
}
