import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { ApplicationDetail, MaterialHistoryItem, MaterialVersion, Occupation } from '../../../services/intake/views';
import type { CaseHistoryEntry, CaseWithHistory, Opinion } from '../../../services/review/views';
import { ErrorAlert } from '../../../components/error-alert';
import { ApiError } from '../../../api/problem';
import { useAuth } from '../../../auth/auth-context';
import { DeadlineTag, waitedText } from '../../../components/deadline-tag';
import { downloadWithToken } from '../../../lib/download';
import { MaterialAccessCard } from './material-access';
import { formatBytes } from '../../../lib/file-digest';
import {
  APPLICATION_KIND_NAMES,
  APPROVAL_BODY_NAMES,
  CASE_ACTION_NAMES,
  INSTITUTION_KIND_NAMES,
  OPINION_KIND_NAMES,
  ROLE_NAMES,
  STAGE_NAMES,
  STAGE_WAITS_FOR,
  jurisdictionName,
  levelsText,
  stageReasonText,
} from '../../../lib/vocabulary';
import { reasonText } from '../../applicant/application/return-reasons';
import { CaseSteps } from './case-steps';
import { CaseGroup } from './case-group';
import { CaseNotice } from './case-notice';

const FINAL = ['FILING_NOTICE_ISSUED', 'NOT_PASSED', 'CLOSED'];

