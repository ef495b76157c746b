import { Alert, Button, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, client, unwrap, type Schemas } from '../../api/client';
import { useCan } from '../../auth/can';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type Settings = Schemas['AccessSettings'];
type RosterRole = Schemas['RosterRole'];
const ROSTER_ROLES: readonly RosterRole[] = ['legal_representative', 'technical_lead', 'network_admin', 'device_admin', 'server_admin', 'contract_contact'];
/** The form as filled in: clock times, the longest visit in hours. */
interface SettingsValues {
  opens: string;
  closes: string;
  maxVisitHours: number;
  equipmentRoles: RosterRole[];
}

/** The server's field names → the form's. */
const FIELD: Record<string, keyof SettingsValues> = { opensMinute: 'opens', closesMinute: 'closes', maxVisitMinutes: 'maxVisitHours', equipmentRoles: 'equipmentRoles' };

const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
const minuteOf = (v: string) => {
  const [h, m] = v.split(':').map(Number);
  return h * 60 + (m || 0);
};

/** Issue 21 (5.10): the site's opening hours, the longest visit and who may authorise equipment — an admin edits them. */
function SettingsForm({ settings, onClose, onSaved }: { settings: Settings; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<SettingsValues>();
  const [general, setGeneral] = useState<string | null>(null);
  const save = (v: SettingsValues) =>
    unwrap(client.PUT('/api/v1/access/settings', { body: { opensMinute: minuteOf(v.opens), closesMinute: minuteOf(v.closes), maxVisitMinutes: Math.round(v.maxVisitHours * 60), equipmentRoles: v.equipmentRoles } })).then(
      () => (onClose(), onSaved()),
      (e: unknown) => {
        // each refusal next to its field, and said at the top, so none goes without its reason
        if (e instanceof ApiError) form.setFields(e.fields.filter((f) => FIELD[f.path]).map((f) => ({ name: FIELD[f.path], errors: [f.message] })));
        setGeneral(e instanceof Error ? e.message : String(e));
      },
    );
  return (
    <Modal open title={t('access.settingsTitle')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'access-settings-save' }} destroyOnHidden>
      {general && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={general} />}
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        initialValues={{ opens: hhmm(settings.opensMinute), closes: hhmm(settings.closesMinute), maxVisitHours: settings.maxVisitMinutes / 60, equipmentRoles: settings.equipmentRoles as RosterRole[] }}
        onFinish={save}
      >
        <Form.Item name="opens" label={t('access.opensAt')} rules={[{ required: true }]}>
          <Input type="time" data-testid="access-opens" />
        </Form.Item>
        <Form.Item name="closes" label={t('access.closesAt')} rules={[{ required: true }]}>
          <Input type="time" data-testid="access-closes" />
        </Form.Item>
        <Form.Item name="maxVisitHours" label={t('access.maxVisit')} rules={[{ required: true }]}>
          <InputNumber min={0.25} max={24} step={0.5} addonAfter={t('access.hoursUnit')} data-testid="access-max-visit" />
        </Form.Item>
        <Form.Item name="equipmentRoles" label={t('access.equipmentRoles')} extra={t('access.equipmentRolesHint')} rules={[{ required: true }]}>
          <Checkbox.Group options={ROSTER_ROLES.map((r) => ({ value: r, label: t(`roster.role.${r}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The access settings as they stand, with the admin's edit. */
export function AccessSettingsCard() {
  const { t, locale } = useI18n();
  const mayEdit = useCan('access.settings');
  const { data, reload } = useLoad(() => unwrap(client.GET('/api/v1/access/settings')), []);
  const [editing, setEditing] = useState(false);
  if (!data) return null;
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={3}
        style={{ marginBottom: 16 }}
        title={<Typography.Text strong>{t('access.settingsTitle')}</Typography.Text>}
        extra={mayEdit && <Button size="small" onClick={() => setEditing(true)} data-testid="access-settings-edit">{t('access.settingsEdit')}</Button>}
        data-testid="access-settings"
      >
        <Descriptions.Item label={t('access.openingHours')}>{`${hhmm(data.opensMinute)}–${hhmm(data.closesMinute)}`}</Descriptions.Item>
        <Descriptions.Item label={t('access.maxVisit')}>{t('access.hoursValue', { h: data.maxVisitMinutes / 60 })}</Descriptions.Item>
        <Descriptions.Item label={t('access.equipmentRoles')}>
          {data.equipmentRoles.map((r) => (ROSTER_ROLES.includes(r as RosterRole) ? t(`roster.role.${r as RosterRole}`) : r)).join(locale === 'en' ? ', ' : '、')}
        </Descriptions.Item>
      </Descriptions>
      {editing && <SettingsForm settings={data} onClose={() => setEditing(false)} onSaved={reload} />}
    </>
  );
}
