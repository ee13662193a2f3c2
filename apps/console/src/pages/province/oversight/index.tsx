import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { InstanceState, Oversight } from '../../../services/review/views';
import type { Coverage } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportButton } from '../../../components/export-button';
import { JURISDICTIONS, STAGE_NAMES, jurisdictionName } from '../../../lib/vocabulary';

// The charts' library loads with this page only, and after its tables.
const EChart = lazy(() => import('../../../components/echart'));

const OPEN_STAGES = [
  'SUBMITTED',
  'ACCEPTED',
  'EXPERT_GROUP_REQUESTED',
  'GROUP_FORMED',
  'PRELIMINARY_REVIEW',
  'PROVINCIAL_RECHECK_PRELIMINARY',
  'RETURNED',
  'ONSITE_EVALUATION',
  'COMPREHENSIVE_REVIEW',
  'PROVINCIAL_RECHECK_COMPREHENSIVE',
  'APPROVAL',
  'PUBLIC_NOTICE',
  'FILING_NOTICE_REQUESTED',
];
const FINISHED_STAGES = ['FILING_NOTICE_ISSUED', 'NOT_PASSED', 'CLOSED'];

const STATE_TAGS: Record<InstanceState, { color: string; text: string }> = {
  live: { color: 'green', text: '正常' },
  stale: { color: 'orange', text: '数据滞后' },
  'never-heard': { color: 'red', text: '从未收到' },
};

const time = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');
const cityLabel = (code: string, name: string) => (code === '220000' ? '省直' : name);

function StateTag({ state }: { state: InstanceState }) {
  const t = STATE_TAGS[state];
  return <Tag color={t.color}>{t.text}</Tag>;
}

function ChartBox({ option, label }: { option: Record<string, unknown>; label: string }) {
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 280 }} />}>
      <EChart option={option} label={label} />
    </Suspense>
  );
}

/**
 * 省级监管: every city's work in one place, from the province's own read model of the instances' events (never a
 * city's tables) — cases by city and stage, overdue cases, working days per stage, filings per month — and the
 * occupations some cities cannot certify yet (publication's coverage). An instance that stopped reporting is shown
 * stale with the time it was last heard from: its figures are that old, not zero.
 */
