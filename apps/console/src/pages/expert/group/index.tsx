import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Radio, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { DrawSummary } from '../../../services/expert-pool/views';
import { useAuth } from '../../../auth/auth-context';
import { ErrorAlert } from '../../../components/error-alert';
import { DRAW_STATUS_NAMES, ELECTION_METHOD_NAMES, MEMBER_STATE_NAMES, NO_CONFLICT_STATEMENT, jurisdictionName, levelsText } from '../../../lib/vocabulary';

type Member = { expertId: string; name: string; occupationCodes: string[]; state: string };

/** The radio value of an abstention (弃权). */
const ABSTAIN = '__abstain__';

type Declaration = { hasConflict: boolean; statement?: string; conflict?: string; pledge?: boolean };

/**
 * An expert's invitation and group (专家): confirm with the signed conflict declaration (回避声明; a declared conflict
 * recuses and calls the next reserve) or decline with a reason before the kick-off; the group once formed at the
 * kick-off; the leader vote (组长) among the members present at the kick-off meeting; and the way into the evaluation.
 */
export default function ExpertGroupPage() {
  const { drawId = '' } = useParams();
  const me = useAuth().session!.user.expertId!;
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [candidate, setCandidate] = useState<string>();
  // Once declined or recused the expert is no longer in the draw (expert-pool no longer shows it to them): the page says so.
  const [declined, setDeclined] = useState<string>();
  const [recused, setRecused] = useState<string>();
  const draw = useQuery({
    queryKey: ['draw', drawId],
    queryFn: () => call<DrawSummary>('expert-pool', 'get', '/draws/{id}', { path: { id: drawId } }),
    refetchInterval: declined || recused ? false : 5000,
    enabled: !declined && !recused,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['draw', drawId] });
  const confirm = useMutation({
    mutationFn: (v: Declaration) =>
      call<{ outcome: 'confirmed' | 'recused' }>('expert-pool', 'post', '/draws/{id}/members/{expertId}/confirm', {
        path: { id: drawId, expertId: me },
        body: { conflictDeclaration: { hasConflict: v.hasConflict, statement: v.hasConflict ? v.conflict!.trim() : NO_CONFLICT_STATEMENT } },
      }),
    onSuccess: (r, v) => (r.outcome === 'recused' ? setRecused(v.conflict!.trim()) : refresh()),
  });
  const vote = useMutation({
    mutationFn: (candidateExpertId: string) =>
      call('expert-pool', 'post', '/draws/{id}/votes', {
        path: { id: drawId },
        body: candidateExpertId === ABSTAIN ? { abstain: true } : { candidateExpertId },
      }),
    onSuccess: () => {
      setCandidate(undefined);
      refresh();
    },
  });

  if (draw.isLoading) return <Skeleton active />;
  const d = draw.data;
  if (declined)
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert
          type="success"
          showIcon
          role="status"
          title="您已谢绝本次邀请"
          description={`谢绝原因：${declined}。由备选专家按顺位递补，原因已记入抽取记录。`}
        />
        <Link to="/workbench">返回工作台</Link>
      </Space>
    );
  if (recused)
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="success" showIcon role="status" title="您已申请回避" description={`回避声明：${recused}。由备选专家按顺位递补，声明已记入抽取记录。`} />
        <Link to="/workbench">返回工作台</Link>
      </Space>
    );
  if (!d) return <ErrorAlert error={draw.error} />;
  const group = d.group && !d.group.sealed ? d.group : null;
  const mine = group?.members.find((m) => m.expertId === me);
  const formed = d.status === 'FORMED' || d.status === 'LEADER_ELECTED';
  const round = group?.electionRound ?? 1;
  const myVote = group?.votes?.find((v) => v.round === round && v.voterExpertId === me);
  const leader = group?.members.find((m) => m.expertId === group.leaderExpertId);
  const nameOf = (id: string | null) => (id === null ? '弃权' : (group?.members.find((m) => m.expertId === id)?.name ?? id));
  const meeting = group?.kickOffMeeting ?? null;
  const election = group?.election ?? null;
  const present = !!meeting?.presentExpertIds.includes(me);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/workbench">工作台</Link> }, { title: d.applicant.name }]} />
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          专家组：{d.applicant.name}
        </Typography.Title>
        <Tag color="blue">{DRAW_STATUS_NAMES[d.status]}</Tag>
      </Space>
      <Card title="评估任务" size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="申报机构">{d.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="案件属地">{jurisdictionName(d.caseJurisdiction)}</Descriptions.Item>
          <Descriptions.Item label="评估职业">{d.occupations.map((o) => `${o.name}（${levelsText(o.levels)}）`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="专家组">{`${d.requirements.groupSize} 人`}</Descriptions.Item>
          <Descriptions.Item label="工作方案">{d.workPlan}</Descriptions.Item>
          {d.plannedOnsiteDate && <Descriptions.Item label="计划现场评估">{d.plannedOnsiteDate}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title="我的邀请" size="small">
        {d.group?.sealed ? (
          <Typography.Text>
            {d.group.yourReserveRank ? `您是备选专家第 ${d.group.yourReserveRank} 位：如有成员谢绝或回避，将按顺位递补并另行通知。` : '名单保密。'}
          </Typography.Text>
        ) : !mine ? (
          <Typography.Text type="secondary">您不在本专家组中。</Typography.Text>
        ) : mine.state === 'drawn' && d.status === 'DRAWN' ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>您已被随机抽取为本案评估专家，请签署回避声明后确认参加（启动会前可谢绝，由备选专家递补）。</Typography.Text>
            <DeclarationForm pending={confirm.isPending} error={confirm.error} onSign={(v) => confirm.mutate(v)} onDecline={() => setDeclining(true)} />
          </Space>
        ) : (
          <Typography.Text>
            <Tag color="green">{MEMBER_STATE_NAMES[mine.state] ?? mine.state}</Tag>
            {formed ? `启动会已于 ${dayjs(d.formedAt).format('YYYY-MM-DD HH:mm')} 召开，专家组已组建。` : '待全体成员确认后由纪检人员召开启动会。'}
          </Typography.Text>
        )}
      </Card>

      {group && (
        <Card title="专家组成员" size="small">
          <Table<Member>
            size="small"
            aria-label="专家组成员"
            rowKey="expertId"
            pagination={false}
            dataSource={group.members}
            columns={[
              { title: '专家', render: (_, m) => `${m.name}${m.expertId === me ? '（本人）' : ''}` },
              {
                title: '可评估本案职业',
                render: (_, m) =>
                  d.occupations
                    .filter((o) => m.occupationCodes.includes(o.code))
                    .map((o) => o.name)
                    .join('、') || '—',
              },
              {
                title: '状态',
                render: (_, m) => (
                  <Tag color={m.state === 'confirmed' ? 'green' : 'default'}>
                    {MEMBER_STATE_NAMES[m.state] ?? m.state}
                    {group.leaderExpertId === m.expertId ? ' · 组长' : ''}
                  </Tag>
                ),
              },
            ]}
          />
        </Card>
      )}

      {group && mine && (formed || d.status === 'DRAWN') && (
        <Card title="启动会 · 推选组长" size="small" extra={meeting && <Link to={`/kick-off/${d.id}`}>启动会记录与会议纪要</Link>}>
          {d.status === 'DRAWN' ? (
            <Typography.Text type="secondary">启动会召开后，出席成员推选组长。</Typography.Text>
          ) : leader ? (
            <Space orientation="vertical">
              <Typography.Text>
                组长：<strong>{leader.name}</strong>（{dayjs(d.leaderElectedAt).format('YYYY-MM-DD HH:mm')} 选出
                {group.leaderElection ? `，${ELECTION_METHOD_NAMES[group.leaderElection.method]}` : ''}）
              </Typography.Text>
              <Space>
                <Link to={`/expert/cases/${d.caseId}`}>进入评估工作</Link>
                <Link to={`/kick-off/${d.id}`}>启动会记录</Link>
              </Space>
            </Space>
          ) : !meeting || !election ? (
            <Typography.Text type="secondary">待鉴定中心记录启动会（出席成员）后推选组长。</Typography.Text>
          ) : !present ? (
            <Typography.Text type="secondary">您未出席本次启动会，不参加组长推选；缺席不影响推选。</Typography.Text>
          ) : election.stage === 'centre-decision' ? (
            <Typography.Text>第二轮票数相同，组长由鉴定中心在 {election.candidates.map(nameOf).join('、')} 中决定。</Typography.Text>
          ) : myVote ? (
            <Typography.Text>
              第 {round} 轮：您已{myVote.candidateExpertId === null ? '弃权' : `投票给 ${nameOf(myVote.candidateExpertId)}`}，待其他出席成员投票（
              {group.votes?.filter((v) => v.round === round).length ?? 0}/{meeting.presentExpertIds.length}）。
            </Typography.Text>
          ) : (
            <Form layout="vertical" aria-label="推选组长" onFinish={() => candidate && vote.mutate(candidate)}>
              {election.stage === 'runoff' && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`第一轮无人获出席成员过半数票，现进行第二轮：在得票最多的人选中推选，得票最多者当选`}
                />
              )}
              <Form.Item label={election.stage === 'runoff' ? '推选组长（第二轮）' : '推选组长（出席成员每人一票，过半数当选，可弃权）'} required>
                <Radio.Group
                  aria-label="组长人选"
                  value={candidate}
                  onChange={(e) => setCandidate(e.target.value)}
                  options={[...election.candidates.map((id) => ({ value: id, label: nameOf(id) })), { value: ABSTAIN, label: '弃权' }]}
                />
              </Form.Item>
              <ErrorAlert error={vote.error} />
              <Button type="primary" htmlType="submit" disabled={!candidate} loading={vote.isPending}>
                投票
              </Button>
            </Form>
          )}
        </Card>
      )}
      <DeclineDialog open={declining} drawId={d.id} expertId={me} onClose={() => setDeclining(false)} onDone={setDeclined} />
    </Space>
  );
}

