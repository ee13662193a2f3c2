import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { ApplicationSummary } from '../../../services/intake/views';
import { ErrorAlert } from '../../../components/error-alert';
import { APPLICATION_KIND_NAMES, APPLICATION_STATUS_NAMES, STAGE_NAMES, jurisdictionName } from '../../../lib/vocabulary';
import { expectationOf } from '../application/expectation';

const STATUS_COLOR: Record<string, string> = {
  DRAFT: 'default',
  SUBMITTED: 'processing',
  RETURNED: 'warning',
  RESUBMITTED: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  FILED: 'success',
};

/** 我的申报: every application of the signed-in institution, with what is expected of it now. */
export default function MyApplicationsPage() {
  const list = useQuery({
    queryKey: ['applications'],
    queryFn: () => call<{ total: number; items: ApplicationSummary[] }>('intake', 'get', '/applications', { query: { limit: 100 } }),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          我的申报
        </Typography.Title>
        <Link to="/applicant/apply">
          <Button type="primary">新建申报</Button>
        </Link>
      </Space>
      <ErrorAlert error={list.error} />
      <Table<ApplicationSummary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        locale={{ emptyText: '还没有申报。点击“新建申报”开始。' }}
        pagination={false}
        columns={[
          {
            title: '申报',
            render: (_, a) => (
              <Link
                to={a.status === 'DRAFT' ? `/applicant/apply?draft=${a.id}` : `/applicant/applications/${a.id}`}
              >{`${APPLICATION_KIND_NAMES[a.applicationKind]}：${a.occupations.map((o) => o.name).join('、')}`}</Link>
            ),
          },
          { title: '属地', render: (_, a) => jurisdictionName(a.jurisdiction) },
          { title: '状态', render: (_, a) => <Tag color={STATUS_COLOR[a.status]}>{APPLICATION_STATUS_NAMES[a.status] ?? a.status}</Tag> },
          { title: '当前阶段', render: (_, a) => (a.caseStage ? (STAGE_NAMES[a.caseStage] ?? a.caseStage) : '—') },
          { title: '需要您做什么', render: (_, a) => expectationOf(a).short },
          { title: '创建时间', render: (_, a) => dayjs(a.createdAt).format('YYYY-MM-DD HH:mm') },
        ]}
      />
    </Space>
  );
}
