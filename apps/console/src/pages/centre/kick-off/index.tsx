import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { call } from '../../../services/api';
import { upload } from '../../../api/http';
import type { DrawSummary, KickOffMinutes } from '../../../services/expert-pool/views';
import { useAuth } from '../../../auth/auth-context';
import { access } from '../../../access';
import { ErrorAlert } from '../../../components/error-alert';
import { downloadWithToken } from '../../../lib/download';
import { DRAW_STATUS_NAMES, ELECTION_METHOD_NAMES } from '../../../lib/vocabulary';

type MeetingForm = { heldOn: Dayjs; place: string; presentExpertIds: string[]; requirements: string; standardVersion: string };

/**
 * 启动会 (kick-off meeting) of an expert group: the centre (or the discipline officer) records the day, the place,
 * the members present, the requirements and the standard agreed, and attaches the minutes; the election among those
 * present is followed round by round, and after a tied runoff the centre names the leader with its reason (ADR 0020).
 * Members of the group read the same record and download the minutes.
 */
export default function KickOffPage() {
  const { drawId = '' } = useParams();
  const { session } = useAuth();
  const can = access(session?.user);
  const queryClient = useQueryClient();
  const draw = useQuery({
    queryKey: ['draw', drawId],
    queryFn: () => call<DrawSummary>('expert-pool', 'get', '/draws/{id}', { path: { id: drawId } }),
    refetchInterval: 5000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['draw', drawId] });
  const [form] = Form.useForm<MeetingForm>();
  const record = useMutation({
    mutationFn: (v: MeetingForm) =>
      call('expert-pool', 'put', '/draws/{id}/kick-off-meeting', {
        path: { id: drawId },
        body: {
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          place: v.place.trim(),
          presentExpertIds: v.presentExpertIds,
          requirements: v.requirements.trim(),
          standardVersion: v.standardVersion.trim(),
        },
      }),
    onSuccess: refresh,
  });
  const [decision, setDecision] = useState<{ leaderExpertId?: string; reason?: string }>({});
  const decide = useMutation({
    mutationFn: () =>
      call('expert-pool', 'post', '/draws/{id}/leader-decision', {
        path: { id: drawId },
        body: { leaderExpertId: decision.leaderExpertId!, reason: (decision.reason ?? '').trim() },
      }),
    onSuccess: refresh,
  });
  const attach = useMutation({
    mutationFn: (file: File) => {
      const f = new FormData();
      f.append('file', file, file.name);
      return upload('expert-pool', `/draws/${drawId}/kick-off-meeting/minutes`, f, () => undefined);
    },
    onSuccess: refresh,
  });
  const download = useMutation({ mutationFn: (k: KickOffMinutes) => downloadWithToken('expert-pool', k.download, k.fileName) });

  if (draw.isLoading) return <Skeleton active />;
  const d = draw.data;
  if (!d) return <ErrorAlert error={draw.error} />;
  const group = d.group && !d.group.sealed ? d.group : null;
  const organiser = can.centreStaff || can.disciplineOfficer;
  const meeting = group?.kickOffMeeting ?? null;
  const election = group?.election ?? null;
  const result = group?.leaderElection ?? null;
  const nameOf = (id: string) => group?.members.find((m) => m.expertId === id)?.name ?? id;
  const round = group?.electionRound ?? 1;
  const isLeader = !!session?.user.expertId && session.user.expertId === group?.leaderExpertId;
  // The China date the group was formed: the meeting is held that day or later.
  const formedOn = d.formedAt ? new Date(Date.parse(d.formedAt) + 8 * 3600_000).toISOString().slice(0, 10) : null;
  const back = can.disciplineOfficer ? `/officer/draws/${d.id}` : can.expert ? `/expert/draws/${d.id}` : `/cases/${d.caseId}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/workbench">工作台</Link> }, { title: <Link to={back}>{d.applicant.name}</Link> }, { title: '启动会' }]} />
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          启动会：{d.applicant.name}
        </Typography.Title>
        <Tag color="blue">{DRAW_STATUS_NAMES[d.status]}</Tag>
      </Space>
      {!group ? (
        <Empty description="专家组召开启动会、名单解密后方可查看" />
      ) : (
        <>
          <Card title="会议记录" size="small">
            {meeting ? (
              <Descriptions column={{ xs: 1, md: 2 }} size="small" aria-label="启动会记录">
                <Descriptions.Item label="会议日期">{meeting.heldOn}</Descriptions.Item>
                <Descriptions.Item label="会议地点">{meeting.place}</Descriptions.Item>
                <Descriptions.Item label="出席成员">{meeting.presentExpertIds.map(nameOf).join('、')}</Descriptions.Item>
                <Descriptions.Item label="缺席成员">{meeting.absentExpertIds.map(nameOf).join('、') || '无'}</Descriptions.Item>
                <Descriptions.Item label="明确的评估要求" span={2}>
                  {meeting.requirements}
                </Descriptions.Item>
                <Descriptions.Item label="统一的评估标准">{meeting.standardVersion}</Descriptions.Item>
                <Descriptions.Item label="记录时间">{dayjs(meeting.recordedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">启动会尚未记录；记录出席成员后，出席成员推选组长。</Typography.Text>
            )}
          </Card>

          {organiser && d.status === 'FORMED' && (
            <Card title={meeting ? '重新记录启动会（另行召开时）' : '记录启动会'} size="small">
              <Form<MeetingForm>
                form={form}
                layout="vertical"
                aria-label="记录启动会"
                initialValues={{
                  heldOn: dayjs(meeting?.heldOn ?? formedOn ?? undefined),
                  place: meeting?.place,
                  presentExpertIds: meeting?.presentExpertIds ?? group.members.map((m) => m.expertId),
                  requirements: meeting?.requirements,
                  standardVersion: meeting?.standardVersion,
                }}
                onFinish={(v) => record.mutate(v)}
              >
                <Space wrap>
                  <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
                    <DatePicker aria-label="会议日期" disabledDate={(x) => !!formedOn && x.isBefore(dayjs(formedOn), 'day')} />
                  </Form.Item>
                  <Form.Item name="place" label="会议地点" rules={[{ required: true, whitespace: true, message: '请填写会议地点' }]}>
                    <Input style={{ width: 320 }} maxLength={200} />
                  </Form.Item>
                </Space>
                <Form.Item
                  name="presentExpertIds"
                  label="出席成员（出席须超过半数；缺席成员不参加本次推选）"
                  rules={[
                    {
                      validator: (_, v: string[] = []) =>
                        v.length * 2 > group.members.length ? Promise.resolve() : Promise.reject(new Error(`出席成员须超过 ${group.members.length} 人的半数`)),
                    },
                  ]}
                >
                  <Checkbox.Group aria-label="出席成员" options={group.members.map((m) => ({ value: m.expertId, label: m.name }))} />
                </Form.Item>
                <Form.Item name="requirements" label="明确的评估要求" rules={[{ required: true, whitespace: true, message: '请填写评估要求' }]}>
                  <Input.TextArea rows={3} maxLength={5000} />
                </Form.Item>
                <Form.Item
                  name="standardVersion"
                  label="统一的评估标准（标准及版本）"
                  extra="评估所用标准版本以专家组组建当日有效的版本为准（评估服务固定在案件上）；此处记录会上统一的标准。"
                  rules={[{ required: true, whitespace: true, message: '请填写统一的评估标准版本' }]}
                >
                  <Input maxLength={200} />
                </Form.Item>
                <ErrorAlert error={record.error} />
                <Button type="primary" htmlType="submit" loading={record.isPending}>
                  保存启动会记录
                </Button>
              </Form>
            </Card>
          )}

          <Card title="会议纪要" size="small">
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Table<KickOffMinutes>
                size="small"
                aria-label="会议纪要"
                rowKey="id"
                pagination={false}
                locale={{ emptyText: '尚未上传会议纪要' }}
                dataSource={d.kickOffMinutes ?? []}
                columns={[
                  { title: '文件', dataIndex: 'fileName' },
                  { title: '上传时间', render: (_, k) => dayjs(k.uploadedAt).format('YYYY-MM-DD HH:mm') },
                  { title: 'SHA-256', render: (_, k) => <Typography.Text code>{k.sha256.slice(0, 16)}…</Typography.Text> },
                  {
                    title: '操作',
                    render: (_, k) => (
                      <Button size="small" onClick={() => download.mutate(k)} loading={download.isPending && download.variables?.id === k.id}>
                        下载
                      </Button>
                    ),
                  },
                ]}
              />
              <ErrorAlert error={attach.error ?? download.error} />
              {meeting && (organiser || isLeader) && !d.seedRevealedAt && (
                <Upload
                  accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    attach.mutate(file);
                    return false;
                  }}
                >
                  <Button loading={attach.isPending}>上传会议纪要</Button>
                </Upload>
              )}
            </Space>
          </Card>

          <Card title="推选组长" size="small">
            {result ? (
              <Descriptions column={1} size="small" aria-label="组长推选结果">
                <Descriptions.Item label="组长">{nameOf(result.leaderExpertId)}</Descriptions.Item>
                <Descriptions.Item label="方式">{ELECTION_METHOD_NAMES[result.method]}</Descriptions.Item>
                <Descriptions.Item label="票数">
                  {`第 ${result.round} 轮得 ${result.votes} 票；出席 ${result.presentCount} 人（全组 ${result.memberCount} 人），弃权 ${result.abstentions} 人`}
                </Descriptions.Item>
                {result.reason && <Descriptions.Item label="中心决定理由">{result.reason}</Descriptions.Item>}
              </Descriptions>
            ) : !meeting || !election ? (
              <Typography.Text type="secondary">记录启动会后，出席成员在各自的工作台投票。</Typography.Text>
            ) : election.stage === 'centre-decision' ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Alert
                  type="warning"
                  showIcon
                  title={`第二轮票数相同：${election.candidates.map(nameOf).join('、')}。由鉴定中心在并列人选中决定组长并说明理由。`}
                />
                {can.centreStaff && (
                  <Form layout="vertical" aria-label="决定组长" onFinish={() => decide.mutate()}>
                    <Form.Item label="组长" required>
                      <Radio.Group
                        aria-label="并列人选"
                        value={decision.leaderExpertId}
                        onChange={(e) => setDecision({ ...decision, leaderExpertId: e.target.value })}
                        options={election.candidates.map((id) => ({ value: id, label: nameOf(id) }))}
                      />
                    </Form.Item>
                    <Form.Item label="决定理由" required>
                      <Input.TextArea rows={2} value={decision.reason} onChange={(e) => setDecision({ ...decision, reason: e.target.value })} />
                    </Form.Item>
                    <ErrorAlert error={decide.error} />
                    <Button type="primary" htmlType="submit" disabled={!decision.leaderExpertId || !decision.reason?.trim()} loading={decide.isPending}>
                      确定组长
                    </Button>
                  </Form>
                )}
              </Space>
            ) : (
              <Typography.Text>
                {`第 ${round} 轮（${election.stage === 'runoff' ? `第二轮，在 ${election.candidates.map(nameOf).join('、')} 中推选` : '出席成员过半数当选'}）：已投票 ${
                  group.votes?.filter((v) => v.round === round).length ?? 0
                } / ${meeting.presentExpertIds.length} 人`}
              </Typography.Text>
            )}
          </Card>

          {group.declarations && group.declarations.length > 0 && (
            <Card title="回避声明" size="small">
              <Table
                size="small"
                aria-label="回避声明"
                rowKey={(x) => `${x.expertId}-${x.signedAt}`}
                pagination={false}
                dataSource={group.declarations}
                columns={[
                  { title: '专家', render: (_, x) => nameOf(x.expertId) },
                  { title: '声明', render: (_, x) => (x.hasConflict ? <Tag color="red">申请回避</Tag> : <Tag color="green">无利害关系</Tag>) },
                  { title: '内容', dataIndex: 'statement' },
                  { title: '签署时间', render: (_, x) => dayjs(x.signedAt).format('YYYY-MM-DD HH:mm') },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
