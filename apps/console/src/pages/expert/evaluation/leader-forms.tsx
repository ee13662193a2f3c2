import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { call } from '../../../services/api';
import type { Consolidation, ConsolidationPreview, Evaluation, OpinionDocument } from '../../../services/assessment/views';
import { ErrorAlert } from '../../../components/error-alert';

/** Submits after a second click that says what happens: an opinion is submitted once. */
function ConfirmSubmit({ label, warning, pending, disabled }: { label: string; warning: string; pending: boolean; disabled?: boolean }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <Button type="primary" disabled={disabled} onClick={() => setConfirming(true)}>
        {label}
      </Button>
    );
  return (
    <Space wrap>
      <Typography.Text>{warning}</Typography.Text>
      <Button type="primary" htmlType="submit" loading={pending}>
        确认提交
      </Button>
      <Button onClick={() => setConfirming(false)}>取消</Button>
    </Space>
  );
}

function useRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['evaluation', caseId] });
}

/** 初评意见: the leader's opinion on the materials (pass, or fail naming what is wrong). */
export function PreliminaryOpinionForm({ caseId, round }: { caseId: string; round: number }) {
  const [form] = Form.useForm<{ result: 'pass' | 'fail'; reasons?: string; summary: string }>();
  const refresh = useRefresh(caseId);
  const result = Form.useWatch('result', form);
  const submit = useMutation({
    mutationFn: (v: { result: 'pass' | 'fail'; reasons?: string; summary: string }) =>
      call('assessment', 'post', '/cases/{caseId}/opinions/preliminary', {
        path: { caseId },
        body: { result: v.result, summary: v.summary.trim(), reasons: v.result === 'fail' ? lines(v.reasons) : [] },
      }),
    onSuccess: refresh,
  });
  return (
    <Card title={`组长 · 初评意见${round > 1 ? `（第 ${round} 轮，补正后）` : ''}`} size="small">
      <Form form={form} layout="vertical" aria-label="初评意见" initialValues={{ result: 'pass' }} onFinish={(v) => submit.mutate(v)}>
        <Form.Item name="result" label="初评结论">
          <Radio.Group
            options={[
              { value: 'pass', label: '通过，同意开展现场技术评估' },
              { value: 'fail', label: '不通过' },
            ]}
          />
        </Form.Item>
        {result === 'fail' && (
          <Form.Item name="reasons" label="不通过的理由（每行一条）" rules={[{ required: true, whitespace: true, message: '请写明不通过的理由' }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
        <Form.Item name="summary" label="初评意见" rules={[{ required: true, whitespace: true, message: '请填写初评意见' }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <ErrorAlert error={submit.error} />
        <ConfirmSubmit label="提交初评意见" warning="初评意见提交后报鉴定中心（市级案件报省级复核），确认提交？" pending={submit.isPending} />
      </Form>
    </Card>
  );
}

/** 技术评估意见: the consolidation of every member's sheet, shown before the leader submits it. */
export function TechnicalOpinionForm({ caseId, evaluation }: { caseId: string; evaluation: Evaluation }) {
  const [form] = Form.useForm<{ summary: string }>();
  const refresh = useRefresh(caseId);
  const preview = useQuery({
    queryKey: ['evaluation', caseId, 'consolidation', evaluation.members.map((m) => m.sheet).join()],
    queryFn: () => call<ConsolidationPreview>('assessment', 'get', '/cases/{caseId}/consolidation', { path: { caseId } }),
    refetchInterval: 5000,
  });
  const submit = useMutation({
    mutationFn: (v: { summary: string }) =>
      call('assessment', 'post', '/cases/{caseId}/opinions/technical', { path: { caseId }, body: { summary: v.summary.trim() } }),
    onSuccess: refresh,
  });
  const p = preview.data;
  return (
    <Card title="组长 · 技术评估意见（汇总全体成员评分）" size="small">
      <ErrorAlert error={preview.error} />
      {p && !p.complete && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`待 ${p.waitingFor.map((m) => m.name).join('、')} 提交评分表后方可提交技术评估意见`}
        />
      )}
      {p?.consolidation && <ConsolidationView consolidation={p.consolidation} members={evaluation.members} vetoReasons={p.vetoReasons} />}
      <Form form={form} layout="vertical" aria-label="技术评估意见" onFinish={(v) => submit.mutate(v)} style={{ marginTop: 12 }}>
        <Form.Item name="summary" label="技术评估意见" rules={[{ required: true, whitespace: true, message: '请填写技术评估意见' }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <ErrorAlert error={submit.error} />
        <ConfirmSubmit
          label="提交技术评估意见"
          warning={`按上表汇总结果（${p?.consolidation?.total ?? '—'} 分，${p?.consolidation?.result === 'pass' ? '通过' : '不通过'}）提交，确认？`}
          pending={submit.isPending}
          disabled={!p?.complete}
        />
      </Form>
    </Card>
  );
}

/** 综合技术评估意见: formed at the group's plenary meeting on the technical opinion; members' dissent recorded. */
export function ComprehensiveOpinionForm({ caseId, evaluation }: { caseId: string; evaluation: Evaluation }) {
  const [form] = Form.useForm<{ summary: string; dissent: Record<string, string | undefined> }>();
  const refresh = useRefresh(caseId);
  const technical = useQuery({
    queryKey: ['evaluation', caseId, 'opinion', 'technical'],
    queryFn: () => call<OpinionDocument>('assessment', 'get', '/cases/{caseId}/opinions/{kind}', { path: { caseId, kind: 'technical' } }),
  });
  const submit = useMutation({
    mutationFn: (v: { summary: string; dissent?: Record<string, string | undefined> }) =>
      call('assessment', 'post', '/cases/{caseId}/opinions/comprehensive', {
        path: { caseId },
        body: {
          summary: v.summary.trim(),
          dissent: Object.entries(v.dissent ?? {})
            .filter(([, text]) => text?.trim())
            .map(([expertId, text]) => ({ expertId, opinion: text!.trim() })),
        },
      }),
    onSuccess: refresh,
  });
  const t = technical.data;
  return (
    <Card title="组长 · 综合技术评估意见（全体会议）" size="small">
      <ErrorAlert error={technical.error} />
      {t?.consolidation && (
        <>
          <Typography.Paragraph>技术评估意见：{t.summary}</Typography.Paragraph>
          <ConsolidationView consolidation={t.consolidation} members={evaluation.members} />
        </>
      )}
      <Form form={form} layout="vertical" aria-label="综合技术评估意见" onFinish={(v) => submit.mutate(v)} style={{ marginTop: 12 }}>
        <Form.Item name="summary" label="综合技术评估意见" rules={[{ required: true, whitespace: true, message: '请填写综合技术评估意见' }]}>
          <Input.TextArea rows={4} maxLength={6000} />
        </Form.Item>
        <Typography.Text type="secondary">成员的不同意见（选填，如实记录）</Typography.Text>
        {evaluation.members.map((m) => (
          <Form.Item key={m.expertId} name={['dissent', m.expertId]} label={`${m.name} 的不同意见`} style={{ marginBottom: 8 }}>
            <Input maxLength={2000} />
          </Form.Item>
        ))}
        <ErrorAlert error={submit.error} />
        <ConfirmSubmit label="提交综合技术评估意见" warning="综合技术评估意见提交后报鉴定中心复核、审定，确认提交？" pending={submit.isPending} disabled={!t} />
      </Form>
    </Card>
  );
}

/** The consolidation table: every member's score per item (outliers marked), the median, the method and the result. */
export function ConsolidationView({
  consolidation: c,
  members,
  vetoReasons = [],
}: {
  consolidation: Consolidation;
  members: { expertId: string; name: string }[];
  vetoReasons?: ConsolidationPreview['vetoReasons'];
}) {
  const nameOf = (id: string) => members.find((m) => m.expertId === id)?.name ?? id;
  const shown = members.filter((m) => c.items.some((i) => i.memberScores.some((s) => s.expertId === m.expertId)));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="scroll-x">
        <table className="plain-table" aria-label="评分汇总">
          <caption>评分汇总</caption>
          <thead>
            <tr>
              <th>评估项目</th>
              <th>分值</th>
              {shown.map((m) => (
                <th key={m.expertId}>{m.name}</th>
              ))}
              <th>中位数</th>
              <th>汇总方法</th>
              <th>得分</th>
            </tr>
          </thead>
          <tbody>
            {c.items.map((i) => (
              <tr key={i.itemId}>
                <td>
                  {i.itemId} {i.title}
                </td>
                <td>{i.maxPoints}</td>
                {shown.map((m) => {
                  const s = i.memberScores.find((x) => x.expertId === m.expertId);
                  return (
                    <td key={m.expertId} style={s?.outlier ? { background: '#fff1f0' } : undefined}>
                      {s ? s.score : '—'}
                      {s?.outlier && (
                        <Tag color="red" style={{ marginLeft: 4 }}>
                          偏离
                        </Tag>
                      )}
                    </td>
                  );
                })}
                <td>{i.median}</td>
                <td>{i.method === 'trimmed-mean' ? '去掉最高最低后平均' : '平均'}</td>
                <td>
                  <strong>{i.score}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Typography.Paragraph aria-label="汇总结果" style={{ margin: 0 }}>
        合计 <strong>{c.total}</strong> 分{c.scale !== 1 ? `（实评 ${c.rawTotal} / ${c.scopeMax}，折算）` : ''}，合格线 {c.passLine} 分；否决项
        {c.vetoed ? `成立：${c.vetoes.map((v) => `${v.vetoId} ${v.title}（${v.flaggedBy.map(nameOf).join('、')}）`).join('；')}` : '无'}；结论：
        <Tag color={c.result === 'pass' ? 'green' : 'red'}>{c.result === 'pass' ? '通过' : '不通过'}</Tag>
      </Typography.Paragraph>
      {vetoReasons.length > 0 && (
        <ul aria-label="否决项事实依据" style={{ margin: 0 }}>
          {vetoReasons.map((v) => (
            <li key={`${v.vetoId}-${v.expertId}`}>
              {v.vetoId}（{v.name}）：{v.reason}
            </li>
          ))}
        </ul>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {c.options.trimFromMembers} 人及以上时每项去掉一个最高分和一个最低分后平均；偏离中位数超过该项满分 {Math.round(c.options.outlierShareOfMax * 100)}%
        的评分标为“偏离”。
      </Typography.Text>
    </Space>
  );
}

function lines(text?: string): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
