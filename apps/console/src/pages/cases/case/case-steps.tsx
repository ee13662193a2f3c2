import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { call } from '../../../services/api';
import type { ReviewCase } from '../../../services/review/views';
import { ErrorAlert } from '../../../components/error-alert';
import { sameNames, showFieldErrors } from '../../../components/form-errors';
import { jurisdictionName, levelsText } from '../../../lib/vocabulary';

/** The steps open to me at the case's stage (review's `myActions`), each a form showing only what that step allows. */
export function CaseSteps({ c }: { c: ReviewCase }) {
  const mine = new Set(c.myActions);
  if (mine.has('accept') || mine.has('not-accept')) return <AcceptStep c={c} />;
  if (mine.has('request-experts')) return <ExpertRequestStep c={c} />;
  if (mine.has('approve') || mine.has('not-approve')) return <ApprovalStep c={c} />;
  return null;
}

function useStep(c: ReviewCase) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['case', c.id] });
    void queryClient.invalidateQueries({ queryKey: ['work-queue'] });
  };
}

/** 受理 / 不予受理: a note with the acceptance; the reason, which the applicant reads, with a refusal. */
function AcceptStep({ c }: { c: ReviewCase }) {
  const [form] = Form.useForm<{ decision: 'accept' | 'not-accept'; text?: string }>();
  const decision = Form.useWatch('decision', form);
  const done = useStep(c);
  const step = useMutation({
    mutationFn: (v: { decision: 'accept' | 'not-accept'; text?: string }) =>
      v.decision === 'accept'
        ? call('review', 'post', '/cases/{id}/accept', { path: { id: c.id }, body: v.text?.trim() ? { note: v.text.trim() } : {} })
        : call('review', 'post', '/cases/{id}/not-accept', { path: { id: c.id }, body: { reason: (v.text ?? '').trim() } }),
    onSuccess: done,
    onError: (err) => showFieldErrors(form, err, { note: ['text'], reason: ['text'] }),
  });
  return (
    <Card title="受理审查" size="small" styles={{ header: { background: '#fff7e6' } }}>
      <Form form={form} layout="vertical" aria-label="受理审查" initialValues={{ decision: 'accept' }} onFinish={(v) => step.mutate(v)}>
        <Form.Item name="decision" label="审查结论">
          <Radio.Group
            options={[
              { value: 'accept', label: '受理' },
              { value: 'not-accept', label: '不予受理' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={decision === 'not-accept' ? '不予受理理由' : '受理意见（选填）'}
          extra={decision === 'not-accept' ? '申报机构将看到此理由。' : undefined}
          rules={decision === 'not-accept' ? [{ required: true, whitespace: true, message: '请填写不予受理理由' }] : []}
        >
          <Input.TextArea rows={3} maxLength={decision === 'not-accept' ? 4000 : 2000} showCount />
        </Form.Item>
        <ErrorAlert error={step.error} />
        <Button type="primary" danger={decision === 'not-accept'} htmlType="submit" loading={step.isPending}>
          {decision === 'not-accept' ? '确认不予受理' : '确认受理'}
        </Button>
      </Form>
    </Card>
  );
}

interface ExpertRequestForm {
  workPlan: string;
  groupSize: number;
  reserves: number;
  maxPerEmployer?: number;
  occupationCodes: string[];
  plannedOnsiteDate?: { format(f: string): string };
}

/** 技术评估工作方案 and 专家需求: the group the discipline officer will draw. */
function ExpertRequestStep({ c }: { c: ReviewCase }) {
  const [form] = Form.useForm<ExpertRequestForm>();
  const done = useStep(c);
  const step = useMutation({
    mutationFn: (v: ExpertRequestForm) =>
      call('review', 'post', '/cases/{id}/expert-request', {
        path: { id: c.id },
        body: {
          workPlan: v.workPlan.trim(),
          groupSize: v.groupSize,
          reserves: v.reserves,
          occupationCodes: v.occupationCodes,
          ...(v.maxPerEmployer ? { maxPerEmployer: v.maxPerEmployer } : {}),
          ...(v.plannedOnsiteDate ? { plannedOnsiteDate: v.plannedOnsiteDate.format('YYYY-MM-DD') } : {}),
        },
      }),
    onSuccess: done,
    onError: (err) => showFieldErrors(form, err, sameNames('workPlan', 'groupSize', 'reserves', 'maxPerEmployer', 'occupationCodes', 'plannedOnsiteDate')),
  });
  return (
    <Card title="技术评估工作方案与专家需求" size="small" styles={{ header: { background: '#fff7e6' } }}>
      <Form<ExpertRequestForm>
        form={form}
        layout="vertical"
        aria-label="技术评估工作方案与专家需求"
        initialValues={{ groupSize: 5, reserves: 2, occupationCodes: c.occupations.map((o) => o.code) }}
        onFinish={(v) => step.mutate(v)}
      >
        <Form.Item name="workPlan" label="技术评估工作方案" rules={[{ required: true, whitespace: true, message: '请填写技术评估工作方案' }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder="评估范围、日程安排、现场评估方式、分工等" />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item
            name="groupSize"
            label="专家组人数"
            extra="单数，3 至 15 人"
            rules={[
              { required: true, message: '请填写专家组人数' },
              {
                validator: async (_, v) => {
                  if (v !== undefined && v !== null && (v < 3 || v > 15 || v % 2 !== 1)) throw new Error('专家组人数应为 3 至 15 之间的单数');
                },
              },
            ]}
          >
            <InputNumber min={3} max={15} step={2} />
          </Form.Item>
          <Form.Item name="reserves" label="备选专家人数" extra="按顺位递补" rules={[{ required: true, message: '请填写备选专家人数' }]}>
            <InputNumber min={0} max={10} />
          </Form.Item>
          <Form.Item name="maxPerEmployer" label="同一单位专家上限（选填）">
            <InputNumber min={1} max={15} />
          </Form.Item>
          <Form.Item name="plannedOnsiteDate" label="计划现场评估日期（选填）">
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="occupationCodes" label="专家组须覆盖的职业（工种）" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个职业' }]}>
          <Checkbox.Group options={c.occupations.map((o) => ({ value: o.code, label: `${o.name}（${o.code}，${levelsText(o.levels)}）` }))} />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`抽取专家库：${jurisdictionName(c.jurisdiction)}专家库（本级未建库的，从省级专家库抽取）`}
          description="提交后，由同级机关纪委在公布承诺值后随机抽取专家；抽取结果在启动会前保密。"
        />
        <ErrorAlert error={step.error} />
        <Button type="primary" htmlType="submit" loading={step.isPending}>
          提交工作方案并申请抽取专家
        </Button>
      </Form>
    </Card>
  );
}

/** 审定: a city case by the local HRSS bureau, a province case by the 厅长办公会 with its meeting reference. */
function ApprovalStep({ c }: { c: ReviewCase }) {
  const province = c.level === 'province';
  const [form] = Form.useForm<{ decision: 'approve' | 'not-approve'; meetingReference?: string; text?: string }>();
  const decision = Form.useWatch('decision', form);
  const [confirming, setConfirming] = useState(false);
  const done = useStep(c);
  const step = useMutation({
    mutationFn: (v: { decision: 'approve' | 'not-approve'; meetingReference?: string; text?: string }) => {
      const meetingReference = v.meetingReference?.trim() || undefined;
      return v.decision === 'approve'
        ? call('review', 'post', '/cases/{id}/approve', {
            path: { id: c.id },
            body: { ...(meetingReference ? { meetingReference } : {}), ...(v.text?.trim() ? { note: v.text.trim() } : {}) },
          })
        : call('review', 'post', '/cases/{id}/not-approve', {
            path: { id: c.id },
            body: { reason: (v.text ?? '').trim(), ...(meetingReference ? { meetingReference } : {}) },
          });
    },
    onSuccess: done,
    onError: (err) => showFieldErrors(form, err, { meetingReference: ['meetingReference'], note: ['text'], reason: ['text'] }),
    onSettled: () => setConfirming(false),
  });
  const body = province ? '厅长办公会' : `${jurisdictionName(c.jurisdiction)}人力资源和社会保障局`;
  return (
    <Card title={`审定（${body}）`} size="small" styles={{ header: { background: '#fff7e6' } }}>
      <Typography.Paragraph type="secondary">
        {province ? '省直案件经厅长办公会审定，须登记会议纪要或议题编号。' : '市（州）案件经省级复核通过后，由本级人社局审定。'}审定通过后自动进入公示。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        aria-label="审定"
        initialValues={{ decision: 'approve' }}
        onFinish={(v) => (confirming ? step.mutate(v) : setConfirming(true))}
      >
        <Form.Item name="decision" label="审定结论">
          <Radio.Group
            onChange={() => setConfirming(false)}
            options={[
              { value: 'approve', label: '审定通过' },
              { value: 'not-approve', label: '审定不通过' },
            ]}
          />
        </Form.Item>
        {province && (
          <Form.Item
            name="meetingReference"
            label="厅长办公会会议纪要（议题）编号"
            rules={[{ required: true, whitespace: true, message: '请填写厅长办公会会议纪要编号' }]}
          >
            <Input maxLength={200} placeholder="例如：厅长办公会纪要〔2025〕12号 第3项" />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={decision === 'not-approve' ? '不通过理由' : '审定意见（选填）'}
          rules={decision === 'not-approve' ? [{ required: true, whitespace: true, message: '请填写不通过理由' }] : []}
        >
          <Input.TextArea rows={3} maxLength={decision === 'not-approve' ? 4000 : 2000} showCount />
        </Form.Item>
        <ErrorAlert error={step.error} />
        {confirming && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={decision === 'not-approve' ? '确认审定不通过？案件将终结，申报机构将看到理由。' : '确认审定通过？案件将进入公示。'}
          />
        )}
        <Space>
          <Button type="primary" danger={decision === 'not-approve'} htmlType="submit" loading={step.isPending}>
            {confirming ? '确认提交' : decision === 'not-approve' ? '审定不通过' : '审定通过'}
          </Button>
          {confirming && <Button onClick={() => setConfirming(false)}>返回修改</Button>}
        </Space>
      </Form>
    </Card>
  );
}
