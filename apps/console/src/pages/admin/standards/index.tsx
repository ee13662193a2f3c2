import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { call } from '../../../services/api';
import { ApiError } from '../../../api/problem';
import { ErrorAlert } from '../../../components/error-alert';
import { INSTITUTION_KIND_NAMES, STAGE_NAMES, jurisdictionName } from '../../../lib/vocabulary';
import { readStandardFile, standardProblemText } from './standard-problems';
import { StandardSheetImport } from './standard-sheet-import';
import { downloadWithToken } from '../../../lib/download';

interface StandardRow {
  standardId: string;
  version: string;
  institutionKind: string;
  title: string;
  effectiveFrom: string;
  provisional: boolean;
  total: number;
  passLine: number;
  loadedAt: string;
}

interface PinnedCase {
  caseId: string;
  jurisdiction: string | null;
  applicant: { name: string; creditCode: string } | null;
  institutionKind: string | null;
  stage: string | null;
  standardId: string;
  version: string;
  pinnedFor: string | null;
}

/** What a refusal of assessment says was wrong: its `problems`, else its message. */
function problemsOf(err: unknown): string[] | null {
  if (!(err instanceof ApiError) || err.status !== 400) return null;
  const b = err.body as { problems?: unknown };
  return Array.isArray(b?.problems) ? b.problems.filter((p): p is string => typeof p === 'string') : null;
}

/**
 * 评估标准: the loaded versions of the technical evaluation standards (附件1 企业 / 附件2 社评组织), a new version loaded
 * from its JSON file (checked by assessment; every reason shown when it is refused), and which case is pinned to which
 * version — a case keeps the version in force when its group was formed.
 */
