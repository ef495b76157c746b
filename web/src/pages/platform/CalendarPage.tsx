import { App, Button, Card, Space, Tag, Typography, Upload } from 'antd';
import { get, post } from '../../api/client';
import { useSession } from '../../auth/session';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

/** The statutory working-day calendar's coverage; admins load a new year's official schedule. */
export function CalendarPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const { data, reload } = useLoad(() => get<{ years: number[]; loaded: { year: number; source: string | null }[] }>('/calendar/coverage'), []);
  const isAdmin = me?.roles.includes('admin');
  return (
    <>
      <Typography.Title level={3}>{t('nav.calendar')}</Typography.Title>
      <Card title={t('calendar.years')}>
        <Space wrap>
          {data?.years.map((y) => (
            <Tag key={y} color={data.loaded.some((l) => l.year === y) ? 'gold' : 'blue'}>
              {y}
            </Tag>
          ))}
        </Space>
        {isAdmin && (
          <div style={{ marginTop: 16 }}>
            <Upload
              accept="application/json"
              showUploadList={false}
              beforeUpload={async (file) => {
                try {
                  const { year } = await post<{ year: number }>('/calendar/years', JSON.parse(await file.text()));
                  message.success(t('calendar.loaded', { year }));
                  reload();
                } catch (e) {
                  showError(e);
                }
                return false;
              }}
            >
              <Button>{t('calendar.load')}</Button>
            </Upload>
          </div>
        )}
      </Card>
    </>
  );
}
