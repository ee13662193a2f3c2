import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Result, Space, Steps, Typography } from 'antd';
import { call } from '../../../services/api';
import type { ApplicationDetail, CreateApplication } from '../../../services/intake/views';
import { useAuth } from '../../../auth/auth-context';
import { ErrorAlert } from '../../../components/error-alert';
import { describeError } from '../../../api/problem';
import { showFieldErrors } from '../../../components/form-errors';
import { MaterialUpload } from '../../../components/material-upload';
import { ArrivalWatch } from '../../../components/arrival-watch';
import { InstitutionStep } from './institution-step';
import { OccupationsStep } from './occupations-step';
import { ReviewStep } from './review-step';
import { clearDraft, loadDraft, saveDraft } from './local-draft';

const STEPS = ['申报信息', '认定职业', '上传材料', '核对提交'];
/** Request fields the first two steps show, by the service's names. */
const FIELD_NAMES: Record<string, (string | number)[]> = {
  applicationKind: ['applicationKind'],
  jurisdiction: ['jurisdiction'],
  existingFilingNumber: ['existingFilingNumber'],
  'institution.name': ['institution', 'name'],
  'institution.creditCode': ['institution', 'creditCode'],
  'institution.kind': ['institution', 'kind'],
  'institution.legalRepresentative': ['institution', 'legalRepresentative'],
  'institution.address': ['institution', 'address'],
  'institution.contact.person': ['institution', 'contact', 'person'],
  'institution.contact.phone': ['institution', 'contact', 'phone'],
  'institution.contact.email': ['institution', 'contact', 'email'],
};

/**
 * 机构申报: a guided application. What is typed is kept in this browser until the draft is opened at intake (before
 * the uploads); from then on intake keeps it, and "我的申报" lists it to continue.
 */
