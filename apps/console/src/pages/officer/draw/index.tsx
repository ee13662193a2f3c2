import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Form, Input, Modal, Radio, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { DrawExclusions, DrawSummary, DrawVerification } from '../../../services/expert-pool/views';
import { ErrorAlert } from '../../../components/error-alert';
import { AVOIDANCE_RULE_NAMES, DRAW_STATUS_NAMES, MEMBER_STATE_NAMES, jurisdictionName, levelsText } from '../../../lib/vocabulary';

type Member = { expertId: string; name: string; occupationCodes: string[]; state: string };

/**
 * One draw request (机关纪委): the requirements; the commitment published before the draw (with a copy button and the
 * time it was fixed) and the exclusions by rule (回避); the officer's own entropy and the draw; the sealed member list
 * and reserves; replacements when a member declines or is recused; the seed once revealed.
 */
export default function DrawPage() {
  const { drawId = '' } = useParams();
  const queryClient = useQueryClient();
  const [entropy, setEntropy] = useState('');
  const [replacing, setReplacing] = useState<Member | null>(null);
  const names = useRef(new Map<string, string>());
  const draw = useQuery({
    queryKey: ['draw', drawId],
    queryFn: () => call<DrawSummary>('expert-pool', 'get', '/draws/{id}', { path: { id: drawId } }),
    refetchInterval: 10_000,
  });
  const d = draw.data;
  const exclusions = useQuery({
    enabled: !!d?.commitment,
    queryKey: ['draw', drawId, 'exclusions', d?.commitment?.commitment],
    queryFn: () => call<DrawExclusions>('expert-pool', 'get', '/draws/{id}/exclusions', { path: { id: drawId } }),
  });
  const verification = useQuery({
    enabled: !!d?.commitment,
    queryKey: ['draw', drawId, 'verification', d?.seedRevealedAt],
    queryFn: () => call<DrawVerification>('expert-pool', 'get', '/draws/{id}/verification', { path: { id: drawId } }),
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['draw', drawId] });
  const commit = useMutation({ mutationFn: () => call('expert-pool', 'post', '/draws/{id}/commitment', { path: { id: drawId } }), onSuccess: refresh });
  const perform = useMutation({
    mutationFn: () => call('expert-pool', 'post', '/draws/{id}/draw', { path: { id: drawId }, body: { officerEntropy: entropy.trim() } }),
    onSuccess: refresh,
  });
  const kickOff = useMutation({ mutationFn: () => call('expert-pool', 'post', '/draws/{id}/kick-off', { path: { id: drawId } }), onSuccess: refresh });

  if (draw.isLoading) return <Skeleton active />;
  if (!d) return <ErrorAlert error={draw.error} />;
  const group = d.group && !d.group.sealed ? d.group : null;
  // A replaced member leaves the list: remember every name seen, so the replacement record still names them.
  for (const m of [...(group?.members ?? []), ...(group?.reserves ?? [])]) names.current.set(m.expertId, m.name);
  const nameOf = (id: string) => names.current.get(id) ?? id;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/officer/draws">专家抽取</Link> }, { title: d.applicant.name }]} />
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          专家抽取：{d.applicant.name}
        </Typography.Title>
        <Tag color="blue">{DRAW_STATUS_NAMES[d.status]}</Tag>
      </Space>
      <Card title="抽取需求" size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="案件属地">{jurisdictionName(d.caseJurisdiction)}</Descriptions.Item>
          <Descriptions.Item label="专家库">{`${jurisdictionName(d.databaseLevel)}专家库`}</Descriptions.Item>
          <Descriptions.Item label="专家组">{`${d.requirements.groupSize} 人，备选 ${d.requirements.reserves} 人${d.requirements.maxPerEmployer ? `，同一单位不超过 ${d.requirements.maxPerEmployer} 人` : ''}`}</Descriptions.Item>
          <Descriptions.Item label="须覆盖职业">{d.occupations.map((o) => `${o.name}（${levelsText(o.levels)}）`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="工作方案">{d.workPlan}</Descriptions.Item>
          {d.plannedOnsiteDate && <Descriptions.Item label="计划现场评估">{d.plannedOnsiteDate}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title="一、公布承诺值（抽取前）" size="small" styles={d.commitment ? undefined : { header: { background: '#fff7e6' } }}>
        {d.commitment ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Alert
              type="info"
              showIcon
              title={`承诺值已于 ${dayjs(d.commitment.committedAt).format('YYYY-MM-DD HH:mm:ss')} 固定，请在抽取前公布`}
              description={
                <Typography.Paragraph
                  copyable={{ text: d.commitment.commitment, tooltips: ['复制承诺值', '已复制'] }}
                  style={{ fontFamily: 'monospace', fontSize: 18, wordBreak: 'break-all', margin: 0 }}
                  aria-label="承诺值"
                >
                  {d.commitment.commitment}
                </Typography.Paragraph>
              }
            />
            <Typography.Text type="secondary">
              符合条件的专家 {d.commitment.eligibleCount} 人，按回避规则排除 {d.commitment.excludedCount} 人。种子在综合评审后公开，任何人可在
              <Link to={`/draws/${d.id}/verify`}>抽取验证</Link>页面复核。
            </Typography.Text>
            {exclusions.data && exclusions.data.excludedCount > 0 && (
              <Table
                size="small"
                aria-label="回避记录"
                rowKey="expertId"
                pagination={false}
                dataSource={exclusions.data.excluded}
                columns={[
                  { title: '专家编号', dataIndex: 'expertId', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
                  { title: '回避原因', render: (_, x) => x.hits.map((h) => AVOIDANCE_RULE_NAMES[h.rule] ?? h.rule).join('；') },
                ]}
              />
            )}
            <ErrorAlert error={exclusions.error} />
          </Space>
        ) : (
          <Space orientation="vertical">
            <Typography.Text>按回避规则确定候选专家名单，生成承诺值。承诺值固定后名单不可更改。</Typography.Text>
            <ErrorAlert error={commit.error} />
            <Button type="primary" loading={commit.isPending} onClick={() => commit.mutate()}>
              生成承诺值
            </Button>
          </Space>
        )}
      </Card>

      <Card title="二、随机抽取" size="small" styles={d.status === 'COMMITTED' ? { header: { background: '#fff7e6' } } : undefined}>
        {d.drawnAt ? (
          <Typography.Text>已于 {dayjs(d.drawnAt).format('YYYY-MM-DD HH:mm:ss')} 抽取。</Typography.Text>
        ) : d.status === 'COMMITTED' ? (
          <Form layout="vertical" aria-label="随机抽取" onFinish={() => perform.mutate()}>
            <Form.Item label="纪检人员随机输入" extra="例如现场掷骰结果和时间；与承诺值一起决定抽取结果，并随种子公开。" required>
              <Input
                aria-label="纪检人员随机输入"
                value={entropy}
                onChange={(e) => setEntropy(e.target.value)}
                maxLength={500}
                placeholder="骰子 3-6-1-4-2，2025-10-20 09:30"
              />
            </Form.Item>
            <ErrorAlert error={perform.error} />
            <Button type="primary" htmlType="submit" disabled={!entropy.trim()} loading={perform.isPending}>
              抽取
            </Button>
          </Form>
        ) : (
          <Typography.Text type="secondary">公布承诺值后进行。</Typography.Text>
        )}
      </Card>

      {d.group && (
        <Card
          title="三、抽取结果（启动会前保密）"
          size="small"
          extra={
            d.status === 'DRAWN' ? (
              <Button onClick={() => kickOff.mutate()} loading={kickOff.isPending}>
                召开启动会，组建专家组
              </Button>
            ) : (
              d.formedAt && <Link to={`/kick-off/${d.id}`}>启动会记录与组长推选</Link>
            )
          }
        >
          <ErrorAlert error={kickOff.error} />
          {group ? (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Table<Member>
                size="small"
                aria-label="专家组成员"
                rowKey="expertId"
                pagination={false}
                dataSource={group.members}
                columns={[
                  { title: '专家', dataIndex: 'name' },
                  { title: '专家编号', dataIndex: 'expertId', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
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
                  {
                    title: '操作',
                    render: (_, m) =>
                      d.status === 'DRAWN' ? (
                        <Button size="small" onClick={() => setReplacing(m)} aria-label={`为 ${m.name} 递补`}>
                          谢绝/回避，递补
                        </Button>
                      ) : null,
                  },
                ]}
              />
              <Typography.Text strong>备选专家（按顺位）</Typography.Text>
              <Table
                size="small"
                aria-label="备选专家"
                rowKey="expertId"
                pagination={false}
                dataSource={group.reserves ?? []}
                locale={{ emptyText: '备选专家已用完' }}
                columns={[
                  { title: '顺位', dataIndex: 'rank' },
                  { title: '专家', dataIndex: 'name' },
                  { title: '专家编号', dataIndex: 'expertId', onCell: () => ({ style: { whiteSpace: 'nowrap' } }) },
                ]}
              />
              {group.replacements.length > 0 && (
                <>
                  <Typography.Text strong>递补记录</Typography.Text>
                  <ul aria-label="递补记录" style={{ margin: 0 }}>
                    {group.replacements.map((r) => (
                      <li key={`${r.replacedExpertId}-${r.at}`}>
                        {dayjs(r.at).format('YYYY-MM-DD HH:mm')}：{nameOf(r.replacedExpertId)}
                        {r.cause === 'declined' ? '谢绝' : '回避'}（{r.reason}），由 {nameOf(r.replacementExpertId)} 递补
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </Space>
          ) : (
            <Typography.Text type="secondary">名单保密。</Typography.Text>
          )}
        </Card>
      )}

      {d.commitment && (
        <Card title="四、种子公开" size="small">
          {verification.data?.state === 'revealed' ? (
            <Space orientation="vertical">
              <Typography.Text>种子已于 {dayjs(verification.data.seedRevealedAt).format('YYYY-MM-DD HH:mm')} 公开：</Typography.Text>
              <Typography.Text code copyable aria-label="种子" style={{ wordBreak: 'break-all' }}>
                {verification.data.published?.seed}
              </Typography.Text>
              <Tag color={verification.data.report?.match ? 'green' : 'red'}>{verification.data.report?.match ? '服务器复核一致' : '服务器复核不一致'}</Tag>
              <Link to={`/draws/${d.id}/verify`}>在浏览器中独立验证</Link>
            </Space>
          ) : (
            <Typography.Text type="secondary">种子在综合技术评估意见提交后公开。</Typography.Text>
          )}
        </Card>
      )}
      <ReplaceDialog drawId={d.id} member={replacing} onClose={() => setReplacing(null)} onDone={refresh} />
    </Space>
  );
}

function ReplaceDialog({ drawId, member, onClose, onDone }: { drawId: string; member: Member | null; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<{ cause: 'decline' | 'recuse'; reason: string }>();
  const replace = useMutation({
    mutationFn: (v: { cause: 'decline' | 'recuse'; reason: string }) =>
      v.cause === 'decline'
        ? call('expert-pool', 'post', '/draws/{id}/members/{expertId}/decline', {
            path: { id: drawId, expertId: member!.expertId },
            body: { reason: v.reason.trim() },
          })
        : call('expert-pool', 'post', '/draws/{id}/members/{expertId}/recuse', {
            path: { id: drawId, expertId: member!.expertId },
            body: { reason: v.reason.trim() },
          }),
    onSuccess: () => {
      form.resetFields();
      onDone();
      onClose();
    },
  });
  return (
    <Modal
      open={!!member}
      title={`${member?.name ?? ''}：谢绝或回避，由备选专家递补`}
      okText="确认递补"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={replace.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" aria-label="递补" initialValues={{ cause: 'decline' }} onFinish={(v) => replace.mutate(v)}>
        <Form.Item name="cause" label="原因类别">
          <Radio.Group
            options={[
              { value: 'decline', label: '本人谢绝' },
              { value: 'recuse', label: '需回避' },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label="具体原因" rules={[{ required: true, whitespace: true, message: '请填写具体原因' }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <ErrorAlert error={replace.error} />
      </Form>
    </Modal>
  );
}
