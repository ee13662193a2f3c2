import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { devSignIn, oidcSignIn, useAuth } from '../../auth/auth-context';
import { homeOf, safeNext } from '../../auth/home';
import type { DemoIdentity } from '../../auth/dev-sign-in';
import { ErrorAlert } from '../../components/error-alert';
import { creditCodeProblem } from '../../lib/credit-code';
import { JURISDICTIONS, roleName } from '../../lib/vocabulary';

/** Sign-in: through the province's identity provider when the console server names one, else the development page. */
export default function SignInPage() {
  if (oidcSignIn()) return <ProviderSignIn />;
  if (devSignIn()) return <DevelopmentSignIn />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        登录
      </Typography.Title>
      <Alert type="info" showIcon title="本环境未开放登录" description="控制台服务器未配置身份认证平台，目前只能浏览公开页面。" />
    </Space>
  );
}

/** OpenID Connect: to the provider's own login page (统一身份认证), and back to where the visitor was going. */
function ProviderSignIn() {
  const [params] = useSearchParams();
  const provider = oidcSignIn()!;
  const go = useMutation({ mutationFn: () => provider.signIn(safeNext(params.get('next')) ?? undefined) });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 560 }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        登录
      </Typography.Title>
      <Card>
        <Typography.Paragraph>
          申报机构、鉴定中心、纪检、评估专家和审定人员均通过吉林省统一身份认证平台登录。登录后，系统按您账号的角色和所属辖区显示相应的工作页面。
        </Typography.Paragraph>
        <ErrorAlert error={go.error} />
        <Button type="primary" size="large" loading={go.isPending} onClick={() => go.mutate()}>
          前往统一身份认证平台登录
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          认证服务：{provider.providerHost}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}

/** Development sign-in: pick a demo identity (the platform in production signs in through the province's provider). */
function DevelopmentSignIn() {
  const { setSession } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const provider = devSignIn()!;
  const identities = useQuery({ queryKey: ['dev-identities'], queryFn: () => provider.identities() });
  const signIn = useMutation({
    mutationFn: (id: string) => provider.signIn(id),
    onSuccess: (s) => {
      setSession(s);
      navigate(safeNext(params.get('next')) ?? homeOf(s.user.roles), { replace: true });
    },
  });
  const groups = [...new Set((identities.data ?? []).map((i) => i.group))];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        登录
      </Typography.Title>
      <Alert
        type="warning"
        showIcon
        title="开发环境登录"
        description="此页面仅在开发和演示环境提供：选择一个演示身份即可登录。正式环境通过省统一身份认证平台登录。"
      />
      <ErrorAlert error={signIn.error ?? identities.error} />
      {identities.data?.length === 0 && <Alert type="info" showIcon title="本环境未开放开发登录" />}
      <Row gutter={[16, 16]}>
        {groups.map((g) => (
          <Col xs={24} md={12} xl={8} key={g}>
            <Card size="small" title={g}>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {identities
                  .data!.filter((i) => i.group === g)
                  .map((i: DemoIdentity) => (
                    <li key={i.id} style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                      <div style={{ flex: 1, minWidth: 0 }}>
                        <div style={{ fontWeight: 600 }}>{i.label}</div>
                        <Space size={4} wrap style={{ color: '#666', fontSize: 13 }}>
                          <Tag>{roleName(i.roles[0])}</Tag>
                          <span>{i.description}</span>
                        </Space>
                      </div>
                      <Button
                        type="primary"
                        size="small"
                        aria-label={`以“${i.label}”登录`}
                        loading={signIn.isPending && signIn.variables === i.id}
                        onClick={() => signIn.mutate(i.id)}
                      >
                        登录
                      </Button>
                    </li>
                  ))}
              </ul>
            </Card>
          </Col>
        ))}
        {identities.data && identities.data.length > 0 && (
          <Col xs={24} md={12} xl={8}>
            <Card size="small" title="以其他申报机构登录">
              <Form<{ creditCode: string; jurisdiction: string }>
                layout="vertical"
                aria-label="以其他申报机构登录"
                initialValues={{ jurisdiction: '220100' }}
                onFinish={(v) => signIn.mutate(`applicant:${v.creditCode.trim().toUpperCase()}:${v.jurisdiction}`)}
              >
                <Form.Item
                  name="creditCode"
                  label="统一社会信用代码"
                  rules={[
                    {
                      validator: async (_, v) => {
                        const p = creditCodeProblem((v ?? '').toUpperCase());
                        if (p) throw new Error(p);
                      },
                    },
                  ]}
                >
                  <Input maxLength={18} />
                </Form.Item>
                <Form.Item name="jurisdiction" label="属地">
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={JURISDICTIONS.map((j) => ({ value: j.code, label: j.code === '220000' ? '吉林省（省直）' : j.name }))}
                  />
                </Form.Item>
                <Button htmlType="submit">以该机构登录</Button>
              </Form>
            </Card>
          </Col>
        )}
        {identities.data && identities.data.length > 0 && (
          <Col xs={24} md={12} xl={8}>
            <Card size="small" title="以其他专家登录">
              <Form<{ expertId: string; level: string }>
                layout="vertical"
                aria-label="以其他专家登录"
                initialValues={{ level: '220100' }}
                onFinish={(v) => signIn.mutate(`expert:${v.expertId.trim().toLowerCase()}:${v.level}`)}
              >
                <Form.Item
                  name="expertId"
                  label="专家编号"
                  extra="抽取通知中的专家编号"
                  rules={[
                    { required: true, whitespace: true, message: '请填写专家编号' },
                    { pattern: /^\s*[0-9a-fA-F-]{36}\s*$/, message: '专家编号为 36 位' },
                  ]}
                >
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item name="level" label="专家库">
                  <Select showSearch optionFilterProp="label" options={JURISDICTIONS.map((j) => ({ value: j.code, label: `${j.name}专家库` }))} />
                </Form.Item>
                <Button htmlType="submit">以该专家登录</Button>
              </Form>
            </Card>
          </Col>
        )}
        {identities.data && identities.data.length > 0 && (
          <Col xs={24} md={12} xl={8}>
            <Card size="small" title="以其他身份登录">
              <Form<{ role: string; jurisdiction: string }>
                name="official-sign-in"
                layout="vertical"
                aria-label="以其他身份登录"
                initialValues={{ role: 'center-staff', jurisdiction: '220200' }}
                onFinish={(v) => signIn.mutate(`official:${v.role}:${v.jurisdiction}`)}
              >
                <Form.Item name="role" label="身份">
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={['center-staff', 'discipline-officer', 'approver', 'admin'].map((r) => ({ value: r, label: roleName(r) }))}
                  />
                </Form.Item>
                <Form.Item name="jurisdiction" label="所属地区">
                  <Select
                    showSearch
                    optionFilterProp="label"
                    options={JURISDICTIONS.map((j) => ({ value: j.code, label: j.code === '220000' ? '吉林省（省级）' : j.name }))}
                  />
                </Form.Item>
                <Button htmlType="submit">以该身份登录</Button>
              </Form>
            </Card>
          </Col>
        )}
      </Row>
    </Space>
  );
}