export default function StandardsPage() {
  const queryClient = useQueryClient();
  const standards = useQuery({ queryKey: ['standards'], queryFn: () => call<StandardRow[]>('assessment', 'get', '/standards') });
  const pinned = useQuery({ queryKey: ['standards', 'pinned'], queryFn: () => call<{ items: PinnedCase[] }>('assessment', 'get', '/standards/pinned-cases') });
  const [file, setFile] = useState<{ name: string; document?: Record<string, unknown>; problem?: string } | null>(null);
  const load = useMutation({
    mutationFn: (document: Record<string, unknown>) =>
      call<{ standardId: string; version: string }>('assessment', 'post', '/standards', { body: document as never }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['standards'] }),
  });
  const refused = problemsOf(load.error);
  const doc = file?.document;
  const countBy = new Map<string, number>();
  for (const c of pinned.data?.items ?? []) countBy.set(`${c.standardId}@${c.version}`, (countBy.get(`${c.standardId}@${c.version}`) ?? 0) + 1);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        评估标准
      </Typography.Title>
      <Card size="small" title="已加载的版本">
        <ErrorAlert error={standards.error} />
        <Table<StandardRow>
          size="small"
          aria-label="评估标准版本"
          rowKey={(s) => `${s.standardId}@${s.version}`}
          loading={standards.isLoading}
          dataSource={standards.data ?? []}
          pagination={false}
          columns={[
            { title: '标准', render: (_, s) => s.title },
            { title: '适用机构', render: (_, s) => INSTITUTION_KIND_NAMES[s.institutionKind] ?? s.institutionKind },
            { title: '版本', render: (_, s) => `第 ${s.version} 版` },
            { title: '施行日期', dataIndex: 'effectiveFrom' },
            { title: '总分 / 合格线', render: (_, s) => `${s.total} / ${s.passLine}` },
            { title: '说明', render: (_, s) => (s.provisional ? <Tag color="orange">试行（待正式附件）</Tag> : <Tag color="green">正式</Tag>) },
            { title: '使用的案件', render: (_, s) => `${countBy.get(`${s.standardId}@${s.version}`) ?? 0} 件` },
            { title: '加载时间', render: (_, s) => new Date(s.loadedAt).toLocaleString('zh-CN') },
            {
              title: '表格',
              render: (_, s) => (
                <Button
                  size="small"
                  type="link"
                  aria-label={`下载 ${s.standardId} 第 ${s.version} 版表格`}
                  onClick={() =>
                    void downloadWithToken(
                      'assessment',
                      `/standards/${s.standardId}/versions/${s.version}/sheet.xlsx`,
                      `评估标准-${s.standardId}-第${s.version}版.xlsx`,
                    )
                  }
                >
                  下载表格
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <StandardSheetImport />
      <Card size="small" title="从 JSON 文件加载新版本">
        <Typography.Paragraph type="secondary">
          上传新版本的 JSON 文件（与现有版本同一标准编号、新的版本号）。分值须逐项相加等于总分，合格线在 0
          至总分之间；有误时列出全部原因，不会加载。已开始评估的案件继续使用其原有版本。
        </Typography.Paragraph>
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={(f) => {
            load.reset();
            void f.text().then((text) => setFile({ name: f.name, ...readStandardFile(text) }));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>选择标准文件（.json）</Button>
        </Upload>
        {file?.problem && <Alert style={{ marginTop: 12 }} type="error" showIcon title={`${file.name}：${file.problem}`} />}
        {doc && (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
            <Descriptions size="small" bordered column={2} aria-label="待加载的版本">
              <Descriptions.Item label="文件">{file?.name}</Descriptions.Item>
              <Descriptions.Item label="标准">{String(doc.title ?? '—')}</Descriptions.Item>
              <Descriptions.Item label="标准编号">{String(doc.standardId ?? '—')}</Descriptions.Item>
              <Descriptions.Item label="版本">{String(doc.version ?? '—')}</Descriptions.Item>
              <Descriptions.Item label="施行日期">{String(doc.effectiveFrom ?? '—')}</Descriptions.Item>
              <Descriptions.Item label="总分 / 合格线">{`${String(doc.total ?? '—')} / ${String(doc.passLine ?? '—')}`}</Descriptions.Item>
              <Descriptions.Item label="评估项目">{Array.isArray(doc.items) ? `${doc.items.length} 项` : '—'}</Descriptions.Item>
              <Descriptions.Item label="否决项">{Array.isArray(doc.vetoes) ? `${doc.vetoes.length} 项` : '—'}</Descriptions.Item>
            </Descriptions>
            {refused ? (
              <Alert
                type="error"
                showIcon
                title="该版本有误，未加载"
                description={
                  <ul aria-label="校验问题" style={{ margin: 0, paddingLeft: 20 }}>
                    {refused.map((p) => (
                      <li key={p}>{standardProblemText(p)}</li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <ErrorAlert error={load.error} />
            )}
            {load.isSuccess ? (
              <Alert
                type="success"
                showIcon
                title={`已加载 ${load.data.standardId} 第 ${load.data.version} 版`}
                description="自施行日期起新组成专家组的案件使用该版本。"
              />
            ) : (
              <Button type="primary" loading={load.isPending} onClick={() => load.mutate(doc)}>
                校验并加载该版本
              </Button>
            )}
          </Space>
        )}
      </Card>
      <Card size="small" title="案件使用的版本">
        <ErrorAlert error={pinned.error} />
        <Table<PinnedCase>
          size="small"
          aria-label="案件使用的版本"
          rowKey="caseId"
          loading={pinned.isLoading}
          dataSource={pinned.data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '尚无案件开始评估' }}
          columns={[
            { title: '机构', render: (_, c) => <Link to={`/cases/${c.caseId}`}>{c.applicant?.name ?? c.caseId}</Link> },
            { title: '属地', render: (_, c) => jurisdictionName(c.jurisdiction ?? undefined) },
            { title: '阶段', render: (_, c) => (c.stage ? (STAGE_NAMES[c.stage] ?? c.stage) : '—') },
            { title: '标准版本', render: (_, c) => `${c.standardId} 第 ${c.version} 版` },
            { title: '按此日施行的版本', dataIndex: 'pinnedFor' },
          ]}
        />
      </Card>
    </Space>
  );
}
