import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Space, Table, Tag, Typography } from 'antd';
import { upload } from '../../../api/http';
import { ApiError } from '../../../api/problem';
import { ErrorAlert } from '../../../components/error-alert';
import { call } from '../../../services/api';
import type { RegisterImportList, RegisterImportResult } from '../../../services/publication/views';

const COLUMNS = [
  '机构名称',
  '统一社会信用代码',
  '机构类型',
  '管辖',
  '备案通知文号',
  '备案日期',
  '备案编号',
  '地址',
  '职业编码',
  '职业名称',
  '工种',
  '等级',
  '依据',
];

type Phase =
  { kind: 'idle' } | { kind: 'uploading'; percent: number; name: string } | { kind: 'done'; result: RegisterImportResult } | { kind: 'failed'; error: unknown };

/**
 * 历史备案导入 (administrator): institutions filed before the platform, from an Excel or CSV file, one row per
 * occupation. All or nothing: one wrong row imports nothing, and every problem is listed by row and column.
 */
export default function RegisterImportPage() {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const history = useQuery({ queryKey: ['register-imports'], queryFn: () => call<RegisterImportList>('publication', 'get', '/register/imports') });

  const send = async (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setPhase({ kind: 'uploading', percent: 0, name: file.name });
    try {
      const result = await upload<RegisterImportResult>('publication', '/register/imports', form, (p) =>
        setPhase({ kind: 'uploading', percent: p.total ? Math.round((p.loaded / p.total) * 100) : 0, name: file.name }),
      );
      setPhase({ kind: 'done', result });
    } catch (err) {
      // 422: the file was read and checked, nothing imported; the answer lists the problems by row.
      if (err instanceof ApiError && err.status === 422 && (err.body as RegisterImportResult)?.errors)
        setPhase({ kind: 'done', result: err.body as RegisterImportResult });
      else setPhase({ kind: 'failed', error: err });
    } finally {
      if (input.current) input.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['register-imports'] });
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        历史备案导入
      </Typography.Title>
      <Card size="small" title="导入文件">
        <Typography.Paragraph>
          平台上线前已备案的机构，从 Excel（.xlsx）或 CSV（UTF-8）文件导入备案名录。每行一个职业（工种），同一机构的多个职业写多行。第一行为列名：
        </Typography.Paragraph>
        <Space size={4} wrap style={{ marginBottom: 12 }}>
          {COLUMNS.map((c, i) => (
            <Tag key={c} color={i < 6 || (i >= 8 && i !== 10 && i < 12) ? 'blue' : 'default'}>
              {c}
            </Tag>
          ))}
        </Space>
        <Typography.Paragraph type="secondary">
          蓝色为必填列。机构类型：用人单位 或 社会培训评价组织；管辖：代码（如 220100）或名称（如 长春市）；备案日期：YYYY-MM-DD；等级：5、4、3 或
          五级/初级工、四级/中级工；依据：国家职业技能标准（默认）或 评价规范。任何一行有错，整个文件都不导入。
        </Typography.Paragraph>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label="选择历史备案文件"
          style={{ display: 'none' }}
          onChange={(e) => void send(e.target.files?.[0])}
        />
        <Button type="primary" onClick={() => input.current?.click()} loading={phase.kind === 'uploading'}>
          选择文件并导入
        </Button>
        {phase.kind === 'uploading' && <Progress percent={phase.percent} status="active" aria-label={`${phase.name}上传进度`} style={{ marginTop: 12 }} />}
      </Card>
      {phase.kind === 'failed' && <ErrorAlert error={phase.error} />}
      {phase.kind === 'done' && phase.result.status === 'imported' && (
        <Card size="small" title="导入完成">
          <Alert
            role="status"
            type="success"
            showIcon
            title={`已导入 ${phase.result.imported} 家机构（${phase.result.rows} 行）`}
            style={{ marginBottom: 12 }}
          />
          <Table
            size="small"
            rowKey="creditCode"
            pagination={false}
            dataSource={phase.result.institutions}
            columns={[
              { title: '机构名称', dataIndex: 'name', render: (name: string, r) => <Link to={`/register/${r.creditCode}`}>{name}</Link> },
              { title: '统一社会信用代码', dataIndex: 'creditCode' },
              { title: '职业数', dataIndex: 'occupations' },
            ]}
          />
        </Card>
      )}
      {phase.kind === 'done' && phase.result.status === 'rejected' && (
        <Card size="small" title="未导入">
          <Alert
            role="alert"
            type="error"
            showIcon
            title={`文件有 ${phase.result.errors.length} 处错误，未导入任何机构`}
            description="请按下表修改后重新导入整个文件。"
            style={{ marginBottom: 12 }}
          />
          <Table
            size="small"
            rowKey={(e) => `${e.row}/${e.column}/${e.message}`}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={phase.result.errors}
            aria-label="导入错误"
            columns={[
              { title: '行', dataIndex: 'row', width: 64 },
              { title: '列', dataIndex: 'column', width: 160 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="导入记录">
        <ErrorAlert error={history.error} />
        <Table
          size="small"
          rowKey="importId"
          loading={history.isLoading}
          pagination={false}
          dataSource={history.data?.items ?? []}
          columns={[
            { title: '时间', dataIndex: 'importedAt', render: (t: string) => new Date(t).toLocaleString('zh-CN') },
            { title: '文件', dataIndex: 'fileName' },
            { title: '结果', dataIndex: 'status', render: (s: string) => (s === 'imported' ? <Tag color="green">已导入</Tag> : <Tag color="red">未导入</Tag>) },
            { title: '行数', dataIndex: 'rows' },
            { title: '机构数', dataIndex: 'imported' },
            { title: '错误数', dataIndex: 'errorCount' },
          ]}
        />
      </Card>
    </Space>
  );
}
