import { Tag, Tooltip } from 'antd';
import type { StageDeadline } from '../services/review/views';
import { urgencyOf } from '../pages/centre/work-queue/queue-rows';

/** A stage's due date and its urgency in colour: red when overdue (督办), orange when due within a working day. */
export function DeadlineTag({ deadline }: { deadline: StageDeadline }) {
  const u = urgencyOf(deadline);
  if (u === 'no-limit') return <span style={{ color: '#999' }}>不限时</span>;
  if (u === 'unknown') {
    return (
      <Tooltip title={deadline.awaitingCalendarYear ? `${deadline.awaitingCalendarYear} 年工作日历尚未加载，加载后显示期限` : '期限暂无法计算'}>
        <Tag>期限待定</Tag>
      </Tooltip>
    );
  }
  if (u === 'overdue') return <Tag color="red">督办 · 已超期（期限 {deadline.dueDate}）</Tag>;
  if (u === 'due-soon') return <Tag color="orange">即将到期 · {deadline.dueDate} 前</Tag>;
  return <Tag color="green">{deadline.dueDate} 前</Tag>;
}

export function waitedText(d: StageDeadline): string {
  return d.waitedWorkingDays === null ? '—' : `${d.waitedWorkingDays} 个工作日${d.limitWorkingDays ? ` / 时限 ${d.limitWorkingDays}` : ''}`;
}
