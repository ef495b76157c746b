import { Tabs, Typography } from 'antd';
import { useCan } from '../../auth/can';
import { useI18n } from '../../i18n';
import { IncidentsTab } from './IncidentsTab';
import { MaintenanceTab } from './MaintenanceTab';
import { RecomputeTab } from './RecomputeTab';
import { UnmatchedAlertsTab } from './UnmatchedAlertsTab';

/** The NOC's incidents and planned work (6.3, 7.2, 7.3); finance recomputes the compensation ledgers here. */
export function IncidentsPage() {
  const { t } = useI18n();
  const noc = useCan('alert.map');
  const recompute = useCan('compensation.recompute');
  return (
    <>
      <Typography.Title level={3}>{t('nav.incidents')}</Typography.Title>
      <Tabs
        items={[
          { key: 'incidents', label: t('incidents.tab'), children: <IncidentsTab /> },
          { key: 'maintenance', label: t('maintenance.tab'), children: <MaintenanceTab /> },
          ...(noc ? [{ key: 'unmatched', label: t('unmatched.tab'), children: <UnmatchedAlertsTab /> }] : []),
          // 7.2: the recomputation the CLI runs as `compensation recompute`, as a background job (finance, admin)
          ...(recompute ? [{ key: 'recompute', label: t('recompute.tab'), children: <RecomputeTab /> }] : []),
        ]}
      />
    </>
  );
}
