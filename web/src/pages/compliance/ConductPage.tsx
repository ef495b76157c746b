import { Tabs, Typography } from 'antd';
import { client, unwrap } from '../../api/client';
import { useSession } from '../../auth/session';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { ComplaintsTab } from './ComplaintsTab';
import { InspectionsTab } from './InspectionsTab';
import { ServicesTab } from './ServicesTab';

/** 合规事项 — complaints, inspections and declared services; staff act on them, the customer sees its own. */
export function ConductPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const staff = me?.kind === 'staff';
  const { data: servers } = useLoad(() => unwrap(client.GET('/api/v1/servers')), []);
  const list = servers?.items ?? [];
  return (
    <>
      <Typography.Title level={3}>{t('nav.conduct')}</Typography.Title>
      <Tabs
        items={[
          { key: 'complaints', label: t('conduct.complaints'), children: <ComplaintsTab staff={staff} /> },
          { key: 'inspections', label: t('conduct.inspections'), children: <InspectionsTab staff={staff} servers={list} /> },
          { key: 'services', label: t('conduct.services'), children: <ServicesTab staff={staff} servers={list} /> },
        ]}
      />
    </>
  );
}