/**
 * One case as the centre and the approvers see it: the step open to me now, then the institution, occupations,
 * materials (every version, its sha-256, download), opinions, re-checks, approval, notice, filing notice, and the
 * case's audit trail (who, when, why).
 */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const { session } = useAuth();
  const kase = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => call<CaseWithHistory>('review', 'get', '/cases/{id}', { path: { id: caseId } }),
    refetchInterval: (q) => (q.state.data && FINAL.includes(q.state.data.stage) ? false : 5000),
  });
  const app = useQuery({
    queryKey: ['case', caseId, 'application', kase.data?.version],
    enabled: !!kase.data,
    queryFn: () => call<ApplicationDetail>('intake', 'get', '/applications/{id}', { path: { id: caseId } }),
  });
  const materials = useQuery({
    queryKey: ['case', caseId, 'materials', kase.data?.version],
    enabled: !!kase.data,
    queryFn: () => call<MaterialHistoryItem[]>('intake', 'get', '/applications/{id}/materials', { path: { id: caseId } }),
  });
  const download = useMutation({
    mutationFn: (v: MaterialVersion) => downloadWithToken('intake', `/applications/${caseId}/materials/${v.materialId}/content`, v.fileName),
  });

  if (kase.isLoading) return <Skeleton active />;
  const c = kase.data;
  if (!c) {
    // Review answers 404 for a case outside my jurisdiction (no existence leak): say which scope I see.
    const outside = kase.error instanceof ApiError && (kase.error.status === 404 || kase.error.status === 403);
    if (!outside) return <ErrorAlert error={kase.error} />;
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title="无法查看该案件"
        description={`在${jurisdictionName(session?.user.jurisdiction)}的审核范围内未找到该案件：它不属于您所在的辖区，或案件编号有误。其他辖区的案件由该辖区的鉴定中心办理。`}
      />
    );
  }
  const rechecks = c.history.filter((h) => h.action === 'recheck-pass' || h.action === 'recheck-fail');
  const a = app.data;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/workbench">工作台</Link> }, { title: c.institution.name }]} />
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {c.institution.name}
        </Typography.Title>
        <Tag color={FINAL.includes(c.stage) ? (c.stage === 'FILING_NOTICE_ISSUED' ? 'success' : 'default') : 'processing'}>
          {STAGE_NAMES[c.stage] ?? c.stage}
        </Tag>
        {!FINAL.includes(c.stage) && <DeadlineTag deadline={c.deadline} />}
      </Space>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="申报类型">{APPLICATION_KIND_NAMES[c.applicationKind]}</Descriptions.Item>
        <Descriptions.Item label="属地">{`${jurisdictionName(c.jurisdiction)}（${c.level === 'province' ? '省直案件' : '市州案件'}）`}</Descriptions.Item>
        <Descriptions.Item label="进入本阶段">{`${dayjs(c.stageEnteredAt).format('YYYY-MM-DD HH:mm')}，已等待 ${waitedText(c.deadline)}`}</Descriptions.Item>
      </Descriptions>
      {c.waitingFor && <Alert type="warning" showIcon title={c.waitingFor.messageZh} />}
      {c.myActions.length === 0 && !FINAL.includes(c.stage) && (
        <Alert
          type="info"
          showIcon
          title="本阶段无需您操作"
          description={`当前等待：${STAGE_WAITS_FOR[c.stage] ?? '其他环节办理'}。办理后案件自动进入下一阶段。`}
        />
      )}
      <CaseSteps c={c} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title="申报机构" size="small">
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="统一社会信用代码">{c.institution.creditCode}</Descriptions.Item>
                <Descriptions.Item label="机构类型">{INSTITUTION_KIND_NAMES[c.institution.kind] ?? c.institution.kind}</Descriptions.Item>
                <Descriptions.Item label="法定代表人">{c.institution.legalRepresentative}</Descriptions.Item>
                <Descriptions.Item label="地址">{c.institution.address}</Descriptions.Item>
                <Descriptions.Item label="联系人">{`${c.institution.contact.person} · ${c.institution.contact.phone}${c.institution.contact.email ? ` · ${c.institution.contact.email}` : ''}`}</Descriptions.Item>
                {c.existingFilingNumber && <Descriptions.Item label="原备案编号">{c.existingFilingNumber}</Descriptions.Item>}
              </Descriptions>
            </Card>
            <Card title="申请认定职业（工种）及等级" size="small">
              <Table
                size="small"
                pagination={false}
                rowKey="code"
                dataSource={c.occupations}
                columns={[
                  { title: '职业编码', dataIndex: 'code', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
                  { title: '职业（工种）', render: (_, o) => `${o.name}${o.workType ? `（${o.workType}）` : ''}` },
                  { title: '等级', render: (_, o) => levelsText(o.levels) },
                  ...(c.passedOccupations
                    ? [
                        {
                          title: '综合评审结论',
                          render: (_: unknown, o: Occupation) => {
                            const passed = c.passedOccupations!.find((p) => p.code === o.code && (p.workType ?? '') === (o.workType ?? ''));
                            const not = c.notPassedOccupations?.find((p) => p.code === o.code && (p.workType ?? '') === (o.workType ?? ''));
                            return passed ? (
                              <Space size={4} wrap>
                                <Tag color="green">通过 {levelsText(passed.levels)}</Tag>
                                {passed.levels.length < o.levels.length && not?.reason}
                              </Space>
                            ) : (
                              <Space size={4} wrap>
                                <Tag color="red">不通过</Tag>
                                {not?.reason}
                              </Space>
                            );
                          },
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card title="申报材料及历史版本" size="small">
              <ErrorAlert error={materials.error ?? download.error} />
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
                    title: '版本、校验值（SHA-256）',
                    render: (_, i) => (
                      <Space orientation="vertical" size={6}>
                        {i.versions.map((v) => (
                          <div key={v.materialId} style={{ color: v === i.versions[0] ? undefined : '#888' }}>
                            <Space size={6} wrap>
                              <span>
                                第 {v.version} 版{(v.round ?? 0) > 0 ? `（第 ${v.round} 次补正）` : ''} · {v.fileName} · {formatBytes(v.size)}
                                {v.uploadedAt ? ` · ${dayjs(v.uploadedAt).format('YYYY-MM-DD HH:mm')}` : ''}
                              </span>
                              <Button
                                size="small"
                                type="link"
                                aria-label={`下载 ${i.title} 第 ${v.version} 版`}
                                loading={download.isPending && download.variables?.materialId === v.materialId}
                                onClick={() => download.mutate(v)}
                              >
                                下载
                              </Button>
                            </Space>
                            <div>
                              <Typography.Text
                                code
                                copyable
                                style={{ fontSize: 11, wordBreak: 'break-all' }}
                                aria-label={`${i.title} 第 ${v.version} 版 SHA-256`}
                              >
                                {v.sha256}
                              </Typography.Text>
                            </div>
                          </div>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
            <MaterialAccessCard caseId={caseId} />
            {a && a.returns.length > 0 && (
              <Card title="退回补正" size="small">
                {a.returns.map((r) => (
                  <div key={r.at} style={{ marginBottom: 8 }}>
                    <strong>
                      第 {r.returnCount} 次退回 · {dayjs(r.at).format('YYYY-MM-DD HH:mm')}（{STAGE_NAMES[r.atStage] ?? r.atStage}）
                    </strong>
                    <ol style={{ margin: '4px 0' }}>
                      {r.reasons.map((x, i) => (
                        <li key={i}>{reasonText(x)}</li>
                      ))}
                    </ol>
                  </div>
                ))}
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {a?.filing && (
              <Card title="备案通知" size="small">
                <Result
                  status="success"
                  title={`备案通知 ${a.filing.noticeNumber}`}
                  subTitle={`${a.filing.issuingAuthority} ${a.filing.noticeDate} 下发${a.filing.filingNumber ? ` · 备案编号 ${a.filing.filingNumber}` : ''}`}
                />
              </Card>
            )}
            <Card title="专家组" size="small">
              <CaseGroup c={c} />
            </Card>
            <Card title="评估意见" size="small">
              {(['preliminary', 'technical', 'comprehensive'] as const).some((k) => c.opinions[k]) ? (
                (['preliminary', 'technical', 'comprehensive'] as const).map((k) => c.opinions[k] && <OpinionItem key={k} kind={k} o={c.opinions[k]!} />)
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无评估意见" />
              )}
            </Card>
            {c.level === 'city' && (
              <Card title="省级复核" size="small">
                {rechecks.length ? (
                  rechecks.map((h) => (
                    <div key={h.seq} style={{ marginBottom: 8 }}>
                      <Tag color={h.action === 'recheck-pass' ? 'green' : 'red'}>{h.action === 'recheck-pass' ? '复核通过' : '复核不通过'}</Tag>
                      {h.from === 'PROVINCIAL_RECHECK_PRELIMINARY' ? '初评意见' : '综合技术评估意见'} · {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
                      {h.reason && <div style={{ color: '#555' }}>{h.reason}</div>}
                    </div>
                  ))
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未复核" />
                )}
              </Card>
            )}
            {c.approval && (
              <Card title="审定" size="small">
                <Descriptions column={1} size="small">
                  <Descriptions.Item label="结论">{c.approval.decision === 'approved' ? '审定通过' : '审定不通过'}</Descriptions.Item>
                  <Descriptions.Item label="审定机关">{APPROVAL_BODY_NAMES[c.approval.approvalBody]}</Descriptions.Item>
                  {c.approval.meetingReference && <Descriptions.Item label="会议纪要">{c.approval.meetingReference}</Descriptions.Item>}
                  <Descriptions.Item label="时间">{dayjs(c.approval.at).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
                </Descriptions>
              </Card>
            )}
            {c.notice && <CaseNotice c={c} />}
            <Card title="办理过程及审计记录" size="small">
              <Timeline aria-label="办理过程" items={c.history.map((h) => ({ color: colourOf(h), content: <HistoryItem h={h} /> }))} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function OpinionItem({ kind, o }: { kind: string; o: Opinion }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <Tag color={o.result === 'pass' ? 'green' : 'red'}>{o.result === 'pass' ? '通过' : '不通过'}</Tag>
      <strong>{OPINION_KIND_NAMES[kind]}</strong>
      {o.total !== undefined && <span>（得分 {o.total}）</span>}
      <span style={{ color: '#888' }}> · {dayjs(o.submittedAt).format('YYYY-MM-DD HH:mm')}</span>
      <div style={{ color: '#555' }}>{o.summary}</div>
    </div>
  );
}

function HistoryItem({ h }: { h: CaseHistoryEntry }) {
  // A person by name, with role and place; a step another service reported (no name, a technical subject) by role.
  const role = ROLE_NAMES[h.actor.role] ?? h.actor.role;
  const place = h.actor.jurisdiction ? jurisdictionName(h.actor.jurisdiction) : '';
  const who =
    !h.actor.role || h.actor.role === 'event'
      ? '系统'
      : h.actor.name
        ? `${h.actor.name}（${role}${place ? ` · ${place}` : ''}）`
        : `${role}${place ? `（${place}）` : ''}`;
  return (
    <div>
      <div>
        <strong>{CASE_ACTION_NAMES[h.action] ?? h.action}</strong>
        {h.to && h.to !== h.from && <span>{` → ${STAGE_NAMES[h.to] ?? h.to}`}</span>}
      </div>
      <div style={{ color: '#888', fontSize: 12 }}>
        {dayjs(h.at).format('YYYY-MM-DD HH:mm')} · {who}
      </div>
      {h.reason && <div style={{ color: '#555' }}>{stageReasonText(h.reason)}</div>}
    </div>
  );
}

function colourOf(h: CaseHistoryEntry): string {
  if (h.to === 'RETURNED') return 'orange';
  if (h.to === 'NOT_PASSED' || h.to === 'CLOSED') return 'red';
  if (h.to === 'FILING_NOTICE_ISSUED') return 'green';
  return 'blue';
}
