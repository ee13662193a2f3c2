import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { call } from '../../../services/api';
import type { Consolidation, ConsolidationPreview, Evaluation, OpinionDocument } from '../../../services/assessment/views';
import { ErrorAlert } from '../../../components/error-alert';
import { LEVEL_NAMES } from '../../../lib/vocabulary';

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

interface PlenaryValues {
  date: string;
  place?: string;
  attendees: string[];
  result: 'pass' | 'fail';
  overrideReason?: string;
  occupations: Record<string, { levels: number[]; reason?: string }>;
  summary: string;
  dissent?: Record<string, string | undefined>;
}

const occupationKey = (o: { code: string; workType?: string }) => `${o.code}${o.workType ? `|${o.workType}` : ''}`;

/**
 * 综合技术评估意见: what the group's plenary meeting (综合评审会) concluded on the technical opinion — the meeting (day,
 * place, members present), the result (against the scores only with a reason), the levels passed per applied
 * occupation (with a reason for what did not pass) — and members' dissent.
 */
export function ComprehensiveOpinionForm({ caseId, evaluation }: { caseId: string; evaluation: Evaluation }) {
  const [form] = Form.useForm<PlenaryValues>();
  const refresh = useRefresh(caseId);
  const technical = useQuery({
    queryKey: ['evaluation', caseId, 'opinion', 'technical'],
    queryFn: () => call<OpinionDocument>('assessment', 'get', '/cases/{caseId}/opinions/{kind}', { path: { caseId, kind: 'technical' } }),
  });
  const submit = useMutation({
    mutationFn: (v: PlenaryValues) =>
      call('assessment', 'post', '/cases/{caseId}/opinions/comprehensive', {
        path: { caseId },
        body: {
          summary: v.summary.trim(),
          meeting: { date: v.date.trim(), ...(v.place?.trim() ? { place: v.place.trim() } : {}), attendees: v.attendees },
          result: v.result,
          ...(v.overrideReason?.trim() ? { overrideReason: v.overrideReason.trim() } : {}),
          occupations: evaluation.occupations.map((o) => {
            const given = v.occupations?.[occupationKey(o)];
            return {
              code: o.code,
              ...(o.workType ? { workType: o.workType } : {}),
              levels: given?.levels ?? [],
              ...(given?.reason?.trim() ? { reason: given.reason.trim() } : {}),
            };
          }),
          dissent: Object.entries(v.dissent ?? {})
            .filter(([, text]) => text?.trim())
            .map(([expertId, text]) => ({ expertId, opinion: text!.trim() })),
        },
      }),
    onSuccess: refresh,
  });
  const t = technical.data;
  const scoreResult = t?.consolidation?.result;
  const result = Form.useWatch('result', form);
  const chosen = Form.useWatch('occupations', form);
  const round = evaluation.comprehensiveRound ?? 1;
  return (
    <Card title={`组长 · 综合技术评估意见（综合评审会）${round > 1 ? `（第 ${round} 轮，省级复核退回后重新评议）` : ''}`} size="small">
      <ErrorAlert error={technical.error} />
      {t?.consolidation && (
        <>
          <Typography.Paragraph>技术评估意见：{t.summary}</Typography.Paragraph>
          <ConsolidationView consolidation={t.consolidation} members={evaluation.members} />
        </>
      )}
      {t && (
        <Form
          form={form}
          layout="vertical"
          aria-label="综合技术评估意见"
          onFinish={(v) => submit.mutate(v)}
          style={{ marginTop: 12 }}
          initialValues={{
            // The plenary meets on the technical opinion; the day is the services' (China) day of it.
            date: new Date(Date.parse(t.submittedAt) + 8 * 3600 * 1000).toISOString().slice(0, 10),
            attendees: evaluation.members.map((m) => m.expertId),
            result: scoreResult,
            occupations: Object.fromEntries(evaluation.occupations.map((o) => [occupationKey(o), { levels: scoreResult === 'pass' ? [...o.levels] : [] }])),
          }}
        >
          <Space wrap align="start">
            <Form.Item name="date" label="会议日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '请按 YYYY-MM-DD 填写会议日期' }]}>
              <Input placeholder="YYYY-MM-DD" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="place" label="会议地点">
              <Input maxLength={200} style={{ width: 320 }} />
            </Form.Item>
          </Space>
          <Form.Item name="attendees" label="出席成员" rules={[{ required: true, type: 'array', min: 1, message: '请勾选出席的成员' }]}>
            <Checkbox.Group options={evaluation.members.map((m) => ({ value: m.expertId, label: `${m.name}${m.leader ? '（组长）' : ''}` }))} />
          </Form.Item>
          <Form.Item name="result" label={`评审会结论（评分结果：${scoreResult === 'pass' ? '通过' : '不通过'}）`}>
            <Radio.Group
              options={[
                { value: 'pass', label: '通过' },
                { value: 'fail', label: '不通过' },
              ]}
            />
          </Form.Item>
          {result && result !== scoreResult && (
            <Form.Item
              name="overrideReason"
              label="与评分结果不一致的理由"
              rules={[{ required: true, whitespace: true, message: '评审会结论与评分结果不一致，须写明理由' }]}
            >
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
          )}
          <Typography.Text strong>分职业评估结论（勾选通过的等级；全部不勾选为该职业不通过）</Typography.Text>
          {evaluation.occupations.map((o) => {
            const k = occupationKey(o);
            const passedAll = (chosen?.[k]?.levels ?? []).length === o.levels.length;
            const label = `${o.name}${o.workType ? `（${o.workType}）` : ''} ${o.code}`;
            return (
              <fieldset key={k} aria-label={`${label} 评估结论`} style={{ border: '1px solid #eee', padding: '8px 12px', margin: '8px 0' }}>
                <legend style={{ fontSize: 14, width: 'auto', marginBottom: 0 }}>{label}</legend>
                <Form.Item name={['occupations', k, 'levels']} label="通过的等级" style={{ marginBottom: 8 }}>
                  <Checkbox.Group options={o.levels.map((l) => ({ value: l, label: LEVEL_NAMES[l] ?? `${l}级` }))} />
                </Form.Item>
                {!passedAll && (
                  <Form.Item
                    name={['occupations', k, 'reason']}
                    label={`${o.name} 未通过（或未全部通过）的理由`}
                    rules={[{ required: true, whitespace: true, message: '请写明理由' }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input maxLength={2000} />
                  </Form.Item>
                )}
              </fieldset>
            );
          })}
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
          <ConfirmSubmit
            label="提交综合技术评估意见"
            warning="综合技术评估意见提交后报鉴定中心复核、审定，确认提交？"
            pending={submit.isPending}
            disabled={!t}
          />
        </Form>
      )}
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
