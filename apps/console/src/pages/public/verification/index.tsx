import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { apiUrl } from '../../../api/http';
import { ApiError } from '../../../api/problem';
import { ErrorAlert } from '../../../components/error-alert';
import { PlainTable } from '../../../components/plain-table';
import { fileSha256 } from '../../../lib/file-digest';
import { APPLICATION_KIND_NAMES, INSTITUTION_KIND_NAMES } from '../../../lib/vocabulary';
import { call } from '../../../services/api';
import type { FilingVerification } from '../../../services/publication/views';

const STATUS_COLORS: Record<string, string> = { valid: 'green', suspended: 'orange', withdrawn: 'red', cancelled: 'default' };

type FileCheck = { kind: 'idle' } | { kind: 'checking' } | { kind: 'done'; name: string; match: boolean };

/**
 * 备案通知核验 (public): the page a filing notice's QR code opens. Says whether the notice is genuine and valid now,
 * with its number, institution, occupations and levels, the institution's current status and the register's changes
 * since; a copy of the PDF can be checked here byte for byte against the sha-256 the platform recorded.
 */
export default function VerificationPage() {
  const { filingId = '' } = useParams();
  const result = useQuery({
    queryKey: ['filing-verification', filingId],
    queryFn: () => call<FilingVerification>('publication', 'get', '/public/filings/{filingId}/verification', { path: { filingId } }),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  const [check, setCheck] = useState<FileCheck>({ kind: 'idle' });
  const notGenuine = result.error instanceof ApiError && result.error.status === 404;
  const v = result.data;

  const checkFile = async (file: File | undefined) => {
    if (!file || !v?.document) return;
    setCheck({ kind: 'checking' });
    setCheck({ kind: 'done', name: file.name, match: (await fileSha256(file)) === v.document.sha256 });
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/register">备案机构查询</Link> }, { title: '备案通知核验' }]} />
      <Typography.Title level={2}>备案通知核验</Typography.Title>
      {result.isLoading && <Skeleton active />}
      {notGenuine && (
        <Result
          status="error"
          title="查无此备案通知"
          subTitle="该文件不是本平台出具的备案通知，不能作为职业技能等级认定机构备案的证明。请向发文机关（吉林省人力资源和社会保障厅）核实。"
        />
      )}
      {!notGenuine && <ErrorAlert error={result.error} />}
      {v && (
        <>
          <Result
            status={v.valid ? 'success' : 'warning'}
            title={v.valid ? '备案通知真实有效' : `备案通知为本平台出具，机构备案${v.register?.statusName ?? ''}`}
            subTitle={v.message}
            style={{ padding: '16px 0' }}
          />
          <Card size="small" title="备案通知">
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label="备案通知文号">{v.notice.noticeNumber}</Descriptions.Item>
              <Descriptions.Item label="发文日期">{v.notice.noticeDate}</Descriptions.Item>
              <Descriptions.Item label="发文机关">{v.notice.issuingAuthority}</Descriptions.Item>
              <Descriptions.Item label="备案编号">{v.notice.filingNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="机构名称（发文时）">{v.notice.institution.name}</Descriptions.Item>
              <Descriptions.Item label="统一社会信用代码">{v.notice.institution.creditCode}</Descriptions.Item>
              <Descriptions.Item label="机构类型">{INSTITUTION_KIND_NAMES[v.notice.institution.kind] ?? v.notice.institution.kind}</Descriptions.Item>
              <Descriptions.Item label="通知类型">{APPLICATION_KIND_NAMES[v.notice.applicationKind] ?? v.notice.applicationKind}</Descriptions.Item>
            </Descriptions>
            <div style={{ marginTop: 16 }}>
              <PlainTable
                caption="本通知认定的职业（工种）及等级"
                rowKey={(o) => `${o.code}/${o.workType ?? ''}`}
                rows={v.notice.occupations}
                columns={[
                  { title: '职业编码', render: (o) => o.code, nowrap: true },
                  { title: '职业（工种）', render: (o) => `${o.name}${o.workType ? `（${o.workType}）` : ''}` },
                  {
                    title: '等级',
                    render: (o) => (
                      <Space size={4} wrap>
                        {o.levels.map((l) => (
                          <Tag key={l.level}>{l.name}</Tag>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            </div>
          </Card>
          {v.register && (
            <Card size="small" title="机构当前备案状态">
              <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
                <Descriptions.Item label="机构名称（现）">
                  <Link to={`/register/${v.register.creditCode}`}>{v.register.name}</Link>
                </Descriptions.Item>
                <Descriptions.Item label="备案状态">
                  <Tag color={STATUS_COLORS[v.register.status]}>{v.register.statusName}</Tag>
                </Descriptions.Item>
                {v.register.suspension && (
                  <Descriptions.Item label="暂停期限">
                    {v.register.suspension.from} 至 {v.register.suspension.until ?? '恢复为止'}
                  </Descriptions.Item>
                )}
                {v.register.statusReason && <Descriptions.Item label="原因">{v.register.statusReason}</Descriptions.Item>}
                <Descriptions.Item label="属地">{v.register.jurisdictionName}</Descriptions.Item>
              </Descriptions>
              {v.register.history.length > 0 && (
                <>
                  <Typography.Title level={5} style={{ marginTop: 16 }}>
                    备案后变动
                  </Typography.Title>
                  <Timeline
                    items={v.register.history.map((h) => ({
                      color: STATUS_COLORS[h.status] ?? 'blue',
                      content: (
                        <span>
                          <strong>{h.actionName}</strong>　{new Date(h.decidedAt).toLocaleDateString('zh-CN')}　{h.authority}
                          {h.decisionReference ? `（${h.decisionReference}）` : ''}：{h.reason.replace(/[。.]$/, '')}
                          {h.suspension ? `；暂停期限 ${h.suspension.from} 至 ${h.suspension.until ?? '恢复为止'}` : ''}
                          {h.previousDetails ? `；变更前：${Object.values(h.previousDetails).join('，')}` : ''}
                        </span>
                      ),
                    }))}
                  />
                </>
              )}
            </Card>
          )}
          {v.document && (
            <Card size="small" title="核对文件">
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Paragraph style={{ marginBottom: 0 }}>
                  本平台出具的备案通知文件 SHA-256：
                  <Typography.Text code copyable>
                    {v.document.sha256}
                  </Typography.Text>
                </Typography.Paragraph>
                <Space wrap>
                  <Button href={apiUrl('publication', v.document.url)} target="_blank">
                    下载备案通知（PDF）
                  </Button>
                  <label>
                    <span style={{ marginRight: 8 }}>选择手中的 PDF 文件核对</span>
                    <input
                      type="file"
                      accept="application/pdf,.pdf"
                      aria-label="选择要核对的备案通知文件"
                      onChange={(e) => void checkFile(e.target.files?.[0])}
                    />
                  </label>
                </Space>
                {check.kind === 'done' && (
                  <Alert
                    role="status"
                    type={check.match ? 'success' : 'error'}
                    showIcon
                    title={check.match ? `文件“${check.name}”与本平台出具的备案通知完全一致` : `文件“${check.name}”与本平台出具的备案通知不一致`}
                    description={check.match ? undefined : '该文件可能被修改或不是本通知的文件，不能作为备案证明。'}
                  />
                )}
              </Space>
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
