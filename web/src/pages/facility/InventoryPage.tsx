import { Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useI18n, type MessageKey } from '../../i18n';
import { CabinetsTab, RoomsTab, SitesTab } from './inventory/FloorTabs';
import { PoolsTab, SwitchesTab } from './inventory/NetworkTabs';
import { INVENTORY_TABS, type InventoryTabState } from './inventory/shared';

/**
 * The data centre as NOC builds it (issue 18 §1): sites → rooms → cabinets, switches and their ports,
 * IP pools. Each tab lists, creates, edits and retires; the API's refusals are shown as it words them.
 */
export function InventoryPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: InventoryTabState = INVENTORY_TABS.find((k) => k === params.get('tab')) ?? 'sites';
  const body: Record<InventoryTabState, ReactNode> = {
    sites: <SitesTab />,
    rooms: <RoomsTab />,
    cabinets: <CabinetsTab onElevation={(id) => navigate(`/console/racks?cabinet=${id}`)} />,
    switches: <SwitchesTab />,
    pools: <PoolsTab />,
  };
  return (
    <>
      <Typography.Title level={3}>{t('nav.inventory')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('inventory.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={INVENTORY_TABS.map((k) => ({ key: k, label: <span data-testid={`inventory-tab-${k}`}>{t(`inventory.tab.${k}` as MessageKey)}</span>, children: body[k] }))}
      />
    </>
  );
}