export default function OversightPage() {
  const view = useQuery({ queryKey: ['oversight'], queryFn: () => call<Oversight>('review', 'get', '/oversight'), refetchInterval: 15_000 });
  const coverage = useQuery({ queryKey: ['coverage'], queryFn: () => call<Coverage>('publication', 'get', '/public/register/coverage') });
  const [exportCity, setExportCity] = useState<string>('220100');
  const v = view.data;

  const stale = v?.instances.filter((i) => i.state !== 'live') ?? [];
  const gaps = (coverage.data?.occupations ?? []).filter((o) => o.citiesWithout.length > 0);

  const charts = useMemo(() => {
    if (!v) return undefined;
    const cities = v.cities.filter((c) => c.open + c.finished > 0 || c.servedBy === c.jurisdiction);
    const names = cities.map((c) => cityLabel(c.jurisdiction, c.name));
    const stagesInUse = OPEN_STAGES.filter((s) => cities.some((c) => c.byStage[s]));
    return {
      byStage: {
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 40, right: 16, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: names },
        yAxis: { type: 'value', minInterval: 1 },
        series: stagesInUse.map((s) => ({ type: 'bar', stack: 'open', name: STAGE_NAMES[s] ?? s, data: cities.map((c) => c.byStage[s] ?? 0) })),
      },
      overdue: {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: names },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', name: '在办', data: cities.map((c) => c.open), itemStyle: { color: '#91caff' } },
          { type: 'bar', name: '超期', data: cities.map((c) => c.overdue), itemStyle: { color: '#ff4d4f' } },
        ],
      },
      durations: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 40, right: 16, top: 40, bottom: 60 },
        xAxis: { type: 'category', data: v.stageDurations.filter((d) => d.count > 0).map((d) => d.name), axisLabel: { rotate: 20 } },
        yAxis: { type: 'value', name: '工作日' },
        series: [
          { type: 'bar', name: '中位数', data: v.stageDurations.filter((d) => d.count > 0).map((d) => d.median) },
          { type: 'bar', name: '90分位', data: v.stageDurations.filter((d) => d.count > 0).map((d) => d.p90) },
          { type: 'line', name: '时限', data: v.stageDurations.filter((d) => d.count > 0).map((d) => d.limitWorkingDays) },
        ],
      },
      filings: {
        tooltip: { trigger: 'axis' },
        grid: { left: 40, right: 16, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: v.filingsPerMonth.map((m) => m.month) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'line', name: '备案数', data: v.filingsPerMonth.map((m) => m.filings), areaStyle: {} }],
      },
    };
  }, [v]);

  const totals = v && {
    open: v.cities.reduce((n, c) => n + c.open, 0),
    overdue: v.cities.reduce((n, c) => n + c.overdue, 0),
    filed: v.filingsPerMonth.reduce((n, m) => n + m.filings, 0),
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          省级监管
        </Typography.Title>
        <Space wrap>
          <ExportButton service="review" path="/oversight/export.xlsx" fileName={`省级监管-${v?.today ?? ''}.xlsx`}>
            导出监管报表（Excel）
          </ExportButton>
          <Select
            size="small"
            aria-label="导出案件清单的地区"
            value={exportCity}
            onChange={setExportCity}
            style={{ width: 120 }}
            options={[{ value: '', label: '全省' }, ...JURISDICTIONS.map((j) => ({ value: j.code, label: cityLabel(j.code, j.name) }))]}
          />
          <ExportButton
            service="review"
            path={`/exports/cases.xlsx${exportCity ? `?jurisdiction=${exportCity}` : ''}`}
            fileName={`${exportCity ? jurisdictionName(exportCity) : '全省'}案件清单.xlsx`}
          >
            导出案件清单（Excel）
          </ExportButton>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        数据来自各审核实例上报的事件与心跳，统计时间 {v ? time(v.asOf) : '—'}；超过 {v ? Math.round(v.staleAfterMs / 1000) : '—'}{' '}
        秒未收到心跳的实例标为“数据滞后”，其数字为最后一次收到时的情况。
      </Typography.Paragraph>
      <ErrorAlert error={view.error} />
      {view.isLoading && <Skeleton active />}
      {stale.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="部分审核实例数据滞后"
          description={stale.map((i) => `${i.name}：${i.heardAt ? `最后收到 ${time(i.heardAt)}` : '从未收到心跳'}`).join('；')}
        />
      )}
      {v && totals && (
        <>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="在办案件" value={totals.open} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="超期案件" value={totals.overdue} valueStyle={totals.overdue ? { color: '#cf1322' } : undefined} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="已备案（累计）" value={totals.filed} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="尚有空白的职业" value={gaps.length} />
              </Card>
            </Col>
          </Row>

          <Card size="small" title="审核实例">
            <Table
              aria-label="审核实例"
              rowKey="jurisdiction"
              size="small"
              pagination={false}
              dataSource={v.instances}
              columns={[
                { title: '审核实例', render: (_, i) => i.name },
                { title: '状态', render: (_, i) => <StateTag state={i.state} /> },
                { title: '最后收到', render: (_, i) => time(i.heardAt) },
                { title: '实例统计时间', render: (_, i) => time(i.asOf) },
                { title: '上报在办', render: (_, i) => i.reportedOpenCases ?? '—' },
                { title: '上报超期', render: (_, i) => i.reportedOverdueCases ?? '—' },
              ]}
            />
          </Card>

          <Card size="small" title="各地案件（城市 × 阶段）">
            {charts && <ChartBox option={charts.byStage} label="各地在办案件按阶段分布的柱状图" />}
            <Table
              aria-label="城市 × 阶段"
              rowKey="jurisdiction"
              size="small"
              pagination={false}
              scroll={{ x: 1400 }}
              dataSource={v.cities}
              columns={[
                { title: '属地', fixed: 'left', render: (_, c) => cityLabel(c.jurisdiction, c.name) },
                { title: '数据', render: (_, c) => <StateTag state={c.state} /> },
                ...[...OPEN_STAGES, ...FINISHED_STAGES].map((s) => ({
                  title: STAGE_NAMES[s] ?? s,
                  render: (_: unknown, c: Oversight['cities'][number]) => c.byStage[s] ?? 0,
                })),
                { title: '在办', render: (_, c) => c.open },
                { title: '超期', render: (_, c) => (c.overdue ? <Typography.Text type="danger">{c.overdue}</Typography.Text> : 0) },
              ]}
            />
          </Card>

          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="超期案件（按属地）">
                {charts && <ChartBox option={charts.overdue} label="各地在办与超期案件数的柱状图" />}
                <Table
                  aria-label="超期案件"
                  rowKey="caseId"
                  size="small"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  dataSource={v.overdueCases}
                  locale={{ emptyText: '没有超期案件' }}
                  columns={[
                    { title: '属地', render: (_, c) => jurisdictionName(c.jurisdiction) },
                    { title: '机构', render: (_, c) => c.institutionName ?? c.caseId },
                    { title: '阶段', render: (_, c) => STAGE_NAMES[c.stage] ?? c.stage },
                    { title: '到期日', render: (_, c) => c.deadline.dueDate ?? '—' },
                    { title: '已用工作日', render: (_, c) => `${c.deadline.waitedWorkingDays ?? '—'} / ${c.deadline.limitWorkingDays ?? '—'}` },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="各阶段用时（工作日）">
                {charts && <ChartBox option={charts.durations} label="各阶段用时中位数与90分位的柱状图" />}
                <Table
                  aria-label="各阶段用时"
                  rowKey="stage"
                  size="small"
                  pagination={false}
                  dataSource={v.stageDurations.filter((d) => d.count > 0)}
                  locale={{ emptyText: '尚无已完成的阶段' }}
                  columns={[
                    { title: '阶段', render: (_, d) => d.name },
                    { title: '次数', render: (_, d) => d.count },
                    { title: '中位数', render: (_, d) => d.median ?? '—' },
                    { title: '90分位', render: (_, d) => d.p90 ?? '—' },
                    { title: '最长', render: (_, d) => d.max ?? '—' },
                    { title: '时限', render: (_, d) => d.limitWorkingDays ?? '—' },
                  ]}
                />
              </Card>
            </Col>
          </Row>

          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="月度备案">
                {v.filingsPerMonth.length === 0 ? (
                  <Alert type="info" showIcon title="尚无下发备案通知的案件" />
                ) : (
                  <>
                    {charts && <ChartBox option={charts.filings} label="每月下发备案通知数的折线图" />}
                    <Table
                      aria-label="月度备案"
                      rowKey="month"
                      size="small"
                      pagination={false}
                      dataSource={v.filingsPerMonth}
                      columns={[
                        { title: '月份', render: (_, m) => m.month },
                        { title: '备案数', render: (_, m) => m.filings },
                        {
                          title: '属地',
                          render: (_, m) =>
                            Object.entries(m.byJurisdiction)
                              .map(([code, n]) => `${jurisdictionName(code)} ${n}`)
                              .join('、') || '—',
                        },
                      ]}
                    />
                  </>
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title="职业覆盖空白"
                extra={
                  <Space>
                    <Link to="/register/coverage">覆盖详情</Link>
                    <ExportButton service="publication" path="/public/register/coverage/export.xlsx" fileName="职业覆盖情况.xlsx">
                      导出（Excel）
                    </ExportButton>
                  </Space>
                }
              >
                <ErrorAlert error={coverage.error} />
                <Table
                  aria-label="职业覆盖空白"
                  rowKey="code"
                  size="small"
                  loading={coverage.isLoading}
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  dataSource={gaps}
                  locale={{ emptyText: '已备案的职业在各市（州）均有机构可认定' }}
                  columns={[
                    { title: '职业（工种）', render: (_, o) => `${o.name}（${o.code}）` },
                    { title: '已覆盖', render: (_, o) => o.jurisdictions.map((j) => cityLabel(j.code, j.name)).join('、') },
                    { title: '尚无机构的市（州）', render: (_, o) => `${o.citiesWithout.length} 个：${o.citiesWithout.map((c) => c.name).join('、')}` },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
