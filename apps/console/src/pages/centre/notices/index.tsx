import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { call } from '../../../services/api';
import type { CreatedNoticeBatch, NoticeBatchSummary, StaffNotice } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { APPLICATION_KIND_NAMES, jurisdictionName, levelsText } from '../../../lib/vocabulary';

/** The most institutions one 公示 lists (the service's cap). */
const MAX_PER_BATCH = 30;

/**
 * 公示管理: the open notices of the centre's jurisdiction; several chosen are published as one 公示 (合并发布公示),
 * each keeping its own window and objections. Below, the 公示批次 issued so far.
 */
export default function CentreNoticesPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const notices = useQuery({
    queryKey: ['staff-notices', 'open'],
    queryFn: () => call<{ items: StaffNotice[] }>('publication', 'get', '/notices', { query: { status: 'open' } }),
  });
  const batches = useQuery({
    queryKey: ['notice-batches'],
    queryFn: () => call<{ items: NoticeBatchSummary[] }>('publication', 'get', '/notice-batches'),
  });
  const publish = useMutation({
    mutationFn: (noticeIds: string[]) => call<CreatedNoticeBatch>('publication', 'post', '/notice-batches', { body: { noticeIds } }),
    onSuccess: (b) => {
      void message.success(`已合并发布公示 ${b.number}（${b.notices.length} 家机构）`);
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['notice-batches'] });
      navigate(`/notice-batches/${b.batchId}`);
    },
  });
  // In the table's order, so the 公示 lists them as the centre sees them.
  const ordered = (notices.data?.items ?? []).filter((n) => selected.includes(n.id)).map((n) => n.id);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        公示管理
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        选择同一辖区正在公示的机构，合并发布为一份公示（最多 {MAX_PER_BATCH} 家）。各机构的公示期、异议和公示结果分别计算，不受合并影响。
      </Typography.Paragraph>
      <ErrorAlert error={notices.error ?? publish.error} />
      <Space>
        <Button type="primary" disabled={!ordered.length || ordered.length > MAX_PER_BATCH} loading={publish.isPending} onClick={() => publish.mutate(ordered)}>
          合并发布公示{ordered.length ? `（${ordered.length} 家）` : ''}
        </Button>
      </Space>
      <Table<StaffNotice>
        aria-label="正在公示的机构"
        rowKey="id"
        loading={notices.isLoading}
        dataSource={notices.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: '当前没有正在公示的机构' }}
        columns={[
          { title: '机构名称', render: (_, n) => <Link to={`/notices/${n.id}`}>{n.institution.name}</Link> },
          { title: '属地', render: (_, n) => jurisdictionName(n.jurisdiction) },
          { title: '申报类型', render: (_, n) => APPLICATION_KIND_NAMES[n.applicationKind] ?? n.applicationKind },
          { title: '认定职业', render: (_, n) => n.occupations.map((o) => `${o.name}（${levelsText(o.levels)}）`).join('；') },
          { title: '公示期', render: (_, n) => `${n.startDate} 至 ${n.endDate}` },
        ]}
      />
      <Card title="已发布的公示批次" size="small">
        <ErrorAlert error={batches.error} />
        <Table<NoticeBatchSummary>
          aria-label="公示批次"
          rowKey="id"
          size="small"
          loading={batches.isLoading}
          dataSource={batches.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '尚未合并发布公示' }}
          columns={[
            { title: '公示编号', render: (_, b) => <Link to={`/notice-batches/${b.id}`}>{b.number}</Link> },
            { title: '属地', render: (_, b) => jurisdictionName(b.jurisdiction) },
            { title: '发布日期', dataIndex: 'issueDate' },
            { title: '机构数', dataIndex: 'notices' },
          ]}
        />
      </Card>
    </Space>
  );
}
