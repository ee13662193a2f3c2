import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { apiUrl } from '../../../api/http';
import { PlainTable } from '../../../components/plain-table';
import { call } from '../../../services/api';
import type { RegisterEntry, RegisterPage as RegisterResult } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { INSTITUTION_KIND_NAMES, JURISDICTIONS, LEVEL_NAMES, levelsText } from '../../../lib/vocabulary';
import { isValidCreditCode } from '../../../lib/credit-code';

interface Filters {
  keyword?: string;
  occupation?: string;
  city?: string;
  level?: string;
}

/** 备案机构查询: the public register, by name or credit code, occupation, city and level. */
export default function RegisterPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const keyword = params.get('keyword')?.trim() ?? '';
  const byCode = isValidCreditCode(keyword.toUpperCase());
  const query = {
    name: keyword && !byCode ? keyword : undefined,
    creditCode: byCode ? keyword.toUpperCase() : undefined,
    occupation: params.get('occupation') || undefined,
    city: params.get('city') || undefined,
    level: params.get('level') ? Number(params.get('level')) : undefined,
    page,
    pageSize: 20,
  };
  const result = useQuery({ queryKey: ['register', query], queryFn: () => call<RegisterResult>('publication', 'get', '/public/register', { query }) });
  const pages = Math.ceil((result.data?.total ?? 0) / 20);
  const goTo = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    setParams(next);
  };
  const search = (f: Filters) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) next.set(k, String(v).trim());
    setParams(next);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        备案机构查询
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        查询已在吉林省备案的职业技能等级认定机构及其认定的职业（工种）和等级。
        <Link to="/register/coverage">查看各地职业覆盖情况（就近就地）</Link>
      </Typography.Paragraph>
      <Card size="small">
        <Form<Filters> layout="vertical" initialValues={Object.fromEntries(params)} onFinish={search} aria-label="查询条件">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="keyword" label="机构名称或统一社会信用代码">
                <Input allowClear placeholder="如：模具 或 91220101MA0Y3B9X18" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="occupation" label="职业（工种）名称或编码">
                <Input allowClear placeholder="如：车工 或 6-18-01-01" />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="city" label="属地">
                <Select allowClear placeholder="全部" options={JURISDICTIONS.map((j) => ({ value: j.code, label: j.code === '220000' ? '省直' : j.name }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="level" label="等级">
                <Select
                  allowClear
                  placeholder="全部"
                  options={Object.entries(LEVEL_NAMES)
                    .map(([v, l]) => ({ value: v, label: l }))
                    .reverse()}
                />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
            <Button href={apiUrl('publication', '/public/register/export.xlsx', { ...query, page: undefined, pageSize: undefined })}>导出 Excel</Button>
          </Space>
        </Form>
      </Card>
      <ErrorAlert error={result.error} />
      <div className="only-wide">
        <PlainTable<RegisterEntry>
          caption={result.data ? `共 ${result.data.total} 家备案机构符合条件` : undefined}
          rowKey={(r) => r.creditCode}
          rows={result.data?.items ?? []}
          empty={result.isLoading ? '正在查询…' : '没有符合条件的备案机构'}
          columns={[
            {
              title: '机构名称',
              render: (r) => (
                <>
                  <Link to={`/register/${r.creditCode}`}>{r.name}</Link>
                  {r.status === 'suspended' && (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      暂停
                    </Tag>
                  )}
                </>
              ),
            },
            { title: '统一社会信用代码', render: (r) => r.creditCode },
            { title: '类型', render: (r) => INSTITUTION_KIND_NAMES[r.kind] ?? r.kind },
            { title: '属地', render: (r) => (r.jurisdiction === '220000' ? '省直' : r.jurisdictionName) },
            {
              title: '认定职业（等级）',
              render: (r) => (
                <Space size={4} wrap>
                  {r.occupations.map((o) => (
                    <Tag key={o.code + (o.workType ?? '')}>{`${o.name}（${levelsText(o.levels)}）`}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: '备案通知文号', render: (r) => r.noticeNumber },
          ]}
        />
      </div>
      {/* On a phone: one card per institution instead of a wide table. */}
      <ul className="only-narrow result-cards" aria-label="查询结果">
        {(result.data?.items ?? []).map((r) => (
          <li key={r.creditCode}>
            <Link to={`/register/${r.creditCode}`} style={{ fontWeight: 600 }}>
              {r.name}
            </Link>
            <div style={{ color: '#666', fontSize: 13 }}>
              {r.creditCode} · {INSTITUTION_KIND_NAMES[r.kind] ?? r.kind} · {r.jurisdiction === '220000' ? '省直' : r.jurisdictionName}
            </div>
            <div style={{ fontSize: 13 }}>{r.occupations.map((o) => `${o.name}（${levelsText(o.levels)}）`).join('；')}</div>
            <div style={{ color: '#666', fontSize: 13 }}>备案通知：{r.noticeNumber}</div>
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav aria-label="分页">
          <Space>
            <Button disabled={page <= 1} onClick={() => goTo(page - 1)}>
              上一页
            </Button>
            <span>
              第 {page} / {pages} 页
            </span>
            <Button disabled={page >= pages} onClick={() => goTo(page + 1)}>
              下一页
            </Button>
          </Space>
        </nav>
      )}
    </Space>
  );
}
