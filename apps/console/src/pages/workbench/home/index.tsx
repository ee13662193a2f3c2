import { Link } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { WorkList } from '../../../components/work-list';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { ServiceName } from '../../../api/http';
import type { Recheck, WorkQueue } from '../../../services/review/views';
import type { DrawSummary } from '../../../services/expert-pool/views';
import { access, PROVINCE } from '../../../access';
import { FilingRequestsCard } from '../../approver/filing-requests/filing-requests';
import { useAuth } from '../../../auth/auth-context';
import { ErrorAlert } from '../../../components/error-alert';
import { DeadlineTag } from '../../../components/deadline-tag';
import { useWorkQueue } from '../../centre/work-queue';
import { rowsOf, sortRows } from '../../centre/work-queue/queue-rows';
import { yearsText, DRAW_STATUS_NAMES, MEMBER_STATE_NAMES, RECHECK_GATE_NAMES, STAGE_NAMES, jurisdictionName, roleName } from '../../../lib/vocabulary';

/** 工作台: each role's home, listing what awaits it now, with a way into each workbench. */
export default function WorkbenchHome() {
  const { session } = useAuth();
  const user = session!.user;
  const can = access(user);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        工作台
      </Typography.Title>
      <Typography.Text type="secondary">
        {user.name ?? user.sub} · {user.roles.map(roleName).join('、')} · {jurisdictionName(user.jurisdiction)}
      </Typography.Text>
      {can.centreStaff && <CentreSection />}
      {can.approver && <ApproverSection />}
      {can.approver && user.jurisdiction === PROVINCE && <FilingRequestsCard />}
      {can.disciplineOfficer && <OfficerSection />}
      {can.expert && <ExpertSection expertId={user.expertId!} />}
      {can.admin && <AdminSection />}
    </Space>
  );
}

