import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { Evaluation, OpinionKind } from '../../../services/assessment/views';
import type { MaterialHistoryItem, MaterialVersion } from '../../../services/intake/views';
import { useAuth } from '../../../auth/auth-context';
import { ApiError } from '../../../api/problem';
import { ErrorAlert } from '../../../components/error-alert';
import { downloadWithToken, openWithToken } from '../../../lib/download';
import { formatBytes } from '../../../lib/file-digest';
import { OPINION_KIND_NAMES, STAGE_NAMES, jurisdictionName, levelsText } from '../../../lib/vocabulary';
import { FindingsCard } from './findings';
import { OnsiteVisitCard } from './onsite-visit';
import { ScoreSheetCard } from './score-sheet';
import { ComprehensiveOpinionForm, PreliminaryOpinionForm, TechnicalOpinionForm } from './leader-forms';

/**
 * A case's evaluation as a member of its group sees it: the materials (each read is logged), the findings, the
 * on-site visit record, the member's own score sheet, and — for the leader (组长) — the forms of the group's three opinions.
 */
export default function ExpertEvaluationPage() {
  const { caseId = '' } = useParams();
  const me = useAuth().session!.user.expertId!;
  const evaluation = useQuery({
    queryKey: ['evaluation', caseId],
    queryFn: () => call<Evaluation>('assessment', 'get', '/cases/{caseId}/evaluation', { path: { caseId } }),
    refetchInterval: 5000,
  });

  if (evaluation.isLoading) return <Skeleton active />;
  const ev = evaluation.data;
  if (!ev) return <ErrorAlert error={evaluation.error} />;
  const leader = ev.leaderExpertId === me;
  const has = (kind: OpinionKind, round = 1) => ev.opinions.some((o) => o.kind === kind && o.round >= round);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/workbench">工作台</Link> }, { title: ev.applicant?.name ?? caseId }]} />
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          技术评估：{ev.applicant?.name ?? caseId}
        </Typography.Title>
        <Tag color="blue">{STAGE_NAMES[ev.stage ?? ''] ?? ev.stage ?? '—'}</Tag>
        {leader && <Tag color="gold">我是组长</Tag>}
      </Space>
      <Card title="评估任务" size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="案件属地">{jurisdictionName(ev.jurisdiction)}</Descriptions.Item>
          <Descriptions.Item label="评估职业">{ev.occupations.map((o) => `${o.name}（${levelsText(o.levels)}）`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="评估标准">
            {ev.standard
              ? `${ev.standard.title} · 第 ${ev.standard.version} 版${ev.standard.provisional ? '（试行）' : ''} · 满分 ${ev.standard.total}，合格线 ${ev.standard.passLine}`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="专家组">{ev.members.map((m) => `${m.name}${m.leader ? '（组长）' : ''}`).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      {!leader && ev.stage === 'PRELIMINARY_REVIEW' && (
        <Alert type="info" showIcon title="材料审查阶段：请查阅申报材料、记录审查发现，由组长汇总提交初评意见。" />
      )}
      <MaterialsCard caseId={caseId} />
      {ev.opinions.length > 0 && (
        <Card title="专家组意见" size="small">
          <ul className="work-list" aria-label="专家组意见">
            {ev.opinions.map((o) => (
              <li key={o.opinionId}>
                <span>
                  {OPINION_KIND_NAMES[o.kind]}
                  {o.kind !== 'technical' && o.round > 1 ? `（第 ${o.round} 轮）` : ''}：
                  <Tag color={o.result === 'pass' ? 'green' : 'red'}>{o.result === 'pass' ? '通过' : '不通过'}</Tag>
                  {dayjs(o.submittedAt).format('YYYY-MM-DD HH:mm')}
                </span>
                <Link to={`/opinions/${caseId}/${o.kind}`} aria-label={`查看、打印${OPINION_KIND_NAMES[o.kind]}`}>
                  查看、打印
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {(ev.stage === 'GROUP_FORMED' || ev.stage === 'PRELIMINARY_REVIEW') && (
        <FindingsCard caseId={caseId} evaluation={ev} canRecord={!has('preliminary', ev.preliminaryRound)} />
      )}
      {leader && ev.stage === 'PRELIMINARY_REVIEW' && !has('preliminary', ev.preliminaryRound) && (
        <PreliminaryOpinionForm caseId={caseId} round={ev.preliminaryRound} />
      )}
      {ev.scope && (ev.stage === 'ONSITE_EVALUATION' || (leader && ev.stage === 'PRELIMINARY_REVIEW')) && (
        <OnsiteVisitCard caseId={caseId} evaluation={ev} closed={has('technical')} />
      )}
      {ev.stage === 'ONSITE_EVALUATION' && ev.scope && ev.standard && <ScoreSheetCard caseId={caseId} evaluation={ev} />}
      {leader && ev.stage === 'ONSITE_EVALUATION' && !has('technical') && <TechnicalOpinionForm caseId={caseId} evaluation={ev} />}
      {leader &&
        (ev.stage === 'COMPREHENSIVE_REVIEW' || (ev.stage === 'ONSITE_EVALUATION' && has('technical'))) &&
        !has('comprehensive', ev.comprehensiveRound ?? 1) && <ComprehensiveOpinionForm caseId={caseId} evaluation={ev} />}
    </Space>
  );
}

/** The case's materials, opened and downloaded by a member of its group; intake records every read. */
function MaterialsCard({ caseId }: { caseId: string }) {
  const materials = useQuery({
    queryKey: ['case', caseId, 'materials'],
    queryFn: () => call<MaterialHistoryItem[]>('intake', 'get', '/applications/{id}/materials', { path: { id: caseId } }),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  const download = useMutation({
    mutationFn: (v: MaterialVersion) => downloadWithToken('intake', `/applications/${caseId}/materials/${v.materialId}/content`, v.fileName),
  });
  const open = useMutation({ mutationFn: (v: MaterialVersion) => openWithToken('intake', `/applications/${caseId}/materials/${v.materialId}/content`) });
  const notYet = materials.error instanceof ApiError && materials.error.status === 404;
  return (
    <Card title="申报材料" size="small" extra={<Typography.Text type="secondary">查阅、下载均记录在案</Typography.Text>}>
      {notYet ? (
        <Typography.Text type="secondary">启动会召开、专家组组建后可查阅本案申报材料。</Typography.Text>
      ) : (
        <>
          <ErrorAlert error={materials.error ?? download.error ?? open.error} />
          <Table<MaterialHistoryItem>
            aria-label="申报材料"
            size="small"
            pagination={false}
            rowKey="item"
            loading={materials.isLoading}
            dataSource={(materials.data ?? []).filter((i) => i.versions.length > 0)}
            columns={[
              { title: '材料', dataIndex: 'title' },
              {
                title: '当前版本',
                render: (_, i) => {
                  const v = i.versions[0];
                  return (
                    <Space size={6} wrap>
                      <span>
                        第 {v.version} 版 · {v.fileName} · {formatBytes(v.size)}
                      </span>
                      <Button
                        size="small"
                        type="link"
                        aria-label={`查看 ${i.title} 第 ${v.version} 版`}
                        loading={open.isPending && open.variables?.materialId === v.materialId}
                        onClick={() => open.mutate(v)}
                      >
                        查看
                      </Button>
                      <Button
                        size="small"
                        type="link"
                        aria-label={`下载 ${i.title} 第 ${v.version} 版`}
                        loading={download.isPending && download.variables?.materialId === v.materialId}
                        onClick={() => download.mutate(v)}
                      >
                        下载
                      </Button>
                      <Typography.Text code style={{ fontSize: 11 }} aria-label={`${i.title} 第 ${v.version} 版 SHA-256`}>
                        {v.sha256}
                      </Typography.Text>
                    </Space>
                  );
                },
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
