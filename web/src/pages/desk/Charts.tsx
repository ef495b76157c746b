import { Bar, Column, Line, Pie } from '@ant-design/plots';
import { Card, Col, Empty, Row } from 'antd';
import type { Schemas } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n';

type Chart = Schemas['DeskChart'];

/**
 * The dashboard's charts, drawn with @ant-design/plots. This module is its own chunk (DeskDashboardPage
 * loads it with React.lazy): the charting library is large and only the dashboard needs it.
 */
export default function DeskCharts({ charts }: { charts: Chart[] }) {
  const { t, has } = useI18n();
  // a point's label in words: contract and domain statuses, aging buckets; months and room names as they are
  const labelOf = (chart: Chart, label: string) => {
    const key =
      chart.key === 'pipeline' ? `contracts.status.${label}` : chart.key === 'domainsByStatus' ? `compliance.status.${label}` : chart.key === 'aging' ? `desk.aging.${label}` : '';
    return key && has(key) ? t(key) : label;
  };
  return (
    <Row gutter={[16, 16]} data-testid="desk-charts">
      {charts.map((chart) => {
        const data = chart.points.map((p) => ({
          label: labelOf(chart, p.label),
          series: has(`desk.series.${p.series}`) ? t(`desk.series.${p.series}` as MessageKey) : p.series,
          // money is drawn in yuan; the API speaks fen
          value: chart.unit === 'fen' ? p.value / 100 : p.value,
        }));
        // drawn at once: the figures beside them are read at once too (and a screenshot shows the final bars)
        const common = { data, height: 260, autoFit: true, animate: false as const };
        const title = t(`desk.chart.${chart.key}` as MessageKey);
        const empty = data.length === 0 || data.every((d) => d.value === 0) && chart.kind === 'pie';
        return (
          <Col xs={24} lg={12} key={chart.key}>
            <Card size="small" title={title} data-testid={`desk-chart-${chart.key}`}>
              {empty ? (
                <Empty description={t('desk.dashboard.noData')} />
              ) : chart.kind === 'line' ? (
                <Line {...common} xField="label" yField="value" colorField="series" point={{ shapeField: 'circle' }} />
              ) : chart.kind === 'column' ? (
                <Column {...common} xField="label" yField="value" colorField="series" group />
              ) : chart.kind === 'bar' ? (
                <Bar {...common} xField="label" yField="value" colorField="series" group />
              ) : (
                <Pie {...common} angleField="value" colorField="label" />
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
