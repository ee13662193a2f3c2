import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Checkbox, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { WorkQueue } from '../../../services/review/views';
import { ErrorAlert } from '../../../components/error-alert';
import { ExportButton } from '../../../components/export-button';
import { DeadlineTag, waitedText } from '../../../components/deadline-tag';
import { APPLICATION_KIND_NAMES, STAGE_NAMES, jurisdictionName } from '../../../lib/vocabulary';
import { useAuth } from '../../../auth/auth-context';
import { countByStage, filterRows, rowsOf, sortRows, type QueueFilter, type QueueRow, type QueueSort } from './queue-rows';

const STAGE_ORDER = Object.keys(STAGE_NAMES);

export function useWorkQueue() {
  return useQuery({ queryKey: ['work-queue'], queryFn: () => call<WorkQueue>('review', 'get', '/queue'), refetchInterval: 10_000 });
}

/** 待办: the cases of my jurisdiction that wait for me, with working days waited, due date and 督办; and those I supervise. */
export default function WorkQueuePage() {
  const { session } = useAuth();
  const queue = useWorkQueue();
  const [filter, setFilter] = useState<QueueFilter>({ scope: 'waiting' });
  const [sort, setSort] = useState<QueueSort>('urgency');
  const rows = useMemo(() => rowsOf(queue.data), [queue.data]);
  const scoped = filterRows(rows, { scope: filter.scope });
  const counts = countByStage(scoped, STAGE_ORDER);
  const shown = sortRows(filterRows(rows, filter), sort);
  const overdue = scoped.filter((r) => r.deadline.overdue).length;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          待办 · {jurisdictionName(session?.user.jurisdiction)}职业技能鉴定中心
        </Typography.Title>
        <ExportButton service="review" path="/exports/cases.xlsx" fileName={`${jurisdictionName(session?.user.jurisdiction)}案件清单.xlsx`}>
          导出本地区案件（Excel）
        </ExportButton>
      </Space>
      <ErrorAlert error={queue.error} />
      {queue.data && queue.data.awaitingCalendarCount > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${queue.data.awaitingCalendarCount} 件案件的公示在等待下一年度的工作日历`}
          description="请联系系统管理员加载国务院办公厅公布的节假日安排。"
        />
      )}
      <Card size="small" title="各阶段案件数">
        <Space wrap size={[8, 8]} aria-label="各阶段案件数">
          <Tag.CheckableTag checked={!filter.stage} onChange={() => setFilter({ ...filter, stage: undefined })}>
            全部 {scoped.length}
          </Tag.CheckableTag>
          {counts.map((c) => (
            <Tag.CheckableTag
              key={c.stage}
              checked={filter.stage === c.stage}
              onChange={(on) => setFilter({ ...filter, stage: on ? c.stage : undefined })}
              aria-label={`${STAGE_NAMES[c.stage] ?? c.stage}：${c.count} 件${c.overdue ? `，其中督办 ${c.overdue} 件` : ''}`}
            >
              {STAGE_NAMES[c.stage] ?? c.stage} {c.count}
              {c.overdue > 0 && <span style={{ color: '#cf1322', marginLeft: 4 }}>（督办 {c.overdue}）</span>}
            </Tag.CheckableTag>
          ))}
          {overdue > 0 && <Tag color="red">督办合计 {overdue} 件</Tag>}
        </Space>
      </Card>
      <Space wrap>
        <Segmented<QueueFilter['scope']>
          aria-label="范围"
          value={filter.scope}
          onChange={(scope) => setFilter({ ...filter, scope, stage: undefined })}
          options={[
            { value: 'waiting', label: `待我办理 ${rows.filter((r) => r.origin === 'waiting').length}` },
            { value: 'all', label: `全部在办 ${rows.length}` },
          ]}
        />
        <Select<string>
          aria-label="阶段"
          allowClear
          placeholder="全部阶段"
          style={{ width: 200 }}
          value={filter.stage}
          onChange={(stage) => setFilter({ ...filter, stage })}
          options={counts.map((c) => ({ value: c.stage, label: STAGE_NAMES[c.stage] ?? c.stage }))}
        />
        <Checkbox checked={!!filter.overdueOnly} onChange={(e) => setFilter({ ...filter, overdueOnly: e.target.checked })}>
          仅看督办
        </Checkbox>
        <Input.Search
          aria-label="机构名称或统一社会信用代码"
          placeholder="机构名称或统一社会信用代码"
          allowClear
          style={{ width: 260 }}
          onSearch={(text) => setFilter({ ...filter, text })}
        />
        <Select<QueueSort>
          aria-label="排序"
          style={{ width: 180 }}
          value={sort}
          onChange={setSort}
          options={[
            { value: 'urgency', label: '按紧急程度' },
            { value: 'waited', label: '按已等待时间' },
            { value: 'due', label: '按办理期限' },
            { value: 'submitted', label: '按提交时间' },
          ]}
        />
      </Space>
      <QueueTable rows={shown} loading={queue.isLoading} empty={filter.scope === 'waiting' ? '当前没有待您办理的案件' : '当前没有在办案件'} />
    </Space>
  );
}

export function QueueTable({ rows, loading, empty }: { rows: QueueRow[]; loading?: boolean; empty: string }) {
  return (
    <Table<QueueRow>
      aria-label="案件列表"
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: empty }}
      rowClassName={(r) => (r.deadline.overdue ? 'row-overdue' : '')}
      columns={[
        {
          title: '申报机构',
          render: (_, r) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/cases/${r.id}`}>{r.institution.name}</Link>
              <span style={{ color: '#888', fontSize: 12 }}>
                {APPLICATION_KIND_NAMES[r.applicationKind]} · {r.occupations.map((o) => o.name).join('、')}
              </span>
            </Space>
          ),
        },
        {
          title: '当前阶段',
          render: (_, r) => (
            <>
              {STAGE_NAMES[r.stage] ?? r.stage}
              {r.origin === 'supervising' && <Tag style={{ marginLeft: 6 }}>督办跟踪</Tag>}
            </>
          ),
        },
        { title: '进入阶段', render: (_, r) => dayjs(r.stageEnteredAt).format('YYYY-MM-DD'), onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
        { title: '已等待', render: (_, r) => waitedText(r.deadline), onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
        { title: '办理期限', render: (_, r) => <DeadlineTag deadline={r.deadline} /> },
        { title: '提交时间', render: (_, r) => dayjs(r.submittedAt).format('YYYY-MM-DD'), onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
      ]}
    />
  );
}
