import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { CaseWithHistory } from '../../../services/review/views';
import { ErrorAlert } from '../../../components/error-alert';
import { useAuth } from '../../../auth/auth-context';
import { PROVINCE, access } from '../../../access';
import { OBJECTION_STATUS_NAMES } from '../../../lib/vocabulary';
import { ObjectionsExportButton } from './objections-export';

interface ObjectionRow {
  id: string;
  receiptNumber: string;
  objectorName: string;
  objectorPhone: string;
  reason: string;
  evidence: string | null;
  status: 'open' | 'investigating' | 'upheld' | 'dismissed';
  investigationNote: string | null;
  scope: 'whole-case' | 'occupations' | null;
  struckOccupationCodes: string[];
  resolutionReason: string | null;
  receivedAt: string;
  resolvedAt: string | null;
}

interface Resolution {
  outcome: 'upheld' | 'dismissed';
  scope?: 'whole-case' | 'occupations';
  struckOccupationCodes?: string[];
  reason: string;
}

/** The centre's resolution of one objection: upheld (the whole case, or some occupations struck out) or dismissed, with reasons. */
function ResolutionForm({ c, o, onDone }: { c: CaseWithHistory; o: ObjectionRow; onDone: () => void }) {
  const [form] = Form.useForm<Resolution>();
  const outcome = Form.useWatch('outcome', form);
  const scope = Form.useWatch('scope', form);
  const resolve = useMutation({
    mutationFn: (v: Resolution) =>
      call('publication', 'post', '/objections/{id}/resolution', {
        path: { id: o.id },
        body: {
          outcome: v.outcome,
          reason: v.reason.trim(),
          ...(v.outcome === 'upheld' ? { scope: v.scope, ...(v.scope === 'occupations' ? { struckOccupationCodes: v.struckOccupationCodes } : {}) } : {}),
        },
      }),
    onSuccess: onDone,
  });
  return (
    <Form form={form} layout="vertical" aria-label={`处理异议 ${o.receiptNumber}`} onFinish={(v) => resolve.mutate(v)}>
      <Form.Item name="outcome" label="处理结论" rules={[{ required: true, message: '请选择处理结论' }]}>
        <Radio.Group
          options={[
            { value: 'dismissed', label: '异议不成立' },
            { value: 'upheld', label: '异议成立' },
          ]}
        />
      </Form.Item>
      {outcome === 'upheld' && (
        <Form.Item name="scope" label="异议成立的范围" rules={[{ required: true, message: '请选择异议成立的范围' }]}>
          <Radio.Group
            options={[
              { value: 'whole-case', label: '整个申报不予备案' },
              { value: 'occupations', label: '部分职业不予备案' },
            ]}
          />
        </Form.Item>
      )}
      {outcome === 'upheld' && scope === 'occupations' && (
        <Form.Item name="struckOccupationCodes" label="不予备案的职业" rules={[{ required: true, type: 'array', min: 1, message: '请选择不予备案的职业' }]}>
          <Checkbox.Group options={c.occupations.map((occ) => ({ value: occ.code, label: `${occ.name}（${occ.code}）` }))} />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label="处理意见"
        extra="异议人可凭回执号查询处理意见。"
        rules={[{ required: true, whitespace: true, message: '请填写处理意见' }]}
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <ErrorAlert error={resolve.error} />
      <Button type="primary" htmlType="submit" loading={resolve.isPending}>
        提交处理意见
      </Button>
    </Form>
  );
}

/**
 * 公示 and 异议: the notice's window, each objection with its handling, the centre's resolution form for an open one,
 * and — once the notice has closed with a filing requested — the provincial department's 下发备案通知.
 */
export function CaseNotice({ c }: { c: CaseWithHistory }) {
  const { session } = useAuth();
  const who = access(session?.user);
  const queryClient = useQueryClient();
  const [resolving, setResolving] = useState<string | null>(null);
  const notice = c.notice!;
  const objections = useQuery({
    queryKey: ['case', c.id, 'objections', notice.noticeId, c.version],
    enabled: who.centreStaff || who.approver,
    queryFn: () => call<{ items: ObjectionRow[] }>('publication', 'get', '/notices/{id}/objections', { path: { id: notice.noticeId } }),
  });
  const refresh = () => {
    setResolving(null);
    void queryClient.invalidateQueries({ queryKey: ['case', c.id] });
  };
  const issuer = who.approver && session?.user.jurisdiction === PROVINCE;
  const issue = useMutation({
    mutationFn: () =>
      call<{ noticeNumber: string; noticeDate: string; filingNumber: string }>('publication', 'post', '/filing-requests/{noticeId}/issue', {
        path: { noticeId: notice.noticeId },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['case', c.id] }),
  });

  return (
    <Card
      title="公示及异议"
      size="small"
      extra={
        <Space size={12}>
          {(objections.data?.items.length ?? 0) > 0 && <ObjectionsExportButton noticeId={notice.noticeId} institution={c.institution.name} />}
          <Link to={`/notices/${notice.noticeId}`}>查看公示</Link>
        </Space>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label="公示期">{`${notice.startDate} 至 ${notice.endDate}（${notice.workingDays} 个工作日）`}</Descriptions.Item>
        <Descriptions.Item label="异议">{`待处理 ${notice.openObjections.length} 件，已处理 ${notice.resolvedObjections.length} 件`}</Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={objections.error} />
      {objections.data && objections.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="公示期内未收到异议" />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {(objections.data?.items ?? []).map((o) => {
          const open = o.status === 'open' || o.status === 'investigating';
          return (
            <Card
              key={o.id}
              size="small"
              type="inner"
              role="region"
              aria-label={`异议 ${o.receiptNumber}`}
              title={
                <>
                  异议 {o.receiptNumber}{' '}
                  <Tag color={open ? 'orange' : o.status === 'upheld' ? 'red' : 'green'}>{OBJECTION_STATUS_NAMES[o.status] ?? o.status}</Tag>
                </>
              }
            >
              <Descriptions column={1} size="small">
                <Descriptions.Item label="异议人">{`${o.objectorName}（${o.objectorPhone}）`}</Descriptions.Item>
                <Descriptions.Item label="收到时间">{dayjs(o.receivedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
                <Descriptions.Item label="异议理由">{o.reason}</Descriptions.Item>
                {o.evidence && <Descriptions.Item label="证据及线索">{o.evidence}</Descriptions.Item>}
                {o.investigationNote && <Descriptions.Item label="调查核实">{o.investigationNote}</Descriptions.Item>}
                {o.resolutionReason && <Descriptions.Item label="处理意见">{o.resolutionReason}</Descriptions.Item>}
                {o.status === 'upheld' && (
                  <Descriptions.Item label="范围">
                    {o.scope === 'occupations' ? `不予备案的职业：${o.struckOccupationCodes.join('、')}` : '整个申报不予备案'}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {open &&
                who.centreStaff &&
                (resolving === o.id ? <ResolutionForm c={c} o={o} onDone={refresh} /> : <Button onClick={() => setResolving(o.id)}>处理该异议</Button>)}
            </Card>
          );
        })}
      </Space>
      {/* The confirmation stays once given: the case moves on to 已下发 a moment later and would otherwise take it away. */}
      {(c.stage === 'FILING_NOTICE_REQUESTED' || issue.isSuccess) && (
        <div style={{ marginTop: 12 }}>
          {issuer ? (
            issue.isSuccess ? (
              // Compact: the 备案通知 card of the page shows the notice itself once the case has moved on.
              <Alert
                type="success"
                showIcon
                title={`已下发备案通知 ${issue.data.noticeNumber}`}
                description={`${issue.data.noticeDate} · 备案编号 ${issue.data.filingNumber}`}
              />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Alert
                  type="info"
                  showIcon
                  title="公示期满且无待处理异议，可下发备案通知"
                  description="下发后，备案通知进入申报机构的“我的申报”和备案机构名录。"
                />
                <ErrorAlert error={issue.error} />
                <Button type="primary" loading={issue.isPending} onClick={() => issue.mutate()}>
                  下发备案通知
                </Button>
              </Space>
            )
          ) : (
            <Typography.Text type="secondary">公示期满，等待省人社厅下发备案通知。</Typography.Text>
          )}
        </div>
      )}
    </Card>
  );
}
