import { Alert, App, Button, Card, Form, Image, Input, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { startRegistration, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { client, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Instant } from '../../components';
import { useApiErrors, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';

type SessionRow = Schemas['AccountSession'];
type EnrolmentEntry = Schemas['TotpEnrolment'];
/** the browser's registration answer, as the server's body takes it */
type PasskeyAnswerEntry = { id: string; rawId: string; type: 'public-key'; response: Record<string, unknown> } & Record<string, unknown>;

/** A name for a new passkey: the browser's platform and the day. */
const passkeyName = () => `${navigator.platform || 'passkey'} ${new Date().toISOString().slice(0, 10)}`;

/** 账户安全 (issue 24): where I am signed in, my authenticator (TOTP) and recovery codes. */
export function AccountSecurity() {
  const { t } = useI18n();
  const { me, refresh } = useSession();
  const { message } = App.useApp();
  const showError = useApiErrors();
  const sessions = useLoad(() => unwrap(client.GET('/api/v1/account/sessions')), []);
  const factors = useLoad(() => unwrap(client.GET('/api/v1/account/factors')), []);
  const [enrolment, setEnrolment] = useState<EnrolmentEntry>();
  const [codes, setCodes] = useState<string[]>();
  const [form] = Form.useForm<{ code: string }>();

  const end = async (id: string) => {
    try {
      await unwrap(client.DELETE('/api/v1/account/sessions/{id}', { params: { path: { id } } }));
      sessions.reload();
    } catch (e) {
      showError(e);
    }
  };
  const begin = async () => {
    try {
      setCodes(undefined);
      setEnrolment(await unwrap(client.POST('/api/v1/account/totp')));
    } catch (e) {
      showError(e);
    }
  };
  const addPasskey = async () => {
    try {
      const optionsJSON = (await unwrap(client.POST('/api/v1/account/passkeys/options'))) as unknown as PublicKeyCredentialCreationOptionsJSON;
      const response = await startRegistration({ optionsJSON });
      await unwrap(client.POST('/api/v1/account/passkeys', { body: { name: passkeyName(), response: response as unknown as PasskeyAnswerEntry } }));
      message.success(t('security.passkeyAdded'));
      factors.reload();
      await refresh();
    } catch (e) {
      showError(e);
    }
  };
  const removePasskey = async (id: string) => {
    try {
      await unwrap(client.DELETE('/api/v1/account/passkeys/{id}', { params: { path: { id } } }));
      factors.reload();
    } catch (e) {
      showError(e);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    try {
      const result = await unwrap(client.POST('/api/v1/account/totp/confirm', { body: { code } }));
      setEnrolment(undefined);
      setCodes(result.recoveryCodes);
      form.resetFields();
      message.success(t('security.totpOn'));
      factors.reload();
      sessions.reload();
      await refresh();
    } catch (e) {
      showError(e, form);
    }
  };

  return (
    <>
      {me?.enrolmentRequired && <Alert data-testid="enrolment-required" type="warning" showIcon style={{ marginBottom: 16, maxWidth: 880 }} title={t('security.required')} />}
      <Card title={t('security.totp')} style={{ maxWidth: 880, marginBottom: 24 }}>
        {factors.data?.totp ? (
          <Space direction="vertical">
            <Tag color="green" data-testid="totp-on">{t('security.totpOn')}</Tag>
            <Typography.Text>{t('security.recoveryLeft', { count: factors.data.recoveryCodesLeft })}</Typography.Text>
          </Space>
        ) : enrolment ? (
          <Space align="start" size="large" wrap>
            <Image src={enrolment.qrDataUri} width={220} preview={false} alt="otpauth QR" />
            <div style={{ maxWidth: 420 }}>
              <Typography.Paragraph>{t('security.scan')}</Typography.Paragraph>
              <Typography.Paragraph>
                {t('security.secret')} <Typography.Text data-testid="totp-secret" code copyable>{enrolment.secret}</Typography.Text>
              </Typography.Paragraph>
              <Form form={form} layout="inline" onFinish={confirm}>
                <Form.Item name="code" rules={[{ required: true }]}>
                  <Input data-testid="totp-code" placeholder="123456" inputMode="numeric" autoComplete="one-time-code" />
                </Form.Item>
                <Button data-testid="totp-confirm" type="primary" htmlType="submit">
                  {t('security.confirm')}
                </Button>
              </Form>
            </div>
          </Space>
        ) : (
          <Button data-testid="totp-begin" type="primary" onClick={begin}>
            {t('security.enrol')}
          </Button>
        )}
        {codes && (
          <Alert
            data-testid="recovery-codes"
            type="info"
            style={{ marginTop: 16 }}
            title={t('security.codesOnce')}
            description={<List size="small" dataSource={codes} renderItem={(c) => <List.Item><Typography.Text code>{c}</Typography.Text></List.Item>} />}
          />
        )}
      </Card>
      <Card
        title={t('security.passkeys')}
        style={{ maxWidth: 880, marginBottom: 24 }}
        extra={
          <Button data-testid="passkey-add" onClick={addPasskey}>
            {t('security.passkeyAdd')}
          </Button>
        }
      >
        <List
          data-testid="passkey-list"
          size="small"
          dataSource={factors.data?.passkeys ?? []}
          locale={{ emptyText: t('security.noPasskeys') }}
          renderItem={(p) => (
            <List.Item
              actions={[
                <Popconfirm key="remove" title={t('security.passkeyRemoveConfirm')} onConfirm={() => removePasskey(p.id)}>
                  <Button size="small" danger>
                    {t('security.passkeyRemove')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <span data-testid="passkey-item">{p.name}</span> · <Instant value={p.createdAt} />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('security.sessions')} style={{ maxWidth: 880, marginBottom: 24 }}>
        <Table<SessionRow>
          rowKey="id"
          size="small"
          loading={sessions.loading}
          dataSource={sessions.data?.items}
          pagination={false}
          columns={[
            { title: t('security.device'), dataIndex: 'userAgent', render: (v: SessionRow['userAgent'], row) => <><span title={v ?? undefined}>{v ? deviceOf(v) : '—'}</span> {row.current && <Tag color="blue">{t('security.thisSession')}</Tag>}</> },
            { title: t('security.address'), dataIndex: 'ip', render: (v: SessionRow['ip']) => v ?? '—' },
            { title: t('security.lastSeen'), dataIndex: 'lastSeenAt', render: (v: SessionRow['lastSeenAt']) => <Instant value={v} /> },
            {
              title: t('common.actions'),
              render: (_, row) =>
                row.current ? null : (
                  <Popconfirm title={t('security.endConfirm')} onConfirm={() => end(row.id)}>
                    <Button size="small" danger>
                      {t('security.end')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}

/**
 * A session's device as people name it ("Chrome 156 · Linux"), from its User-Agent header; the whole
 * header stays in the tooltip. Order matters: Edge and Chrome both say Safari, Edge also says Chrome.
 */
function deviceOf(userAgent: string): string {
  const browser =
    [/Edg\/(\d+)/, /Firefox\/(\d+)/, /(?:Headless)?Chrome\/(\d+)/, /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari/]
      .map((re, i) => {
        const m = re.exec(userAgent);
        return m ? `${['Edge', 'Firefox', 'Chrome', 'Safari'][i]} ${m[1]}` : undefined;
      })
      .find(Boolean) ?? userAgent.split(/[ /]/)[0];
  const os = /Windows/.test(userAgent) ? 'Windows' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Mac OS X/.test(userAgent) ? 'macOS' : /Android/.test(userAgent) ? 'Android' : /Linux/.test(userAgent) ? 'Linux' : undefined;
  return os ? `${browser} · ${os}` : browser;
}
