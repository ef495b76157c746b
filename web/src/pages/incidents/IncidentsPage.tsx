import { Tabs, Typography } from 'antd';
import { useCan } from '../../auth/can';
import { useI18n } from '../../i18n';
import { IncidentsTab } from './IncidentsTab';
import { MaintenanceTab } from './MaintenanceTab';
import { UnmatchedAlertsTab } from './UnmatchedAlertsTab';

/** The NOC's incidents and planned work (6.3, 7.2, 7.3). */
export function IncidentsPage() {
  const { t } = useI18n();
  const noc = useCan('alert.map');
  return (
    <>
      <Typography.Title level={3}>{t('nav.incidents')}</Typography.Title>
      <Tabs
        items={[
          { key: 'incidents', label: t('incidents.tab'), children: <IncidentsTab /> },
          { key: 'maintenance', label: t('maintenance.tab'), children: <MaintenanceTab /> },
          ...(noc ? [{ key: 'unmatched', label: t('unmatched.tab'), children: <UnmatchedAlertsTab /> }] : []),
        ]}
      />
    </>
  );
}
