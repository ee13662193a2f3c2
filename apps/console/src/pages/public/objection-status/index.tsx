import { useNavigate, useParams, Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Input, Space, Steps, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { ObjectionStatus } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { OBJECTION_STATUS_NAMES } from '../../../lib/vocabulary';

/** 异议查询: an objector follows their objection by its receipt number. */
export default function ObjectionStatusPage() {
  const { receiptNumber = '' } = useParams();
  const navigate = useNavigate();
  const status = useQuery({
    enabled: !!receiptNumber,
    queryKey: ['objection-status', receiptNumber],
    queryFn: () => call<ObjectionStatus>('publication', 'get', '/public/objections/{receiptNumber}', { path: { receiptNumber } }),
  });
  const o = status.data;
  const done = o && (o.status === 'upheld' || o.status === 'dismissed');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 800 }}>
      <Typography.Title level={2}>异议处理进度查询</Typography.Title>
      <Input.Search
        aria-label="回执编号"
        placeholder="请输入提交异议时获得的回执编号，如 YY-20251009-ABCD2345"
        enterButton="查询"
        defaultValue={receiptNumber}
        size="large"
        onSearch={(v) => v.trim() && navigate(`/objections/${encodeURIComponent(v.trim().toUpperCase())}`)}
      />
      <ErrorAlert error={status.error} />
      {o && (
        <Card size="small" title={`回执编号 ${o.receiptNumber}`}>
          <Steps
            current={done ? 2 : o.status === 'investigating' ? 1 : 0}
            status={done ? 'finish' : 'process'}
            items={[
              { title: '已受理', content: dayjs(o.receivedAt).format('YYYY-MM-DD HH:mm') },
              { title: '调查核实' },
              { title: '处理完毕', content: o.resolvedAt ? dayjs(o.resolvedAt).format('YYYY-MM-DD HH:mm') : undefined },
            ]}
            style={{ marginBottom: 16 }}
          />
          <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="异议对象">
              <Link to={`/notices/${o.noticeId}`}>{o.institution}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="处理状态">{OBJECTION_STATUS_NAMES[o.status] ?? o.status}</Descriptions.Item>
            {o.resolutionReason && <Descriptions.Item label="处理意见">{o.resolutionReason}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
