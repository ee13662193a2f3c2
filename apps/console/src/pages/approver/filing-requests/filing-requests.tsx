import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';
import { WorkList } from '../../../components/work-list';
import { jurisdictionName } from '../../../lib/vocabulary';

interface FilingRequest {
  noticeId: string;
  caseId: string;
  jurisdiction: string;
  institution: { name: string; creditCode: string };
  occupations: { code: string; name: string }[];
  outcome: string;
  closedAt: string;
}

/**
 * The provincial department's queue (省人社厅): notices that ended without an upheld objection, waiting for their filing
 * notice (备案通知); one click issues it (number, date and 备案编号 are assigned by publication).
 */
export function FilingRequestsCard() {
  const queryClient = useQueryClient();
  const requests = useQuery({
    queryKey: ['filing-requests'],
    queryFn: () => call<{ items: FilingRequest[] }>('publication', 'get', '/filing-requests'),
    refetchInterval: 10_000,
  });
  const issue = useMutation({
    mutationFn: (noticeId: string) => call<{ noticeNumber: string }>('publication', 'post', '/filing-requests/{noticeId}/issue', { path: { noticeId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['filing-requests'] }),
  });
  return (
    <Card title="备案通知 · 待下发" size="small">
      <ErrorAlert error={requests.error ?? issue.error} />
      {issue.data && (
        <Tag color="green" style={{ marginBottom: 8 }}>
          已下发备案通知 {issue.data.noticeNumber}
        </Tag>
      )}
      <WorkList
        label="待下发备案通知"
        loading={requests.isLoading}
        items={requests.data?.items ?? []}
        rowKey={(r) => r.noticeId}
        empty="当前没有待下发的备案通知"
        extra={(r) => (
          <Button
            size="small"
            type="primary"
            aria-label={`下发 ${r.institution.name} 的备案通知`}
            loading={issue.isPending && issue.variables === r.noticeId}
            onClick={() => issue.mutate(r.noticeId)}
          >
            下发备案通知
          </Button>
        )}
        render={(r) => (
          <Space orientation="vertical" size={0}>
            <Link to={`/cases/${r.caseId}`}>{r.institution.name}</Link>
            <span style={{ color: '#888', fontSize: 12 }}>
              {jurisdictionName(r.jurisdiction)} · {r.occupations.map((o) => o.name).join('、')} · 公示于 {dayjs(r.closedAt).format('YYYY-MM-DD')} 结束
            </span>
          </Space>
        )}
      />
    </Card>
  );
}
