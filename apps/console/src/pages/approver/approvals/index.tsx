import { Typography, Space } from 'antd';
import { ErrorAlert } from '../../../components/error-alert';
import { useAuth } from '../../../auth/auth-context';
import { jurisdictionName } from '../../../lib/vocabulary';
import { QueueTable, useWorkQueue } from '../../centre/work-queue';
import { rowsOf, sortRows } from '../../centre/work-queue/queue-rows';

/** 审定: the cases awaiting the approver's decision, overdue (督办) first; each opens on its case page with the form. */
export default function ApprovalsPage() {
  const { session } = useAuth();
  const queue = useWorkQueue();
  const province = session?.user.jurisdiction === '220000';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        审定 · {province ? '厅长办公会' : `${jurisdictionName(session?.user.jurisdiction)}人力资源和社会保障局`}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {province ? '省直案件经综合评审通过后报厅长办公会审定。' : '市（州）案件经省级复核通过后由本级人社局审定。'}
        点击机构名称查看综合技术评估意见、复核结论并审定。
      </Typography.Paragraph>
      <ErrorAlert error={queue.error} />
      <QueueTable
        rows={sortRows(
          rowsOf(queue.data).filter((r) => r.origin === 'waiting'),
          'urgency',
        )}
        loading={queue.isLoading}
        empty="当前没有待审定的案件"
      />
    </Space>
  );
}
