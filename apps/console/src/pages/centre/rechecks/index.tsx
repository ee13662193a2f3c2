import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { Recheck } from '../../../services/review/views';
import { ErrorAlert } from '../../../components/error-alert';
import { DeadlineTag, waitedText } from '../../../components/deadline-tag';
import { OPINION_KIND_NAMES, RECHECK_GATE_NAMES, jurisdictionName } from '../../../lib/vocabulary';

/** 省级复核: the cities' preliminary and comprehensive opinions waiting for the provincial centre's re-check. */
export default function RechecksPage() {
  const [status, setStatus] = useState<'pending' | 'decided'>('pending');
  const list = useQuery({
    queryKey: ['rechecks', status],
    queryFn: () => call<{ items: Recheck[] }>('review', 'get', '/rechecks', { query: { status } }),
    refetchInterval: 10_000,
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        省级复核
      </Typography.Title>
      <Segmented<'pending' | 'decided'>
        aria-label="复核状态"
        value={status}
        onChange={setStatus}
        options={[
          { value: 'pending', label: '待复核' },
          { value: 'decided', label: '已复核' },
        ]}
      />
      <ErrorAlert error={list.error} />
      <Table<Recheck>
        aria-label="复核列表"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: status === 'pending' ? '当前没有待复核的意见' : '尚无已复核的意见' }}
        rowClassName={(r) => (r.deadline?.overdue ? 'row-overdue' : '')}
        columns={[
          { title: '申报机构', render: (_, r) => <Link to={`/rechecks/${r.id}`}>{r.institution.name}</Link> },
          { title: '市（州）', render: (_, r) => jurisdictionName(r.jurisdiction) },
          { title: '复核事项', render: (_, r) => RECHECK_GATE_NAMES[r.gate] },
          {
            title: '意见',
            render: (_, r) => (
              <Tag
                color={r.opinion.result === 'pass' ? 'green' : 'red'}
              >{`${OPINION_KIND_NAMES[r.gate]}：${r.opinion.result === 'pass' ? '通过' : '不通过'}`}</Tag>
            ),
          },
          { title: '收到时间', render: (_, r) => dayjs(r.receivedAt).format('YYYY-MM-DD') },
          status === 'pending'
            ? {
                title: '已等待 / 期限',
                render: (_, r) =>
                  r.deadline ? (
                    <Space orientation="vertical" size={0}>
                      <span>{waitedText(r.deadline)}</span>
                      <DeadlineTag deadline={r.deadline} />
                    </Space>
                  ) : (
                    '—'
                  ),
              }
            : { title: '复核结论', render: (_, r) => <Tag color={r.decision === 'pass' ? 'green' : 'red'}>{r.decision === 'pass' ? '通过' : '不通过'}</Tag> },
        ]}
      />
    </Space>
  );
}
