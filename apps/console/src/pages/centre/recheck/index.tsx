import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Checkbox, Descriptions, Form, Input, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { Recheck, RecheckDecision } from '../../../services/review/views';
import type { ChecklistItem } from '../../../services/intake/views';
import { returnReason } from './return-reason';
import { ErrorAlert } from '../../../components/error-alert';
import { DeadlineTag, waitedText } from '../../../components/deadline-tag';
import { showFieldErrors, sameNames } from '../../../components/form-errors';
import { APPLICATION_KIND_NAMES, OPINION_KIND_NAMES, RECHECK_GATE_NAMES, jurisdictionName, levelsText } from '../../../lib/vocabulary';

/**
 * One re-check (复核) of a city's opinion: the opinion and the case as the city sent them, and the decision. A failed
 * re-check of the preliminary opinion returns the materials (退回) with the reasons; of the comprehensive opinion,
 * ends the case (for a failing opinion: confirms it), or sends the opinion back to the group to conclude again.
 */
interface RecheckForm {
  decision: RecheckDecision;
  items?: string[];
  reason: string;
}

export default function RecheckPage() {
  const { recheckId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RecheckForm>();
  const decision = Form.useWatch('decision', form);
  const r = useQuery({ queryKey: ['recheck', recheckId], queryFn: () => call<Recheck>('review', 'get', '/rechecks/{id}', { path: { id: recheckId } }) });
  const checklist = useQuery({
    enabled: !!r.data && r.data.gate === 'preliminary',
    queryKey: ['checklist', r.data?.applicationKind, r.data?.institution.kind],
    queryFn: () =>
      call<ChecklistItem[]>('intake', 'get', '/checklists/{applicationKind}', {
        path: { applicationKind: r.data!.applicationKind },
        query: { institutionKind: r.data!.institution.kind as 'employer' | 'social-org' },
      }),
  });
  const decide = useMutation({
    mutationFn: (v: RecheckForm) => {
      const items = (checklist.data ?? []).filter((i) => v.decision === 'fail' && v.items?.includes(i.item));
      return call('review', 'post', '/rechecks/{id}/decision', {
        path: { id: recheckId },
        body: { decision: v.decision, reason: returnReason(v.reason, items) },
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rechecks'] });
      void queryClient.invalidateQueries({ queryKey: ['recheck', recheckId] });
      void queryClient.invalidateQueries({ queryKey: ['work-queue'] });
    },
    onError: (err) => showFieldErrors(form, err, sameNames('decision', 'reason')),
  });
  if (r.isLoading) return <Skeleton active />;
  const x = r.data;
  if (!x) return <ErrorAlert error={r.error} />;
  const returns = x.gate === 'preliminary';
  const failing = x.gate === 'comprehensive' && x.opinion.result === 'fail';
  const decisionLabels: Record<RecheckDecision, string> = {
    pass: '复核通过',
    fail: returns ? '复核不通过，退回补正' : failing ? '维持不通过（案件终结）' : '复核不通过',
    'return-to-group': '退回专家组重新评议',
  };
  const decidedText = x.decision ? { pass: '通过', fail: failing ? '维持不通过' : '不通过', 'return-to-group': '退回专家组重新评议' }[x.decision] : '';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/rechecks">省级复核</Link> }, { title: x.institution.name }]} />
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {RECHECK_GATE_NAMES[x.gate]}：{x.institution.name}
        </Typography.Title>
        {x.status === 'pending' && x.deadline && <DeadlineTag deadline={x.deadline} />}
      </Space>
      <Card title={`${jurisdictionName(x.jurisdiction)}报送的${OPINION_KIND_NAMES[x.gate]}`} size="small">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="申报">{`${APPLICATION_KIND_NAMES[x.applicationKind]} · ${x.institution.name}（${x.institution.creditCode}）`}</Descriptions.Item>
          <Descriptions.Item label="认定职业">{x.occupations.map((o) => `${o.name}（${levelsText(o.levels)}）`).join('；')}</Descriptions.Item>
          <Descriptions.Item label="意见结论">
            <Tag color={x.opinion.result === 'pass' ? 'green' : 'red'}>{x.opinion.result === 'pass' ? '通过' : '不通过'}</Tag>
            {x.opinion.total !== undefined && `得分 ${x.opinion.total}`}
          </Descriptions.Item>
          {x.opinion.occupationOutcomes && (
            <Descriptions.Item label="分职业结论">
              <ul aria-label="分职业结论" style={{ margin: 0, paddingLeft: 18 }}>
                {x.opinion.occupationOutcomes.map((o) => (
                  <li key={`${o.code}${o.workType ?? ''}`}>
                    {o.name}
                    {o.workType ? `（${o.workType}）` : ''}：
                    {o.result === 'pass' ? <Tag color="green">通过 {levelsText(o.levels)}</Tag> : <Tag color="red">不通过</Tag>}
                    {o.reason}
                  </li>
                ))}
              </ul>
            </Descriptions.Item>
          )}
          {x.opinion.overrideReason && <Descriptions.Item label="与评分结果不一致的理由">{x.opinion.overrideReason}</Descriptions.Item>}
          <Descriptions.Item label="意见摘要">{x.opinion.summary}</Descriptions.Item>
          <Descriptions.Item label="报送时间">{`${dayjs(x.requestedAt).format('YYYY-MM-DD HH:mm')}${x.deadline ? `，已等待 ${waitedText(x.deadline)}` : ''}`}</Descriptions.Item>
        </Descriptions>
      </Card>
      {x.status === 'decided' ? (
        <Alert
          type={x.decision === 'pass' ? 'success' : 'warning'}
          showIcon
          title={`已复核：${decidedText}（${x.decidedAt ? dayjs(x.decidedAt).format('YYYY-MM-DD HH:mm') : ''}${x.decidedBy?.name ? `，${x.decidedBy.name}` : ''}）`}
          description={x.reason}
        />
      ) : (
        <Card title="复核结论" size="small" styles={{ header: { background: '#fff7e6' } }}>
          <Form
            form={form}
            layout="vertical"
            aria-label="复核结论"
            initialValues={{ decision: x.allowedActions[0] ?? 'pass' }}
            onFinish={(v) => decide.mutate(v)}
          >
            <Form.Item name="decision" label="结论">
              <Radio.Group options={x.allowedActions.map((a) => ({ value: a, label: decisionLabels[a] }))} />
            </Form.Item>
            {decision === 'fail' && returns && (checklist.data?.length ?? 0) > 0 && (
              <Form.Item name="items" label="需补正的材料" extra="所选材料将列入退回意见，申报机构补正时逐项标出。">
                <Checkbox.Group options={checklist.data!.map((i) => ({ value: i.item, label: i.title }))} style={{ display: 'grid', gap: 4 }} />
              </Form.Item>
            )}
            <Form.Item
              name="reason"
              label={
                decision === 'fail' ? (returns ? '退回理由及需补正的材料' : '不通过理由') : decision === 'return-to-group' ? '退回专家组的理由' : '复核意见'
              }
              extra={
                decision === 'fail'
                  ? returns
                    ? '逐项写明需补正的材料及要求，市（州）鉴定中心和申报机构将看到此内容。'
                    : '案件将终结，市（州）鉴定中心和申报机构将看到此理由。'
                  : decision === 'return-to-group'
                    ? '专家组将重新召开综合评审会并提交新的综合技术评估意见。'
                    : undefined
              }
              rules={[{ required: true, whitespace: true, message: decision === 'fail' ? '请填写不通过理由' : '请填写复核意见' }]}
            >
              <Input.TextArea rows={4} maxLength={4000} showCount />
            </Form.Item>
            <ErrorAlert error={decide.error} />
            <Space>
              <Button type="primary" danger={decision === 'fail'} htmlType="submit" loading={decide.isPending}>
                提交复核结论
              </Button>
              <Button onClick={() => navigate('/rechecks')}>返回复核列表</Button>
            </Space>
          </Form>
        </Card>
      )}
    </Space>
  );
}
