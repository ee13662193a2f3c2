import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ServiceName } from '../../../api/http';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';
import { brokenText } from './chain-problems';

type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; firstBroken: { seq: number; id: string; caseId: string | null; problem: string } };

/** Every service keeps its own hash-chained audit log (review: the instance serving my jurisdiction). */
export const AUDITED: { service: ServiceName; name: string }[] = [
  { service: 'intake', name: '申报受理（intake）' },
  { service: 'review', name: '审核（review，本级实例）' },
  { service: 'expert-pool', name: '专家库与抽取（expert-pool）' },
  { service: 'assessment', name: '评估（assessment）' },
  { service: 'publication', name: '公示与发布（publication）' },
];

interface Outcome {
  service: ServiceName;
  name: string;
  result?: AuditVerification;
  error?: unknown;
}

/** 审计链: verifies every service's audit chain and names the first broken entry of a chain that does not verify. */
export default function AuditPage() {
  const verify = useMutation({
    mutationFn: async () => {
      const out: Outcome[] = [];
      for (const s of AUDITED) {
        try {
          out.push({ ...s, result: await call<AuditVerification>(s.service as 'intake', 'get', '/audit/verify') });
        } catch (error) {
          out.push({ ...s, error });
        }
      }
      return out;
    },
  });
  const broken = (verify.data ?? []).filter((o) => o.result && !o.result.ok);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        审计链
      </Typography.Title>
      <Typography.Text type="secondary">
        每项决定（状态变更、抽取、评分、意见、审定、异议处理）都记入所在服务的审计日志，逐条以哈希相连。核验从第一条起逐条重算哈希，任何事后修改、删除都会使链条在该处断开。
      </Typography.Text>
      <Card
        size="small"
        title="各服务的审计链"
        extra={
          <Button type="primary" onClick={() => verify.mutate()} loading={verify.isPending}>
            核验全部审计链
          </Button>
        }
      >
        {verify.data && broken.length === 0 && verify.data.every((o) => o.result) && (
          <Alert style={{ marginBottom: 12 }} type="success" showIcon title="全部审计链完整" />
        )}
        {broken.length > 0 && (
          <Alert
            style={{ marginBottom: 12 }}
            type="error"
            showIcon
            title={`${broken.length} 条审计链断裂`}
            description="请保全数据库现状并报告。断裂处之前的记录仍可信。"
          />
        )}
        <Table<Outcome>
          size="small"
          aria-label="审计链核验结果"
          rowKey="service"
          pagination={false}
          dataSource={verify.data ?? AUDITED}
          locale={{ emptyText: '—' }}
          columns={[
            { title: '服务', dataIndex: 'name', width: 240 },
            {
              title: '核验结果',
              render: (_, o) => {
                if (o.error) return <ErrorAlert error={o.error} style={{ margin: 0 }} />;
                if (!o.result) return <Typography.Text type="secondary">{verify.isPending ? '核验中…' : '尚未核验'}</Typography.Text>;
                if (o.result.ok)
                  return (
                    <Space orientation="vertical" size={0}>
                      <Tag color="green">完整（{o.result.entries} 条）</Tag>
                      <Typography.Text type="secondary" copyable={{ text: o.result.lastHash }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
                        末条哈希 {o.result.lastHash.slice(0, 16)}…
                      </Typography.Text>
                    </Space>
                  );
                const b = o.result.firstBroken;
                return (
                  <Descriptions
                    size="small"
                    column={1}
                    bordered
                    aria-label={`${o.name} 第一条断裂记录`}
                    title={<Typography.Text type="danger">链条断裂（共 {o.result.entries} 条）</Typography.Text>}
                  >
                    <Descriptions.Item label="第一条断裂记录">第 {b.seq} 条</Descriptions.Item>
                    <Descriptions.Item label="原因">{brokenText(b.problem)}</Descriptions.Item>
                    <Descriptions.Item label="记录编号">{b.id}</Descriptions.Item>
                    <Descriptions.Item label="案件">{b.caseId ? <Link to={`/cases/${b.caseId}`}>{b.caseId}</Link> : '—'}</Descriptions.Item>
                  </Descriptions>
                );
              },
            },
          ]}
        />
      </Card>
    </Space>
  );
}
