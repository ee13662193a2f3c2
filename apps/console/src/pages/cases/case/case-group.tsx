import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { call } from '../../../services/api';
import type { DrawSummary } from '../../../services/expert-pool/views';
import type { CaseWithHistory } from '../../../services/review/views';
import { ErrorAlert } from '../../../components/error-alert';
import { useAuth } from '../../../auth/auth-context';
import { access } from '../../../access';
import { MEMBER_STATE_NAMES, jurisdictionName } from '../../../lib/vocabulary';

/**
 * 专家组: the work plan and request, then the group — its member list once the kick-off has unsealed it (expert-pool
 * shows the centre the names only from then on), the leader, the reserves' count and each replacement with its reason.
 */
export function CaseGroup({ c }: { c: CaseWithHistory }) {
  const { session } = useAuth();
  const staff = access(session?.user).centreStaff;
  const draws = useQuery({
    queryKey: ['case', c.id, 'draws', c.version],
    enabled: staff && !!c.expertRequest,
    queryFn: () => call<{ items: DrawSummary[] }>('expert-pool', 'get', '/draws', { query: { caseId: c.id } }),
  });
  if (!c.expertRequest) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未申请抽取专家" />;
  // The latest request's draw (a case returned and resubmitted may have had an earlier one).
  const draw = (draws.data?.items ?? []).filter((d) => d.status !== 'CANCELLED').at(-1);
  const group = draw?.group;
  return (
    <>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="工作方案">{c.expertRequest.workPlan}</Descriptions.Item>
        <Descriptions.Item label="专家需求">{`${c.expertRequest.groupSize} 人，备选 ${c.expertRequest.reserves} 人${c.expertRequest.maxPerEmployer ? `，同一单位不超过 ${c.expertRequest.maxPerEmployer} 人` : ''}`}</Descriptions.Item>
        <Descriptions.Item label="抽取专家库">{`${jurisdictionName(c.expertRequest.databaseLevel)}专家库`}</Descriptions.Item>
        {c.expertRequest.plannedOnsiteDate && <Descriptions.Item label="计划现场评估">{c.expertRequest.plannedOnsiteDate}</Descriptions.Item>}
        <Descriptions.Item label="专家组">
          {c.expertGroup ? `已组建，${c.expertGroup.size} 人${c.expertGroup.leaderExpertId ? '，已推选组长' : ''}` : '待抽取（名单在启动会前保密）'}
        </Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={draws.error} />
      {group && group.sealed && (
        <Typography.Text type="secondary">
          专家名单在启动会前保密（{group.memberCount} 名成员，{group.reserveCount} 名备选）。
        </Typography.Text>
      )}
      {group && !group.sealed && (
        <>
          <Table
            size="small"
            aria-label="专家组成员"
            rowKey="expertId"
            pagination={false}
            dataSource={group.members}
            columns={[
              {
                title: '姓名',
                render: (_, m) => (
                  <>
                    {m.name}
                    {m.expertId === group.leaderExpertId && (
                      <Tag color="gold" style={{ marginLeft: 6 }}>
                        组长
                      </Tag>
                    )}
                  </>
                ),
              },
              { title: '擅长职业', render: (_, m) => m.occupationCodes.join('、') },
              { title: '状态', render: (_, m) => MEMBER_STATE_NAMES[m.state] ?? m.state },
            ]}
          />
          {draw.formedAt && (
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              <Link to={`/kick-off/${draw.id}`}>
                {group.kickOffMeeting ? `启动会记录（${group.kickOffMeeting.heldOn}，出席 ${group.kickOffMeeting.presentExpertIds.length} 人）` : '记录启动会'}
              </Link>
            </Typography.Paragraph>
          )}
          {group.replacements.length > 0 && (
            <ul aria-label="专家替补" style={{ margin: '8px 0 0', paddingLeft: 20 }}>
              {group.replacements.map((r) => (
                <li key={`${r.replacedExpertId}-${r.at}`}>
                  {r.cause === 'declined' ? '成员谢绝邀请' : '成员回避'}，由备选专家递补：{r.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
