import { useState } from 'react';
import { Alert, Button, Card, Progress, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { upload } from '../../../api/http';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';
import { downloadWithToken } from '../../../lib/download';
import type { ImportJob } from '../../../services/expert-pool/views';
import { rowProblemText } from './import-problems';

type Phase =
  { step: 'idle' } | { step: 'check' | 'import'; sent: number; job?: ImportJob } | { step: 'checked' | 'rejected' | 'imported' | 'failed'; job: ImportJob };

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends the file as an import job (`mode`: check or all) and follows it until it ends, reporting its progress. */
async function runImport(file: File, mode: 'check' | 'all', onProgress: (sent: number, job?: ImportJob) => void): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  const started = await upload<ImportJob>('expert-pool', `/experts/imports?mode=${mode}&async=true`, form, (p) => onProgress(p.total ? p.loaded / p.total : 0));
  let job = started;
  while (job.status === 'running') {
    onProgress(1, job);
    await wait(400);
    job = await call<ImportJob>('expert-pool', 'get', '/experts/imports/{id}', { path: { id: started.id } });
  }
  return job;
}

/**
 * 批量导入: a CSV or Excel file is checked first (校验: every row validated, nothing imported) and its bad rows listed;
 * only a file without errors can be imported, all of it at once.
 */
export function ExpertImport({ onImported }: { onImported: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const busy = phase.step === 'check' || phase.step === 'import';

  async function go(mode: 'check' | 'all') {
    if (!file) return;
    setError(null);
    const step = mode === 'check' ? 'check' : 'import';
    setPhase({ step, sent: 0 });
    try {
      const job = await runImport(file, mode, (sent, job) => setPhase({ step, sent, job }));
      const outcome = job.status === 'checked' ? 'checked' : job.status === 'completed' ? 'imported' : job.status === 'rejected' ? 'rejected' : 'failed';
      setPhase({ step: outcome, job });
      if (outcome === 'imported') onImported();
    } catch (err) {
      setError(err);
      setPhase({ step: 'idle' });
    }
  }

  const job = 'job' in phase ? phase.job : undefined;
  const percent =
    !job || !job.total ? 0 : Math.floor(((phase.step === 'import' || phase.step === 'imported' ? job.imported : job.validated) / job.total) * 100);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="导入模板">
        <Typography.Paragraph>
          每行一名专家，第一行为表头（模板中的中文列名）。擅长职业填职业分类大典编码，多个用分号分隔；所在地区填行政区划代码。导入前逐行校验，任何一行有误则不导入任何数据。
        </Typography.Paragraph>
        <Space wrap>
          <Button onClick={() => downloadWithToken('expert-pool', '/experts/imports/templates/expert-import.xlsx', '专家导入模板.xlsx').catch(setError)}>
            下载 Excel 模板
          </Button>
          <Button onClick={() => downloadWithToken('expert-pool', '/experts/imports/templates/expert-import.csv', '专家导入模板.csv').catch(setError)}>
            下载 CSV 模板
          </Button>
        </Space>
      </Card>
      <Card size="small" title="选择文件并校验">
        <Upload.Dragger
          accept=".csv,.xlsx"
          multiple={false}
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            setFile(f);
            setPhase({ step: 'idle' });
            setError(null);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖入导入文件（.xlsx 或 .csv，不超过 50 MB）</p>
        </Upload.Dragger>
        {file && (
          <Space style={{ marginTop: 12 }} wrap>
            <Typography.Text aria-label="已选择的文件">
              已选择：{file.name}（{(file.size / 1024).toFixed(1)} KB）
            </Typography.Text>
            <Button type="primary" onClick={() => void go('check')} loading={phase.step === 'check'} disabled={busy}>
              校验
            </Button>
          </Space>
        )}
        <ErrorAlert error={error} style={{ marginTop: 12 }} />
        {phase.step !== 'idle' && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text>{phase.step === 'import' || phase.step === 'imported' ? '导入进度' : '校验进度'}</Typography.Text>
            <Progress
              aria-label={phase.step === 'import' || phase.step === 'imported' ? '导入进度' : '校验进度'}
              percent={'sent' in phase && !phase.job ? Math.floor(phase.sent * 100) : percent}
              status={phase.step === 'rejected' || phase.step === 'failed' ? 'exception' : busy ? 'active' : 'success'}
              format={() => (job ? `${phase.step === 'import' || phase.step === 'imported' ? job.imported : job.validated} / ${job.total} 行` : '上传中')}
            />
          </div>
        )}
      </Card>
      {phase.step === 'rejected' && (
        <Card size="small" title="校验结果">
          <Alert
            type="error"
            showIcon
            title={`${phase.job.errors.length} 行有误，未导入任何数据`}
            description={`共 ${phase.job.total} 行。请在文件中改正下列各行后重新选择文件校验。`}
          />
          <Table
            style={{ marginTop: 12 }}
            size="small"
            aria-label="有误的行"
            rowKey="row"
            dataSource={phase.job.errors}
            pagination={phase.job.errors.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: '数据行', dataIndex: 'row', width: 90, render: (row: number) => `第 ${row} 行` },
              { title: phase.job.format === 'xlsx' ? '工作表行号' : '文件行号', dataIndex: 'line', width: 110, render: (line?: number) => line ?? '—' },
              {
                title: '问题',
                render: (_, e) => (
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {e.problems.map((p) => (
                      <li key={p}>{rowProblemText(p)}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </Card>
      )}
      {phase.step === 'checked' && (
        <Card size="small" title="校验结果">
          <Alert type="success" showIcon title={`全部 ${phase.job.total} 行校验通过`} description="尚未导入。确认后将一次导入全部专家。" />
          <Button style={{ marginTop: 12 }} type="primary" onClick={() => void go('all')}>
            导入 {phase.job.total} 名专家
          </Button>
        </Card>
      )}
      {phase.step === 'imported' && <Alert type="success" showIcon title={`已导入 ${phase.job.imported} 名专家`} description="导入已记入审计日志。" />}
      {phase.step === 'failed' && <Alert type="error" showIcon title="导入失败，未导入任何数据" description={phase.job.failure ?? ''} />}
    </Space>
  );
}
