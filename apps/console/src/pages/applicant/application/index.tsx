import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Descriptions, Input, Result, Row, Skeleton, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { ApplicationDetail, MaterialHistoryItem } from '../../../services/intake/views';
import { ErrorAlert } from '../../../components/error-alert';
import { MaterialUpload } from '../../../components/material-upload';
import { APPLICATION_KIND_NAMES, APPLICATION_STATUS_NAMES, STAGE_NAMES, jurisdictionName, levelsText, stageReasonText } from '../../../lib/vocabulary';
import { formatBytes } from '../../../lib/file-digest';
import { expectationOf } from './expectation';
import { itemsNamedIn, reasonText } from './return-reasons';

const FINAL = ['FILED', 'REJECTED'];

/** One application: its stage as a timeline, what is expected now, returns and resubmission, the filing notice. */
export default function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const app = useQuery({
    queryKey: ['application', applicationId],
    queryFn: () => call<ApplicationDetail>('intake', 'get', '/applications/{id}', { path: { id: applicationId } }),
    // The case moves as officials act; follow it while it is under way.
    refetchInterval: (q) => (q.state.data && FINAL.includes(q.state.data.status) ? false : 5000),
  });
  const history = useQuery({
    enabled: !!app.data,
    queryKey: ['application', applicationId, 'materials', app.data?.materials.map((m) => m.materialId).join()],
    queryFn: () => call<MaterialHistoryItem[]>('intake', 'get', '/applications/{id}/materials', { path: { id: applicationId } }),
  });
  const resubmit = useMutation({
    mutationFn: () =>
      call('intake', 'post', '/applications/{id}/resubmit', {
        path: { id: applicationId },
        body: note.trim() ? { note: note.trim() } : {},
        headers: { 'idempotency-key': `resubmit-${applicationId}-${app.data?.returnCount}` },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['application', applicationId] }),
  });

  const a = app.data;
  if (app.isLoading) return <Skeleton active />;
  if (!a) return <ErrorAlert error={app.error} />;
  const expectation = expectationOf(a);
  const lastReturn = a.returns[a.returns.length - 1];
  const toCorrect = lastReturn ? itemsNamedIn(lastReturn.reasons, a.checklist) : new Set<string>();
  const uploadedSinceReturn = a.materials.some((m) => (m.round ?? 0) === a.round + 1);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/applicant/applications">我的申报</Link> }, { title: a.institution.name }]} />
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {APPLICATION_KIND_NAMES[a.applicationKind]}：{a.institution.name}
        </Typography.Title>
        <Tag color={a.status === 'RETURNED' ? 'warning' : a.status === 'FILED' ? 'success' : 'processing'}>{APPLICATION_STATUS_NAMES[a.status]}</Tag>
      </Space>
      <Alert
        type={expectation.actionable ? 'warning' : 'info'}
        showIcon
        title={a.caseStage ? `当前阶段：${STAGE_NAMES[a.caseStage] ?? a.caseStage}` : APPLICATION_STATUS_NAMES[a.status]}
        description={expectation.long}
      />
      {a.filing && (
        <Card title="备案通知" size="small">
          <Result
            status="success"
            title={`备案通知 ${a.filing.noticeNumber}`}
            subTitle={`${a.filing.issuingAuthority} ${a.filing.noticeDate} 下发${a.filing.filingNumber ? ` · 备案编号 ${a.filing.filingNumber}` : ''}`}
            extra={<Link to={`/register/${a.institution.creditCode}`}>在备案机构名录中查看</Link>}
          />
        </Card>
      )}
      {a.status === 'RETURNED' && lastReturn && (
        <Card title={`退回补正（第 ${lastReturn.returnCount} 次退回，${dayjs(lastReturn.at).format('YYYY-MM-DD HH:mm')}）`} size="small">
          <Typography.Paragraph strong>退回意见：</Typography.Paragraph>
          <ol aria-label="退回意见">
            {lastReturn.reasons.map((r, i) => (
              <li key={i}>{reasonText(r)}</li>
            ))}
          </ol>
          <Typography.Paragraph type="secondary">请上传修改后的材料（将作为新版本保存，原版本保留可查），然后重新提交。</Typography.Paragraph>
          {[...a.checklist]
            .sort((x, y) => Number(toCorrect.has(y.item)) - Number(toCorrect.has(x.item)))
            .map((item) => (
              <MaterialUpload
                key={item.item}
                applicationId={a.id}
                item={item}
                current={a.materials.find((m) => m.checklistItem === item.item)}
                highlight={toCorrect.has(item.item) ? '需补正' : undefined}
                onUploaded={() => void app.refetch()}
              />
            ))}
          <Input.TextArea
            aria-label="补正说明"
            placeholder="补正说明（选填）：写明针对退回意见修改了哪些内容"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={2000}
            style={{ marginTop: 16 }}
          />
          <ErrorAlert error={resubmit.error} style={{ marginTop: 16 }} />
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" onClick={() => resubmit.mutate()} loading={resubmit.isPending} disabled={!uploadedSinceReturn}>
              重新提交
            </Button>
            {!uploadedSinceReturn && <Typography.Text type="secondary">请先上传至少一份修改后的材料</Typography.Text>}
          </Space>
        </Card>
      )}
      {resubmit.isSuccess && a.status !== 'RETURNED' && <Alert type="success" showIcon title="已重新提交，正在送达受理单位" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="办理进度" size="small">
            <Timeline
              items={[
                { color: 'gray', content: `创建申报 ${dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}` },
                ...(a.submittedAt ? [{ color: 'blue', content: `提交申报 ${dayjs(a.submittedAt).format('YYYY-MM-DD HH:mm')}` }] : []),
                ...a.timeline.map((t) => ({
                  color: t.to === 'RETURNED' ? 'orange' : t.to === 'NOT_PASSED' ? 'red' : t.to === 'FILING_NOTICE_ISSUED' ? 'green' : 'blue',
                  content: (
                    <>
                      <div>
                        <strong>{STAGE_NAMES[t.to ?? ''] ?? t.to}</strong> <span style={{ color: '#888' }}>{dayjs(t.at).format('YYYY-MM-DD HH:mm')}</span>
                      </div>
                      {t.reason && <div style={{ color: '#555' }}>{stageReasonText(t.reason)}</div>}
                    </>
                  ),
                })),
              ]}
            />
            {!a.caseStage && a.status !== 'DRAFT' && <Typography.Text type="secondary">申报正在送达受理单位…</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="申报信息" size="small">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="统一社会信用代码">{a.institution.creditCode}</Descriptions.Item>
              <Descriptions.Item label="属地">{jurisdictionName(a.jurisdiction)}</Descriptions.Item>
              <Descriptions.Item label="认定职业">{a.occupations.map((o) => `${o.name}（${levelsText(o.levels)}）`).join('；')}</Descriptions.Item>
              <Descriptions.Item label="提交时间">{a.submittedAt ? dayjs(a.submittedAt).format('YYYY-MM-DD HH:mm') : '未提交'}</Descriptions.Item>
              {a.round > 0 && <Descriptions.Item label="补正次数">{a.round}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="材料及历史版本" size="small" style={{ marginTop: 16 }}>
            <Table<MaterialHistoryItem>
              size="small"
              pagination={false}
              rowKey="item"
              loading={history.isLoading}
              dataSource={(history.data ?? []).filter((i) => i.versions.length > 0)}
              columns={[
                { title: '材料', dataIndex: 'title' },
                {
                  title: '版本',
                  render: (_, i) => (
                    <Space orientation="vertical" size={0}>
                      {i.versions.map((v) => (
                        <span key={v.materialId} style={{ color: v === i.versions[0] ? undefined : '#999' }}>
                          第 {v.version} 版{(v.round ?? 0) > 0 ? `（第 ${v.round} 次补正）` : ''} · {v.fileName} · {formatBytes(v.size)}
                        </span>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
