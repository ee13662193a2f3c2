import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { upload } from '../../../api/http';
import { ApiError } from '../../../api/problem';
import { ErrorAlert } from '../../../components/error-alert';
import { standardProblemText } from './standard-problems';

interface HeadForm {
  standardId: string;
  version: string;
  institutionKind: 'employer' | 'social-org';
  title: string;
  effectiveFrom: string;
  total: number;
  passLine: number;
  provisional: boolean;
  provenance?: string;
}

interface RowError {
  row: number;
  column?: string;
  message: string;
}

type Outcome =
  { kind: 'loaded'; standardId: string; version: string } | { kind: 'rows'; message: string; errors: RowError[] } | { kind: 'problems'; problems: string[] };

export const SHEET_COLUMNS = ['类型', '编号', '名称', '分值', '职业相关', '评估方式', '评分办法', '佐证材料'];

/**
 * 以表格录入: the structure of a new version (项目 = categories, 子项 = what is scored, 否决项) from an Excel or CSV table,
 * with the version's head in the form. A wrong table loads nothing and lists every error by row and column.
 */
export function StandardSheetImport() {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<HeadForm>();
  const [file, setFile] = useState<File | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const send = async (head: HeadForm) => {
    if (!file) return;
    const data = new FormData();
    for (const [k, v] of Object.entries({ ...head, provisional: head.provisional ? 'true' : 'false', provenance: head.provenance ?? '' }))
      data.append(k, String(v));
    data.append('file', file, file.name);
    setSending(true);
    setOutcome(null);
    setFailure(null);
    try {
      const r = await upload<{ standardId: string; version: string }>('assessment', '/standards/imports', data, () => undefined);
      setOutcome({ kind: 'loaded', standardId: r.standardId, version: r.version });
      void queryClient.invalidateQueries({ queryKey: ['standards'] });
    } catch (err) {
      const body = err instanceof ApiError && err.status === 400 ? (err.body as { errors?: RowError[]; problems?: string[]; message?: string }) : null;
      if (body?.errors?.length && typeof body.errors[0]?.row === 'number') setOutcome({ kind: 'rows', message: body.message ?? '', errors: body.errors });
      else if (body?.problems?.length) setOutcome({ kind: 'problems', problems: body.problems });
      else setFailure(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <Card size="small" title="以表格录入新版本">
      <Typography.Paragraph type="secondary">
        在 Excel（.xlsx）或 CSV 表格中逐行填写标准的结构，第一行为列名：{SHEET_COLUMNS.join('、')}。“类型”为 项目（评估类别，填写分值和是否与职业相关）、
        子项（属于其上方最近的项目，填写分值、评估方式 材料审核/现场评估、评分办法和佐证材料）或 否决项。可先下载已加载版本的表格修改。详见 docs/standards.md。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        aria-label="以表格录入评估标准"
        initialValues={{ institutionKind: 'employer', total: 100, passLine: 70, provisional: false }}
        onFinish={(v) => void send(v)}
      >
        <Space wrap align="start">
          <Form.Item name="standardId" label="标准编号" rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,80}$/, message: '小写字母、数字和连字符' }]}>
            <Input style={{ width: 260 }} placeholder="jl-attachment-1-employer" />
          </Form.Item>
          <Form.Item name="version" label="版本号" rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9.-]{0,30}$/, message: '字母、数字、点或连字符' }]}>
            <Input style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="institutionKind" label="适用机构">
            <Select
              style={{ width: 180 }}
              options={[
                { value: 'employer', label: '企业（附件1）' },
                { value: 'social-org', label: '社会培训评价组织（附件2）' },
              ]}
            />
          </Form.Item>
          <Form.Item name="effectiveFrom" label="施行日期" rules={[{ required: true, message: '请选择施行日期' }]}>
            <Input type="date" style={{ width: 170 }} />
          </Form.Item>
        </Space>
        <Space wrap align="start">
          <Form.Item name="title" label="标准名称" rules={[{ required: true, whitespace: true, message: '请填写标准名称' }]}>
            <Input style={{ width: 380 }} maxLength={200} />
          </Form.Item>
          <Form.Item name="total" label="总分" rules={[{ required: true }]}>
            <InputNumber min={1} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="passLine" label="合格线" rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.Item name="provenance" label="来源（如文号）">
          <Input maxLength={2000} />
        </Form.Item>
        <Form.Item name="provisional" valuePropName="checked">
          <Checkbox>试行版本（待正式文本替换；每份意见上注明）</Checkbox>
        </Form.Item>
        <Space wrap>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' } as UploadFile] : []}
            onRemove={() => setFile(null)}
            beforeUpload={(f) => {
              setFile(f);
              setOutcome(null);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>选择标准表格（.xlsx / .csv）</Button>
          </Upload>
          <Button type="primary" htmlType="submit" loading={sending} disabled={!file}>
            校验并加载
          </Button>
        </Space>
      </Form>
      <ErrorAlert error={failure} />
      {outcome?.kind === 'loaded' && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          title={`已加载 ${outcome.standardId} 第 ${outcome.version} 版`}
          description="自施行日期起新组成专家组的案件使用该版本。"
        />
      )}
      {outcome?.kind === 'rows' && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Alert type="error" showIcon title={outcome.message || '表格有误，未加载'} />
          <Table<RowError>
            aria-label="表格错误"
            size="small"
            pagination={false}
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
            dataSource={outcome.errors}
            columns={[
              { title: '行', dataIndex: 'row', width: 60 },
              { title: '列', render: (_, e) => e.column ?? '—', width: 100 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </Space>
      )}
      {outcome?.kind === 'problems' && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title="该版本有误，未加载"
          description={
            <ul aria-label="校验问题" style={{ margin: 0, paddingLeft: 20 }}>
              {outcome.problems.map((p) => (
                <li key={p}>{standardProblemText(p)}</li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
