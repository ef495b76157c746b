import { CheckCircleFilled, ClockCircleOutlined, StopOutlined } from '@ant-design/icons';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { client, unwrap, type Schemas } from '../api/client';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';

type OnboardingStep = Schemas['OnboardingStep'];

export interface OnboardingChecklistProps {
  /** the customer's path (about its current contract) … */
  customerId?: string;
  /** … or one contract's */
  contractId?: string;
  /** changes when something the steps depend on changed on this page (a review, a signature): the list reloads */
  refreshKey?: unknown;
}

const STATE_COLOR: Record<OnboardingStep['state'], string> = { done: 'green', todo: 'gold', blocked: 'default' };

function StateIcon({ state }: { state: OnboardingStep['state'] }) {
  if (state === 'done') return <CheckCircleFilled style={{ color: '#52c41a', fontSize: 18 }} />;
  if (state === 'todo') return <ClockCircleOutlined style={{ color: '#faad14', fontSize: 18 }} />;
  return <StopOutlined style={{ color: '#bfbfbf', fontSize: 18 }} />;
}

/**
 * The guided path (issue 18 §2) as the server computes it: each step done, to do or blocked, who does it, what is
 * missing in words, and a link to the page where it is done. Shown on the customer workspace, the contract page
 * and the customer's own portal.
 */
export function OnboardingChecklist({ customerId, contractId, refreshKey }: OnboardingChecklistProps) {
  const { t, locale } = useI18n();
  // what is missing comes worded by the server in the reader's language: a language switch asks again
  const { data } = useLoad(
    () =>
      contractId
        ? unwrap(client.GET('/api/v1/contracts/{id}/onboarding', { params: { path: { id: contractId } } }))
        : unwrap(client.GET('/api/v1/customers/{id}/onboarding', { params: { path: { id: customerId ?? '' } } })),
    [customerId, contractId, refreshKey, locale],
  );
  if (!data) return null;
  const done = data.steps.filter((s) => s.state === 'done').length;
  return (
    <Card
      size="small"
      style={{ margin: '12px 0' }}
      data-testid="onboarding-checklist"
      title={
        <Flex gap={12} align="center" wrap>
          <span>{t('onboarding.title')}</span>
          <Progress percent={Math.round((done / data.steps.length) * 100)} size="small" style={{ width: 160, margin: 0 }} format={() => `${done}/${data.steps.length}`} />
        </Flex>
      }
    >
      <Flex vertical gap={10}>
        {data.steps.map((s, i) => (
          <Flex key={s.key} gap={10} align="flex-start" data-testid={`onboarding-step-${s.key}`} data-state={s.state}>
            <StateIcon state={s.state} />
            <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{`${i + 1}. ${t(`onboarding.step.${s.key}`)}`}</Typography.Text>
                <Tag color={STATE_COLOR[s.state]}>{t(`onboarding.state.${s.state}`)}</Tag>
                {s.state !== 'done' && (
                  <Typography.Text type="secondary">
                    {t('onboarding.who')}
                    {s.actors.map((a) => t(a === 'customer' ? 'onboarding.actor.customer' : `role.${a}`)).join(t('onboarding.or'))}
                  </Typography.Text>
                )}
                <Link to={s.href} data-testid={`onboarding-link-${s.key}`}>
                  {t(s.state === 'done' ? 'onboarding.view' : 'onboarding.go')}
                </Link>
              </Flex>
              {s.missing.map((m) => (
                <Typography.Text key={m.code + m.text} type={s.state === 'blocked' ? 'secondary' : undefined} style={{ fontSize: 13 }}>
                  · {m.text}
                </Typography.Text>
              ))}
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
