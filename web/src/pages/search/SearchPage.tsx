import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { client, unwrap, type Schemas } from '../../api/client';
import { useSession } from '../../auth/session';
import { Money, StatusTag } from '../../components';
import { useLoad } from '../../hooks';
import { useI18n, type MessageKey } from '../../i18n';

type Hit = Schemas['SearchHit'];
type Kind = Schemas['SearchKind'];
type ChainLink = Schemas['SearchChainLink'];

/** Where each kind's status label lives in the catalogs (the areas' own words). */
const STATUS_PREFIX: Partial<Record<Kind, string>> = {
  domain: 'compliance.status',
  server: 'facility.status',
  cabinet: 'inventory.cabinetStatus',
  contract: 'contracts.status',
  invoice: 'billing.status',
  customer: 'customers.status',
};

/** The page a hit or a step of its chain opens: the console's pages for staff, the portal's for a customer. */
function hrefOf(base: string, staff: boolean, link: { kind: Kind | ChainLink['kind']; id: string }, hit?: Hit): string {
  switch (link.kind) {
    case 'server':
      return `${base}/servers/${link.id}`;
    case 'cabinet':
      return `${base}/racks?cabinet=${link.id}`;
    case 'customer':
      return staff ? `${base}/customers/${link.id}` : base;
    case 'contract':
      return `${base}/contracts/${link.id}`;
    case 'domain':
      return `${base}/domains`;
    case 'invoice':
    case 'ip': {
      // an invoice is shown on its contract's page, an address on its server's
      const to = hit?.chain.find((c) => c.kind === (link.kind === 'invoice' ? 'contract' : 'server')) ?? hit?.chain[0];
      return to ? hrefOf(base, staff, to) : base;
    }
  }
}

/** The chain of a hit: server → cabinet → customer → contract, each a link. */
function Chain({ hit, base, staff }: { hit: Hit; base: string; staff: boolean }) {
  const { t } = useI18n();
  if (!hit.chain.length) return null;
  return (
    <Space size={4} wrap data-testid="search-chain">
      {hit.chain.map((c, i) => (
        <Fragment key={`${c.kind}-${c.id}`}>
          {i > 0 && <RightOutlined style={{ fontSize: 10, color: '#999' }} />}
          <Typography.Text type="secondary">{t(`search.kind.${c.kind}` as MessageKey)}</Typography.Text>
          <Link to={hrefOf(base, staff, c)} data-testid={`chain-${c.kind}`}>
            {c.label}
          </Link>
        </Fragment>
      ))}
    </Space>
  );
}

export function SearchPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const staff = me?.kind === 'staff';
  const base = staff ? '/console' : '/portal';
  const { data, loading } = useLoad(() => (q ? unwrap(client.GET('/api/v1/search', { params: { query: { q } } })) : Promise.resolve(undefined)), [q]);
  return (
    <>
      <Typography.Title level={3}>{t('search.title')}</Typography.Title>
      <Input.Search
        defaultValue={q}
        key={q}
        allowClear
        enterButton
        placeholder={t('search.placeholder')}
        style={{ maxWidth: 560, marginBottom: 16 }}
        onSearch={(v) => v.trim() && navigate(`${base}/search?q=${encodeURIComponent(v.trim())}`)}
      />
      {!q ? (
        <Typography.Paragraph type="secondary">{t('search.hint')}</Typography.Paragraph>
      ) : loading && !data ? (
        <Spin />
      ) : !data?.groups.length ? (
        <Empty data-testid="search-empty" description={t('search.none', { q })} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="search-results">
          <Typography.Text type="secondary">{t('search.askedKinds', { kinds: data.kinds.map((k) => t(`search.kind.${k}` as MessageKey)).join(t('search.kindSeparator')) })}</Typography.Text>
          {data.groups.map((g) => (
            <Card key={g.kind} size="small" title={`${t(`search.group.${g.kind}` as MessageKey)} (${g.hits.length})`} data-testid={`search-group-${g.kind}`}>
              <List<Hit>
                dataSource={g.hits}
                renderItem={(hit) => {
                  const prefix = STATUS_PREFIX[hit.kind];
                  return (
                    <List.Item data-testid="search-hit">
                      <Space direction="vertical" size={2}>
                        <Space wrap>
                          <Link to={hrefOf(base, staff, hit, hit)} data-testid="search-hit-link">
                            <Typography.Text strong>{hit.label}</Typography.Text>
                          </Link>
                          {prefix && hit.status && <StatusTag value={hit.status} prefix={prefix} />}
                          {hit.detail && <Typography.Text type="secondary">{hit.detail}</Typography.Text>}
                          {hit.amountFen !== null && (
                            <Tag>
                              <Money fen={hit.amountFen} />
                            </Tag>
                          )}
                        </Space>
                        <Chain hit={hit} base={base} staff={staff} />
                      </Space>
                    </List.Item>
                  );
                }}
              />
            </Card>
          ))}
        </Space>
      )}
    </>
  );
}