function CentreSection() {
  const { session } = useAuth();
  const queue = useWorkQueue();
  const waiting = sortRows(
    rowsOf(queue.data).filter((r) => r.origin === 'waiting'),
    'urgency',
  );
  const province = access(session?.user).provinceStaff;
  return (
    <Card title="鉴定中心 · 我的待办" size="small" extra={<Link to="/work-queue">全部待办</Link>}>
      <ErrorAlert error={queue.error} />
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col>
          <Statistic title="待我办理" value={waiting.length} suffix="件" />
        </Col>
        <Col>
          <Statistic
            title="督办（已超期）"
            value={waiting.filter((r) => r.deadline.overdue).length}
            suffix="件"
            styles={{ content: { color: waiting.some((r) => r.deadline.overdue) ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col>
          <Statistic title="本级在办" value={rowsOf(queue.data).length} suffix="件" />
        </Col>
        {province && (
          <Col>
            <Statistic title="待省级复核" value={queue.data?.rechecks?.length ?? 0} suffix="件" />
          </Col>
        )}
      </Row>
      <WorkList
        label="待我办理"
        loading={queue.isLoading}
        items={waiting.slice(0, 8)}
        rowKey={(r) => r.id}
        empty="当前没有待您办理的案件"
        extra={(r) => <DeadlineTag deadline={r.deadline} />}
        render={(r) => (
          <Space wrap>
            <Link to={`/cases/${r.id}`}>{r.institution.name}</Link>
            <Tag>{STAGE_NAMES[r.stage] ?? r.stage}</Tag>
          </Space>
        )}
      />
      {province && <RecheckList rechecks={queue.data?.rechecks ?? []} />}
    </Card>
  );
}

function RecheckList({ rechecks }: { rechecks: Recheck[] }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        待省级复核{' '}
        <Link to="/rechecks" style={{ fontSize: 14, fontWeight: 400 }}>
          复核列表
        </Link>
      </Typography.Title>
      <WorkList
        label="待省级复核"
        items={rechecks.slice(0, 8)}
        rowKey={(r) => r.id}
        empty="当前没有待复核的意见"
        extra={(r) => r.deadline && <DeadlineTag deadline={r.deadline} />}
        render={(r) => (
          <Space wrap>
            <Link to={`/rechecks/${r.id}`}>{r.institution.name}</Link>
            <Tag>{`${jurisdictionName(r.jurisdiction)} · ${RECHECK_GATE_NAMES[r.gate]}`}</Tag>
          </Space>
        )}
      />
    </>
  );
}

function ApproverSection() {
  const queue = useQuery({ queryKey: ['work-queue'], queryFn: () => call<WorkQueue>('review', 'get', '/queue'), refetchInterval: 10_000 });
  const waiting = sortRows(
    rowsOf(queue.data).filter((r) => r.origin === 'waiting'),
    'urgency',
  );
  return (
    <Card title="审定 · 待审定案件" size="small" extra={<Link to="/approvals">审定列表</Link>}>
      <ErrorAlert error={queue.error} />
      <WorkList
        label="待审定"
        loading={queue.isLoading}
        items={waiting}
        rowKey={(r) => r.id}
        empty="当前没有待审定的案件"
        extra={(r) => <DeadlineTag deadline={r.deadline} />}
        render={(r) => (
          <Space wrap>
            <Link to={`/cases/${r.id}`}>{r.institution.name}</Link>
            {r.opinions.comprehensive && <Tag>综合评审得分 {r.opinions.comprehensive.total ?? '—'}</Tag>}
          </Space>
        )}
      />
    </Card>
  );
}

function OfficerSection() {
  const draws = useQuery({ queryKey: ['draws'], queryFn: () => call<{ items: DrawSummary[] }>('expert-pool', 'get', '/draws'), refetchInterval: 10_000 });
  const open = (draws.data?.items ?? []).filter((d) => d.status === 'QUEUED' || d.status === 'COMMITTED' || d.status === 'DRAWN');
  return (
    <Card title="纪检 · 专家抽取申请" size="small" extra={<Link to="/officer/draws">全部抽取</Link>}>
      <ErrorAlert error={draws.error} />
      <WorkList
        label="专家抽取申请"
        loading={draws.isLoading}
        items={open}
        rowKey={(d) => d.id}
        empty="当前没有待抽取的申请"
        extra={(d) => <Tag color={d.status === 'QUEUED' ? 'orange' : 'blue'}>{DRAW_STATUS_NAMES[d.status]}</Tag>}
        render={(d) => (
          <Space orientation="vertical" size={0}>
            <Link to={`/officer/draws/${d.id}`}>{d.applicant.name}</Link>
            <span style={{ color: '#888', fontSize: 12 }}>
              {jurisdictionName(d.caseJurisdiction)} · {d.occupations.map((o) => o.name).join('、')} · {d.requirements.groupSize} 人（备选{' '}
              {d.requirements.reserves}） · {dayjs(d.requestedAt).format('YYYY-MM-DD')}申请
            </span>
          </Space>
        )}
      />
    </Card>
  );
}

function ExpertSection({ expertId }: { expertId: string }) {
  const draws = useQuery({ queryKey: ['draws'], queryFn: () => call<{ items: DrawSummary[] }>('expert-pool', 'get', '/draws'), refetchInterval: 10_000 });
  const mine = (draws.data?.items ?? []).filter((d) => d.status !== 'CANCELLED');
  const myState = (d: DrawSummary) => {
    if (!d.group) return '待抽取';
    if (d.group.sealed) return d.group.yourReserveRank ? `备选第 ${d.group.yourReserveRank} 位` : '名单保密';
    const m = d.group.members.find((x) => x.expertId === expertId);
    if (!m) return '备选';
    return `${MEMBER_STATE_NAMES[m.state] ?? m.state}${d.group.leaderExpertId === expertId ? ' · 组长' : ''}`;
  };
  return (
    <Card title="评估专家 · 我的邀请和专家组" size="small">
      <ErrorAlert error={draws.error} />
      <WorkList
        label="我的邀请和专家组"
        loading={draws.isLoading}
        items={mine}
        rowKey={(d) => d.id}
        empty="当前没有邀请，也未参加专家组"
        extra={(d) => <Tag>{myState(d)}</Tag>}
        render={(d) => (
          <Space orientation="vertical" size={0}>
            <Link to={`/expert/draws/${d.id}`}>{d.applicant.name}</Link>
            <span style={{ color: '#888', fontSize: 12 }}>
              {jurisdictionName(d.caseJurisdiction)} · {d.occupations.map((o) => o.name).join('、')} · {DRAW_STATUS_NAMES[d.status]}
              {d.plannedOnsiteDate ? ` · 计划现场评估 ${d.plannedOnsiteDate}` : ''}
            </span>
          </Space>
        )}
      />
    </Card>
  );
}

interface CalendarInfo {
  coveredYears: number[];
  coverage: { coveredUntil: string | null; daysLeft: number; nextMissingYear: number; warning?: string };
}

interface StandardRow {
  standardId: string;
  version: string;
  institutionKind: string;
  title: string;
  effectiveFrom: string;
  provisional: boolean;
  total: number;
  passLine: number;
}

type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; firstBroken: { seq: number; id: string; caseId: string | null; problem: string } };

const AUDITED: { service: ServiceName; name: string }[] = [
  { service: 'review', name: '审核（本级）' },
  { service: 'expert-pool', name: '专家库' },
  { service: 'assessment', name: '评估' },
  { service: 'publication', name: '公示发布' },
];

function AdminSection() {
  const calendar = useQuery({ queryKey: ['calendar'], queryFn: () => call<CalendarInfo>('publication', 'get', '/calendar') });
  const standards = useQuery({ queryKey: ['standards'], queryFn: () => call<StandardRow[]>('assessment', 'get', '/standards') });
  const verify = useMutation({
    mutationFn: async () => {
      const out: { service: string; name: string; result?: AuditVerification; error?: unknown }[] = [];
      for (const s of AUDITED) {
        try {
          out.push({ ...s, result: await call<AuditVerification>(s.service as 'review', 'get', '/audit/verify') });
        } catch (error) {
          out.push({ ...s, error });
        }
      }
      return out;
    },
  });
  const years = calendar.data?.coveredYears ?? [];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <Card title="工作日历" size="small" extra={<Link to="/admin/calendar">加载年度安排</Link>}>
          <ErrorAlert error={calendar.error} />
          <Typography.Paragraph>已覆盖年份：{years.length ? `${yearsText(years)} 年` : '—'}</Typography.Paragraph>
          {calendar.data?.coverage.warning && (
            <Alert
              type="warning"
              showIcon
              title={`工作日历数据将于 ${calendar.data.coverage.coveredUntil ?? '今日'} 结束，请加载 ${calendar.data.coverage.nextMissingYear} 年节假日安排`}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title="评估标准" size="small">
          <ErrorAlert error={standards.error} />
          <List
            size="small"
            loading={standards.isLoading}
            dataSource={standards.data ?? []}
            locale={{ emptyText: '尚未加载评估标准' }}
            renderItem={(s) => (
              <List.Item>
                {s.title} · 第 {s.version} 版 · {s.effectiveFrom} 起施行{s.provisional ? '（试行）' : ''}
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          title="审计链"
          size="small"
          extra={
            <Button size="small" onClick={() => verify.mutate()} loading={verify.isPending}>
              核验审计链
            </Button>
          }
        >
          {!verify.data && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="点击“核验审计链”逐个服务核验" />}
          {verify.data && (
            <Table
              size="small"
              pagination={false}
              rowKey="service"
              dataSource={verify.data}
              columns={[
                { title: '服务', dataIndex: 'name' },
                {
                  title: '结果',
                  render: (_, r) =>
                    r.error ? (
                      <ErrorAlert error={r.error} style={{ margin: 0 }} />
                    ) : r.result?.ok ? (
                      <Tag color="green">完整（{r.result.entries} 条）</Tag>
                    ) : (
                      <Typography.Text type="danger">
                        {r.result && !r.result.ok ? `链条断裂：第 ${r.result.firstBroken.seq} 条（${r.result.firstBroken.problem}）` : '—'}
                      </Typography.Text>
                    ),
                },
              ]}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
