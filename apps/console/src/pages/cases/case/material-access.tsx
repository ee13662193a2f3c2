import { useQuery } from '@tanstack/react-query';
import { Card, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';

interface MaterialAccess {
  at: string;
  action: 'listed' | 'downloaded';
  expert: { expertId: string | null; name: string | null; subject: string };
  material?: { materialId: string; checklistItem: string; version: number; fileName: string; sha256: string };
}

/** Who of the expert group read the case's materials, what and when (intake logs every read). */
export function MaterialAccessCard({ caseId }: { caseId: string }) {
  const log = useQuery({
    queryKey: ['case', caseId, 'material-access'],
    queryFn: () => call<{ items: MaterialAccess[] }>('intake', 'get', '/applications/{id}/material-access', { path: { id: caseId } }),
    refetchInterval: 15_000,
  });
  const items = log.data?.items ?? [];
  return (
    <Card title="专家查阅材料记录" size="small">
      <ErrorAlert error={log.error} />
      {items.length === 0 && !log.isLoading ? (
        <Typography.Text type="secondary">专家组尚未查阅申报材料（启动会召开后专家组成员方可查阅）。</Typography.Text>
      ) : (
        <Table<MaterialAccess>
          aria-label="专家查阅材料记录"
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowKey={(r) => `${r.at}-${r.expert.subject}-${r.material?.materialId ?? 'list'}`}
          loading={log.isLoading}
          dataSource={items}
          columns={[
            { title: '时间', render: (_, r) => dayjs(r.at).format('YYYY-MM-DD HH:mm:ss') },
            { title: '专家', render: (_, r) => (r.expert.name ?? r.expert.subject).replace(/^专家 /, '') },
            {
              title: '操作',
              render: (_, r) => (r.action === 'downloaded' ? `下载 ${r.material?.fileName ?? ''}（第 ${r.material?.version ?? '?'} 版）` : '查阅材料目录'),
            },
          ]}
        />
      )}
    </Card>
  );
}