/** 回避声明: the member states that no conflict of interest exists (and pledges it), or declares one and is recused. */
function DeclarationForm({ pending, error, onSign, onDecline }: { pending: boolean; error: unknown; onSign(v: Declaration): void; onDecline(): void }) {
  const [declarationForm] = Form.useForm<Declaration>();
  const hasConflict = Form.useWatch('hasConflict', declarationForm);
  return (
    <Form<Declaration> form={declarationForm} layout="vertical" aria-label="回避声明" initialValues={{ hasConflict: false }} onFinish={onSign}>
      <Form.Item name="hasConflict" label="回避声明" rules={[{ required: true }]}>
        <Radio.Group
          aria-label="是否存在利害关系"
          options={[
            { value: false, label: '与申报机构不存在利害关系' },
            { value: true, label: '存在利害关系，申请回避' },
          ]}
        />
      </Form.Item>
      {hasConflict ? (
        <Form.Item name="conflict" label="利害关系说明" rules={[{ required: true, whitespace: true, message: '请说明存在的利害关系' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      ) : (
        <>
          <Typography.Paragraph style={{ background: '#fafafa', padding: 12 }}>{NO_CONFLICT_STATEMENT}</Typography.Paragraph>
          <Form.Item
            name="pledge"
            valuePropName="checked"
            rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请勾选确认以上声明属实'))) }]}
          >
            <Checkbox>本人确认以上声明属实</Checkbox>
          </Form.Item>
        </>
      )}
      <ErrorAlert error={error} />
      <Space>
        <Button type="primary" htmlType="submit" loading={pending}>
          {hasConflict ? '提交回避声明' : '签署声明并确认参加'}
        </Button>
        <Button onClick={onDecline}>谢绝邀请</Button>
      </Space>
    </Form>
  );
}

function DeclineDialog({
  open,
  drawId,
  expertId,
  onClose,
  onDone,
}: {
  open: boolean;
  drawId: string;
  expertId: string;
  onClose(): void;
  onDone(reason: string): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const decline = useMutation({
    mutationFn: (v: { reason: string }) =>
      call('expert-pool', 'post', '/draws/{id}/members/{expertId}/decline', { path: { id: drawId, expertId }, body: { reason: v.reason.trim() } }),
    onSuccess: (_, v) => {
      form.resetFields();
      onClose();
      onDone(v.reason.trim());
    },
  });
  return (
    <Modal
      open={open}
      title="谢绝邀请"
      okText="确认谢绝"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={decline.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" aria-label="谢绝邀请" onFinish={(v) => decline.mutate(v)}>
        <Typography.Paragraph type="secondary">谢绝后由备选专家按顺位递补，原因记入抽取记录。</Typography.Paragraph>
        <Form.Item name="reason" label="谢绝原因" rules={[{ required: true, whitespace: true, message: '请填写谢绝原因' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <ErrorAlert error={decline.error} />
      </Form>
    </Modal>
  );
}
