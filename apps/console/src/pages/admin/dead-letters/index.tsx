import { useState } from 'react';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Modal, Space, Table, Typography } from 'antd';
import type { ServiceName } from '../../../api/http';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';

interface DeadLetter {
  dltTopic: string;
  partition: number;
  offset: string;
  key: string;
  parkedAt: string;
  eventId?: string;
  type?: string;
  originalTopic: string;
  consumerGroup?: string;
  errorKind?: string;
  error?: string;
  attempts?: number;
  headers: Record<string, string>;
  value: string | null;
}

const CONSUMERS: { service: Exclude<ServiceName, 'review'> | 'review'; name: string }[] = [
  { service: 'intake', name: '申报受理' },
  { service: 'review', name: '审核（本级实例）' },
  { service: 'expert-pool', name: '专家库与抽取' },
  { service: 'assessment', name: '评估' },
  { service: 'publication', name: '公示与发布' },
];

/** Why a message was parked (libs/messaging's reasons). */
const REASONS: Record<string, string> = {
  'invalid-envelope': '消息头不符合事件规范',
  'invalid-payload': '内容不符合事件契约',
  'untrusted-source': '来源不可信',
  unprocessable: '业务上无法处理',
  'handler-failed': '处理失败（重试已用尽）',
  'predecessor-missing': '前序事件长时间未到',
};
const reasonOf = (r: DeadLetter) => (r.errorKind ? (REASONS[r.errorKind] ?? r.errorKind) : '—');

type Row = DeadLetter & { service: ServiceName; serviceName: string };

function pretty(value: string | null): string {
  if (value === null) return '（无内容）';
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

/**
 * 死信事件: the events a service could not process after its bounded retries and parked in `<topic>.dlt` — listed
 * with the error, inspected, and re-driven (re-sent to the original topic with the same event id, so the service's
 * inbox still dedupes) once the cause is fixed.
 */
export default function DeadLettersPage() {
  const queryClient = useQueryClient();
  const lists = useQueries({
    queries: CONSUMERS.map((c) => ({
      queryKey: ['dead-letters', c.service],
      queryFn: () => call<{ topics: string[]; items: DeadLetter[] }>(c.service as 'intake', 'get', '/admin/dead-letters'),
    })),
  });
  const [filter, setFilter] = useState('');
  // Newest first: the one an operator is looking for is usually the one that just arrived.
  const all: Row[] = lists
    .flatMap((l, i) => (l.data?.items ?? []).map((d) => ({ ...d, service: CONSUMERS[i].service, serviceName: CONSUMERS[i].name })))
    .sort((a, b) => Date.parse(b.parkedAt) - Date.parse(a.parkedAt));
  const wanted = filter.trim().toLowerCase();
  const rows = wanted ? all.filter((r) => [r.key, r.eventId, r.originalTopic, r.type, r.error].some((v) => v?.toLowerCase().includes(wanted))) : all;
  const [shown, setShown] = useState<Row | null>(null);
  const redrive = useMutation({
    mutationFn: (r: Row) =>
      call<{ redriven: { from: string; to: string }[] }>(r.service as 'intake', 'post', '/admin/dead-letters/redrive', {
        body: { topic: r.originalTopic, partition: r.partition, offset: r.offset },
      }),
    onSuccess: () => {
      setShown(null);
      void queryClient.invalidateQueries({ queryKey: ['dead-letters'] });
    },
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        死信事件
      </Typography.Title>
      <Typography.Text type="secondary">
        服务在有限次重试后仍无法处理的事件。排除原因后可重新投递：事件以原编号重发，服务不会重复处理已处理过的事件。
      </Typography.Text>
      {lists.map((l, i) => (l.error ? <ErrorAlert key={CONSUMERS[i].service} error={l.error} /> : null))}
      {redrive.isSuccess && <Alert type="success" showIcon closable title={`已重新投递 ${redrive.data.redriven.length} 条事件`} />}
      <Card
        size="small"
        title={wanted ? `死信 ${rows.length} 条（共 ${all.length} 条）` : `死信 ${all.length} 条`}
        extra={
          <Space>
            <Input.Search
              allowClear
              aria-label="筛选死信"
              placeholder="案件、事件编号、主题或错误"
              style={{ width: 260 }}
              onChange={(e) => setFilter(e.target.value)}
              onSearch={setFilter}
            />
            <Button onClick={() => void queryClient.invalidateQueries({ queryKey: ['dead-letters'] })}>刷新</Button>
          </Space>
        }
      >
        <Table<Row>
          size="small"
          aria-label="死信事件"
          rowKey={(r) => `${r.service}:${r.dltTopic}:${r.partition}:${r.offset}`}
          loading={lists.some((l) => l.isLoading)}
          dataSource={rows}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 条` }}
          locale={{ emptyText: '没有死信事件' }}
          columns={[
            { title: '服务', dataIndex: 'serviceName', width: 130 },
            { title: '主题', dataIndex: 'originalTopic' },
            { title: '事件类型', render: (_, r) => r.type ?? '—' },
            { title: '案件', render: (_, r) => r.key },
            {
              title: '原因',
              render: (_, r) => (
                <Typography.Text type="danger" ellipsis={{ tooltip: r.error }} style={{ maxWidth: 320 }}>
                  {reasonOf(r)}
                  {r.error ? `：${r.error}` : ''}
                </Typography.Text>
              ),
            },
            { title: '转入时间', width: 170, render: (_, r) => new Date(r.parkedAt).toLocaleString('zh-CN') },
            {
              title: '操作',
              width: 80,
              render: (_, r) => (
                <Button size="small" type="link" onClick={() => setShown(r)}>
                  查看
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!shown}
        width={820}
        title="死信事件"
        okText="重新投递"
        cancelText="关闭"
        confirmLoading={redrive.isPending}
        onOk={() => shown && redrive.mutate(shown)}
        onCancel={() => {
          setShown(null);
          redrive.reset();
        }}
      >
        {shown && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Descriptions size="small" bordered column={2} styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label="服务">{shown.serviceName}</Descriptions.Item>
              <Descriptions.Item label="事件编号">{shown.eventId ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="原主题">{shown.originalTopic}</Descriptions.Item>
              <Descriptions.Item label="死信位置">{`${shown.dltTopic}[${shown.partition}]@${shown.offset}`}</Descriptions.Item>
              <Descriptions.Item label="错误类别">{reasonOf(shown)}</Descriptions.Item>
              <Descriptions.Item label="尝试次数">{shown.attempts ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="错误" span={2}>
                {shown.error ?? '—'}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text strong>事件内容</Typography.Text>
            <pre aria-label="事件内容" style={{ maxHeight: 320, overflow: 'auto', background: '#fafafa', padding: 12, margin: 0 }}>
              {pretty(shown.value)}
            </pre>
            <ErrorAlert error={redrive.error} />
          </Space>
        )}
      </Modal>
    </Space>
  );
}