export default function ApplyPage() {
  const { session } = useAuth();
  const user = session!.user;
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const resumeId = params.get('draft') ?? undefined;
  const stored = useMemo(() => loadDraft(user.sub), [user.sub]);
  const [applicationId, setApplicationId] = useState<string | undefined>(resumeId ?? stored?.applicationId);
  const [step, setStep] = useState<number>(resumeId ? 2 : (stored?.step ?? 0));
  const [form] = Form.useForm<CreateApplication>();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [submitted, setSubmitted] = useState(false);
  const [unmatched, setUnmatched] = useState<string[]>([]);

  const initial: Partial<CreateApplication> = stored?.data ?? {
    applicationKind: 'new-filing',
    jurisdiction: user.jurisdiction,
    institution: { creditCode: user.creditCode, kind: 'employer' } as CreateApplication['institution'],
    occupations: [{ levels: [], basis: 'national-standard' } as unknown as CreateApplication['occupations'][number]],
  };

  const application = useQuery({
    enabled: !!applicationId,
    queryKey: ['application', applicationId],
    queryFn: () => call<ApplicationDetail>('intake', 'get', '/applications/{id}', { path: { id: applicationId! } }),
  });
  useEffect(() => {
    if (application.data && application.data.status !== 'DRAFT' && !submitted) navigate(`/applicant/applications/${application.data.id}`, { replace: true });
  }, [application.data, submitted, navigate]);

  const keep = (next: number, data = form.getFieldsValue(true)) => saveDraft(user.sub, { step: next, data, applicationId });

  const open = useMutation({
    mutationFn: (body: CreateApplication) => call<{ id: string }>('intake', 'post', '/applications', { body, headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: (r) => {
      setApplicationId(r.id);
      saveDraft(user.sub, { step: 2, data: form.getFieldsValue(true), applicationId: r.id });
      setStep(2);
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
    onError: (err) => {
      const rest = showFieldErrors(form, err, FIELD_NAMES);
      setUnmatched(rest);
      // A problem with a field of the first step: show it there, next to the field.
      if (Object.keys(describeError(err).fields).length > rest.length) setStep(0);
    },
  });

  const submit = useMutation({
    mutationFn: () =>
      call<{ id: string; submittedAt: string }>('intake', 'post', '/applications/{id}/submit', {
        path: { id: applicationId! },
        headers: { 'idempotency-key': `submit-${applicationId}` },
      }),
    onSuccess: () => {
      clearDraft(user.sub);
      setSubmitted(true);
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
  });

  const next = async () => {
    setUnmatched([]);
    if (step === 0) {
      await form.validateFields([['applicationKind'], ['existingFilingNumber'], ['jurisdiction'], ['institution']], { recursive: true });
      keep(1);
      setStep(1);
    } else if (step === 1) {
      await form.validateFields([['occupations']], { recursive: true });
      keep(1);
      modal.confirm({
        title: '保存草稿并上传材料',
        content: '将在受理系统中建立申报草稿，申报信息和认定职业随后不能再修改（如需修改，可放弃此草稿重新申报）。确认继续？',
        okText: '确认并继续',
        cancelText: '再检查一下',
        onOk: () => {
          const v = form.getFieldsValue(true) as CreateApplication;
          const body: CreateApplication = {
            ...v,
            existingFilingNumber: v.applicationKind === 'add-occupation' ? v.existingFilingNumber?.trim() : undefined,
            institution: { ...v.institution, contact: { ...v.institution.contact, email: v.institution.contact.email || undefined } },
            occupations: v.occupations.map((o) => ({ ...o, workType: o.workType?.trim() || undefined, levels: [...o.levels].sort((a, b) => b - a) })),
          };
          open.mutate(body);
        },
      });
    } else if (step === 2) {
      keep(3);
      setStep(3);
    }
  };

  if (submitted && application.data) {
    return (
      <Result
        status="success"
        title="申报已提交"
        subTitle="申报信息和材料已提交至受理系统，由属地职业技能鉴定中心受理。"
        extra={
          <Space orientation="vertical" align="center">
            <ArrivalWatch applicationId={application.data.id} />
            <Link to={`/applicant/applications/${application.data.id}`}>
              <Button type="primary">查看申报进度</Button>
            </Link>
          </Space>
        }
      />
    );
  }

  const detail = application.data;
  const missing = detail?.missingMaterials ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        机构备案申报
      </Typography.Title>
      <Steps current={step} items={STEPS.map((title) => ({ title }))} responsive />
      {stored && !resumeId && step < 2 && (
        <Typography.Text type="secondary">已恢复您上次在本浏览器中填写的内容（{new Date(stored.savedAt).toLocaleString('zh-CN')}）。</Typography.Text>
      )}
      {applicationId && step >= 2 && (
        <Typography.Text type="secondary">
          草稿已保存，可随时在“我的申报”中继续。
          <Button
            type="link"
            size="small"
            onClick={() => {
              // The saved draft stays listed in 我的申报; this starts another one from the beginning.
              clearDraft(user.sub);
              setApplicationId(undefined);
              form.resetFields();
              setStep(0);
              navigate('/applicant/apply', { replace: true });
            }}
          >
            另行新建申报
          </Button>
        </Typography.Text>
      )}
      <Card>
        <Form<CreateApplication>
          form={form}
          layout="vertical"
          initialValues={initial}
          preserve
          onValuesChange={() => step < 2 && keep(step)}
          aria-label="申报信息"
          disabled={step >= 2}
        >
          <div style={{ display: step === 0 ? 'block' : 'none' }}>
            <InstitutionStep lockedCreditCode={user.creditCode} />
          </div>
          <div style={{ display: step === 1 ? 'block' : 'none' }}>
            <OccupationsStep />
          </div>
        </Form>
        {step === 2 && detail && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title="请逐项上传备案材料（PDF、图片、Word 或 Excel，单个文件不超过 20 MB）。每次上传均保留为新版本。"
            />
            {detail.checklist.map((item) => (
              <MaterialUpload
                key={item.item}
                applicationId={detail.id}
                item={item}
                current={detail.materials.find((m) => m.checklistItem === item.item)}
                onUploaded={() => void application.refetch()}
              />
            ))}
            {missing.length > 0 && (
              <Typography.Paragraph type="warning" style={{ marginTop: 12 }}>
                尚未上传的必需材料：{missing.map((m) => m.title).join('、')}
              </Typography.Paragraph>
            )}
          </>
        )}
        {step === 3 && detail && <ReviewStep application={detail} />}
        {step >= 2 && !detail && <ErrorAlert error={application.error} />}
        <ErrorAlert error={open.error ?? submit.error} style={{ marginTop: 16 }} />
        {unmatched.length > 0 && <Alert type="error" title={unmatched.join('；')} />}
        <Space style={{ marginTop: 24 }}>
          {step === 1 && <Button onClick={() => setStep(0)}>上一步</Button>}
          {step === 3 && <Button onClick={() => setStep(2)}>返回上传材料</Button>}
          {step < 3 && (
            <Button type="primary" onClick={() => void next().catch(() => undefined)} loading={open.isPending} disabled={step === 2 && missing.length > 0}>
              {step === 1 ? '保存草稿，下一步' : '下一步'}
            </Button>
          )}
          {step === 3 && (
            <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending} disabled={missing.length > 0}>
              确认提交申报
            </Button>
          )}
        </Space>
      </Card>
    </Space>
  );
}
