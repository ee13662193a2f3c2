import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { call, type PublicationSchemas } from '../../../services/api';
import type { ObjectionReceipt, PublicNotice } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { sameNames, showFieldErrors } from '../../../components/form-errors';
import { idNumberProblem } from '../../../lib/id-number';

type Objection = PublicationSchemas['schemas']['LodgeObjectionRequest'];
const FIELDS = sameNames('name', 'idNumber', 'phone', 'email', 'address', 'reason', 'evidence');

/** 实名书面异议: real name, ID number, contact, reasons and evidence; answered with a receipt number to follow it by. */
export function ObjectionForm({ notice }: { notice: PublicNotice }) {
  const [form] = Form.useForm<Objection>();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const lodge = useMutation({
    mutationFn: (body: Objection) => call<ObjectionReceipt>('publication', 'post', '/public/notices/{id}/objections', { path: { id: notice.noticeId }, body }),
    onError: (err) => setUnmatched(showFieldErrors(form, err, FIELDS)),
  });

  const receipt = useRef<HTMLDivElement>(null);
  // The receipt replaces the form where the objector pressed submit: bring its top into view.
  useEffect(() => {
    if (lodge.data) receipt.current?.scrollIntoView({ block: 'start' });
  }, [lodge.data]);

  if (lodge.data) {
    return (
      <div ref={receipt}>
        <Result
          status="success"
          title="异议已提交"
          subTitle={
            <>
              <div>
                回执编号：
                <Typography.Text strong copyable aria-label="回执编号">
                  {lodge.data.receiptNumber}
                </Typography.Text>
              </div>
              <div>请妥善保存回执编号，凭此查询异议处理进度。受理单位将在调查核实后答复。</div>
            </>
          }
          extra={
            <Link to={`/objections/${encodeURIComponent(lodge.data.receiptNumber)}`}>
              <Button type="primary">查询处理进度</Button>
            </Link>
          }
        />
      </div>
    );
  }
  if (!notice.acceptingObjections) {
    return (
      <Alert
        type="info"
        showIcon
        title="当前不在公示期内"
        description={`网上异议仅在公示期（${notice.period.startDate} 至 ${notice.period.endDate}）内受理。如有问题，请与${notice.contact.unit}联系。`}
      />
    );
  }
  return (
    <Form<Objection>
      form={form}
      layout="vertical"
      aria-label="提出异议"
      onFinish={(v) => {
        setUnmatched([]);
        lodge.mutate({
          ...v,
          idNumber: v.idNumber.trim().toUpperCase(),
          email: v.email || undefined,
          address: v.address || undefined,
          evidence: v.evidence || undefined,
        });
      }}
      style={{ maxWidth: 720 }}
      requiredMark
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="异议须实名提出，匿名异议不予受理。个人信息仅用于核实，不予公开。" />
      <Form.Item
        name="name"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: '请填写真实姓名' },
          { max: 50, message: '姓名不超过 50 字' },
        ]}
      >
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label="身份证号码"
        rules={[
          { required: true, message: '请填写居民身份证号码' },
          {
            validator: async (_, v) => {
              const p = v ? idNumberProblem(v) : undefined;
              if (p) throw new Error(p);
            },
          },
        ]}
      >
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="phone"
        label="联系电话"
        rules={[
          { required: true, message: '请填写联系电话' },
          { pattern: /^[0-9+\-() ]{5,30}$/, message: '请填写有效的电话号码' },
        ]}
      >
        <Input autoComplete="tel" inputMode="tel" />
      </Form.Item>
      <Form.Item name="email" label="电子邮箱（选填）" rules={[{ type: 'email', message: '电子邮箱格式不正确' }]}>
        <Input autoComplete="email" />
      </Form.Item>
      <Form.Item name="address" label="通讯地址（选填）" rules={[{ max: 300, message: '不超过 300 字' }]}>
        <Input autoComplete="street-address" />
      </Form.Item>
      <Form.Item
        name="reason"
        label="异议理由"
        rules={[
          { required: true, whitespace: true, message: '请写明异议的事实和理由' },
          { max: 4000, message: '不超过 4000 字' },
        ]}
      >
        <Input.TextArea rows={5} showCount maxLength={4000} placeholder="请写明针对公示内容的具体事实和理由" />
      </Form.Item>
      <Form.Item
        name="evidence"
        label="证据及线索（选填）"
        extra="可说明证据材料、知情人或核查线索；书面证据材料可按公示所列方式提交受理单位。"
        rules={[{ max: 4000, message: '不超过 4000 字' }]}
      >
        <Input.TextArea rows={3} showCount maxLength={4000} />
      </Form.Item>
      <ErrorAlert error={lodge.error} />
      {unmatched.length > 0 && <Alert type="error" title={unmatched.join('；')} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={lodge.isPending}>
        提交异议
      </Button>
    </Form>
  );
}
