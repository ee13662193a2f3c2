import { useQuery } from '@tanstack/react-query';
import { Space, Spin, Typography } from 'antd';
import { call } from '../services/api';
import type { ApplicationDetail } from '../services/intake/views';
import { jurisdictionName } from '../lib/vocabulary';

/**
 * A submission travels to review as an event; this shows that it is on its way, and when the centre's review
 * service has opened the case (intake hears it back as a stage change).
 */
export function ArrivalWatch({ applicationId }: { applicationId: string }) {
  const q = useQuery({
    queryKey: ['application', applicationId, 'arrival'],
    queryFn: () => call<ApplicationDetail>('intake', 'get', '/applications/{id}', { path: { id: applicationId } }),
    refetchInterval: (query) => (query.state.data?.caseStage ? false : 1500),
  });
  if (q.data?.caseStage) {
    return (
      <Typography.Text type="success" role="status">
        ✓ 已送达{jurisdictionName(q.data.jurisdiction)}职业技能鉴定中心，等待受理
      </Typography.Text>
    );
  }
  return (
    <Space role="status">
      <Spin size="small" />
      <Typography.Text type="secondary">正在送达受理单位…</Typography.Text>
    </Space>
  );
}
