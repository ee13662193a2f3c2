import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useAuth } from '../../../auth/auth-context';
import { PROVINCE } from '../../../access';
import { ErrorAlert } from '../../../components/error-alert';
import { call, type PublicationSchemas } from '../../../services/api';

type Action = 'change-details' | 'suspend' | 'reinstate' | 'withdraw' | 'cancel';
type Request = PublicationSchemas['schemas']['ChangeRegisterStatusRequest'];

const ACTION_NAMES: Record<Action, string> = { 'change-details': '变更', suspend: '暂停', reinstate: '恢复', withdraw: '撤销', cancel: '注销' };
const STATUS_NAMES: Record<string, string> = { valid: '有效', suspended: '暂停', withdrawn: '已撤销', cancelled: '已注销' };
/** The steps publication allows from each status (its domain/register-status.ts): 撤销 and 注销 are final. */
const ALLOWED: Record<string, Action[]> = {
  valid: ['change-details', 'suspend', 'withdraw', 'cancel'],
  suspended: ['change-details', 'reinstate', 'withdraw', 'cancel'],
};

interface Values {
  action: Action;
  reason: string;
  decisionReference?: string;
  name?: string;
  address?: string;
  from?: Dayjs;
  until?: Dayjs;
}

export interface DecidableEntry {
  creditCode: string;
  name: string;
  address?: string | null;
  jurisdiction: string;
  status: string;
}

/**
 * 备案后管理: an approver of the province, or of the city where the institution filed (the rule publication enforces),
 * decides a change of details, a suspension (reason and period), a reinstatement, a withdrawal or a cancellation.
 * Shown to nobody else; a final status (撤销, 注销) leaves nothing to decide.
 */
export function StatusDecisionCard({ entry }: { entry: DecidableEntry }) {
  const { session } = useAuth();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form);
  const [done, setDone] = useState<{ action: Action; status: string } | null>(null);
  const decide = useMutation({
    mutationFn: (body: Request) =>
      call<{ action: Action; status: string }>('publication', 'post', '/register/{creditCode}/status-changes', {
        path: { creditCode: entry.creditCode },
        body,
      }),
    onSuccess: (r) => {
      setDone(r);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['register-entry', entry.creditCode] });
    },
  });
  const user = session?.user;
  if (!user?.roles.includes('approver') || (user.jurisdiction !== PROVINCE && user.jurisdiction !== entry.jurisdiction)) return null;
  const allowed = ALLOWED[entry.status] ?? [];

  const submit = (v: Values) => {
    const body: Request = {
      action: v.action,
      reason: v.reason.trim(),
      ...(v.decisionReference?.trim() ? { decisionReference: v.decisionReference.trim() } : {}),
      ...(v.action === 'suspend' && v.from
        ? { suspension: { from: v.from.format('YYYY-MM-DD'), ...(v.until ? { until: v.until.format('YYYY-MM-DD') } : {}) } }
        : {}),
      ...(v.action === 'change-details'
        ? { details: { ...(v.name?.trim() ? { name: v.name.trim() } : {}), ...(v.address?.trim() ? { address: v.address.trim() } : {}) } }
        : {}),
    };
    const what =
      v.action === 'suspend'
        ? `暂停 ${body.suspension?.from} 至 ${body.suspension?.until ?? '恢复为止'}`
        : v.action === 'change-details'
          ? `变更为 ${[body.details?.name, body.details?.address].filter(Boolean).join('，')}`
          : ACTION_NAMES[v.action];
    modal.confirm({
      title: `确认${ACTION_NAMES[v.action]}“${entry.name}”的备案？`,
      content: `${what}。决定将记入审计日志，报送全国平台，并在备案机构查询和备案通知核验页上公开${v.action === 'withdraw' || v.action === 'cancel' ? '；撤销、注销后不能恢复' : ''}。`,
      okText: `确认${ACTION_NAMES[v.action]}`,
      cancelText: '再检查一下',
      onOk: () => decide.mutateAsync(body).catch(() => undefined),
    });
  };

  return (
    <Card size="small" title="备案后管理（备案状态决定）">
      <ErrorAlert error={decide.error} />
      {done && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={`已${ACTION_NAMES[done.action]}，备案状态为“${STATUS_NAMES[done.status] ?? done.status}”`}
          description="备案机构查询和备案通知核验页已按此决定显示。"
        />
      )}
      {allowed.length === 0 ? (
        <Alert type="info" showIcon title={`备案状态为“${STATUS_NAMES[entry.status] ?? entry.status}”，已是最终状态，无需再作决定。`} />
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => {
            decide.reset();
            setDone(null);
          }}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="action" label="决定事项" rules={[{ required: true, message: '请选择决定事项' }]}>
            <Radio.Group options={allowed.map((a) => ({ value: a, label: ACTION_NAMES[a] }))} />
          </Form.Item>
          {action === 'change-details' && (
            <>
              <Form.Item name="name" label="变更后的机构名称" initialValue={entry.name}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name="address"
                label="变更后的地址"
                initialValue={entry.address ?? ''}
                dependencies={['name']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value?: string) =>
                      value?.trim() || (getFieldValue('name') as string | undefined)?.trim()
                        ? Promise.resolve()
                        : Promise.reject(new Error('请写明变更后的机构名称或地址')),
                  }),
                ]}
              >
                <Input maxLength={300} />
              </Form.Item>
            </>
          )}
          {action === 'suspend' && (
            <Space size="middle" wrap>
              <Form.Item name="from" label="暂停起始日期" rules={[{ required: true, message: '请选择暂停起始日期' }]}>
                <DatePicker placeholder="起始日期" />
              </Form.Item>
              <Form.Item
                name="until"
                label="暂停截止日期"
                extra="不填则暂停至恢复为止"
                dependencies={['from']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: (_, value?: Dayjs) => {
                      const from = getFieldValue('from') as Dayjs | undefined;
                      return value && from && value.isBefore(from, 'day') ? Promise.reject(new Error('截止日期早于起始日期')) : Promise.resolve();
                    },
                  }),
                ]}
              >
                <DatePicker placeholder="截止日期" />
              </Form.Item>
            </Space>
          )}
          <Form.Item name="reason" label="决定理由" rules={[{ required: true, whitespace: true, message: '请写明决定理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="decisionReference" label="决定文号（选填）">
            <Input maxLength={200} placeholder="如 吉人社函〔2026〕15号" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={decide.isPending}>
            提交决定
          </Button>
        </Form>
      )}
    </Card>
  );
}
