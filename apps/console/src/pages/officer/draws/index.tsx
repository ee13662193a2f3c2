import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { DrawSummary } from '../../../services/expert-pool/views';
import { ErrorAlert } from '../../../components/error-alert';
import { DRAW_STATUS_NAMES, jurisdictionName } from '../../../lib/vocabulary';

export function useDraws() {
  return useQuery({ queryKey: ['draws'], queryFn: () => call<{ items: DrawSummary[] }>('expert-pool', 'get', '/draws'), refetchInterval: 10_000 });
}

/** 专家抽取: the draw requests at my level (机关纪委), the ones to act on first. */
export default function DrawsPage() {
  const draws = useDraws();
  const rank = (d: DrawSummary) => ['QUEUED', 'COMMITTED', 'DRAWN', 'FORMED', 'LEADER_ELECTED', 'CANCELLED'].indexOf(d.status);
  const rows = [...(draws.data?.items ?? [])].sort((a, b) => rank(a) - rank(b) || a.requestedAt.localeCompare(b.requestedAt));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        专家抽取
      </Typography.Title>
      <ErrorAlert error={draws.error} />
      <Table<DrawSummary>
        aria-label="抽取申请"
        rowKey="id"
        loading={draws.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: '当前没有抽取申请' }}
        columns={[
          { title: '申报机构', render: (_, d) => <Link to={`/officer/draws/${d.id}`}>{d.applicant.name}</Link> },
          { title: '属地', render: (_, d) => jurisdictionName(d.caseJurisdiction) },
          { title: '职业', render: (_, d) => d.occupations.map((o) => o.name).join('、') },
          { title: '需求', render: (_, d) => `${d.requirements.groupSize} 人，备选 ${d.requirements.reserves} 人` },
          {
            title: '状态',
            render: (_, d) => (
              <Tag color={d.status === 'QUEUED' || d.status === 'COMMITTED' ? 'orange' : d.status === 'CANCELLED' ? 'default' : 'blue'}>
                {DRAW_STATUS_NAMES[d.status]}
              </Tag>
            ),
          },
          { title: '申请时间', render: (_, d) => dayjs(d.requestedAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </Space>
  );
}
