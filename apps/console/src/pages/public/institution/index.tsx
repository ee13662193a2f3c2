import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { apiUrl } from '../../../api/http';
import { PlainTable } from '../../../components/plain-table';
import { call } from '../../../services/api';
import type { RegisterPage } from '../../../services/publication/views';
import { ErrorAlert } from '../../../components/error-alert';
import { StatusDecisionCard } from './status-decision';
import { APPLICATION_KIND_NAMES, BASIS_NAMES, INSTITUTION_KIND_NAMES, LEVEL_NAMES } from '../../../lib/vocabulary';

const STATUS_NAMES: Record<string, string> = { valid: '有效', suspended: '暂停', withdrawn: '已撤销', cancelled: '已注销' };
const STATUS_COLORS: Record<string, string> = { valid: 'green', suspended: 'orange', withdrawn: 'red', cancelled: 'default' };

/** One filed institution: its filing notice numbers, occupations and levels. */
export default function InstitutionPage() {
  const { creditCode = '' } = useParams();
  // Every status: a suspended, withdrawn or cancelled institution's page says so rather than vanishing.
  const result = useQuery({
    queryKey: ['register-entry', creditCode],
    queryFn: () => call<RegisterPage>('publication', 'get', '/public/register', { query: { creditCode, status: 'all' } }),
  });
  const e = result.data?.items[0];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/register">备案机构查询</Link> }, { title: e?.name ?? creditCode }]} />
      <ErrorAlert error={result.error} />
      {result.isLoading && <Skeleton active />}
      {result.data && !e && <Result status="404" title="未找到该备案机构" subTitle={`统一社会信用代码 ${creditCode} 没有备案记录。`} />}
      {e && (
        <>
          <Typography.Title level={2}>{e.name}</Typography.Title>
          <Card size="small" title="备案信息">
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
              <Descriptions.Item label="统一社会信用代码">{e.creditCode}</Descriptions.Item>
              <Descriptions.Item label="机构类型">{INSTITUTION_KIND_NAMES[e.kind] ?? e.kind}</Descriptions.Item>
              <Descriptions.Item label="属地">{e.jurisdiction === '220000' ? '省直' : e.jurisdictionName}</Descriptions.Item>
              <Descriptions.Item label="认定范围">{e.scope === 'own-employees' ? '本单位职工' : '面向社会'}</Descriptions.Item>
              <Descriptions.Item label="备案编号">{e.filingNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="备案通知文号">
                {e.noticeNumber}（{e.noticeDate}）
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag color={STATUS_COLORS[e.status] ?? 'default'}>{STATUS_NAMES[e.status] ?? e.status}</Tag>
                {e.suspendedFrom && `暂停期限 ${e.suspendedFrom} 至 ${e.suspendedUntil ?? '恢复为止'}`}
                {e.statusReason && <div>{e.statusReason}</div>}
              </Descriptions.Item>
              {e.source === 'historical' && <Descriptions.Item label="来源">平台上线前备案（历史备案导入）</Descriptions.Item>}
            </Descriptions>
          </Card>
          <StatusDecisionCard entry={e} />
          <Card size="small" title="认定职业（工种）及等级">
            <PlainTable
              rowKey={(o) => o.code + (o.workType ?? '')}
              rows={e.occupations}
              columns={[
                { title: '职业编码', render: (o) => o.code, nowrap: true },
                { title: '职业（工种）', render: (o) => `${o.name}${o.workType ? `（${o.workType}）` : ''}` },
                {
                  title: '等级',
                  render: (o) => (
                    <Space size={4} wrap>
                      {[...o.levels]
                        .sort((a, b) => b - a)
                        .map((l) => (
                          <Tag key={l}>{LEVEL_NAMES[l]}</Tag>
                        ))}
                    </Space>
                  ),
                },
                { title: '依据', render: (o: any) => BASIS_NAMES[o.basis] ?? o.basis ?? '—' },
              ]}
            />
          </Card>
          {e.filings?.length > 0 && (
            <Card size="small" title="备案记录">
              <PlainTable
                rowKey={(f) => f.noticeNumber}
                rows={e.filings}
                columns={[
                  { title: '备案通知文号', render: (f) => f.noticeNumber },
                  { title: '日期', render: (f) => f.noticeDate },
                  {
                    title: '类型',
                    render: (f) => (f.applicationKind === 'historical' ? '历史备案' : (APPLICATION_KIND_NAMES[f.applicationKind] ?? f.applicationKind)),
                  },
                  {
                    title: '备案通知',
                    render: (f) =>
                      f.filingId ? (
                        <Space size={12}>
                          <a href={apiUrl('publication', `/public/filings/${f.filingId}/notice.pdf`)} target="_blank" rel="noreferrer">
                            下载 PDF
                          </a>
                          <Link to={`/verify/${f.filingId}`}>核验</Link>
                        </Space>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
