import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import { upload } from '../../../api/http';
import { ONSITE_METHODS, type Evaluation, type OnsiteVisit, type UnscheduledVisit } from '../../../services/assessment/views';
import type { MaterialHistoryItem } from '../../../services/intake/views';
import { useAuth } from '../../../auth/auth-context';
import { ErrorAlert } from '../../../components/error-alert';
import { downloadWithToken } from '../../../lib/download';
import { formatBytes } from '../../../lib/file-digest';
import { recordBody, type RecordForm } from './record-body';

/**
 * 现场技术评估: the leader plans the visit (day, place, members going); each member signs in on the day and records
 * what was done by each of the five methods, tied to the standard's items, with photos and documents as evidence.
 * The table at the end shows which methods covered which item — the technical opinion shows the same.
 */
export function OnsiteVisitCard({ caseId, evaluation, closed }: { caseId: string; evaluation: Evaluation; closed: boolean }) {
  const me = useAuth().session!.user.expertId!;
  const leader = evaluation.leaderExpertId === me;
  const queryClient = useQueryClient();
  const visit = useQuery({
    queryKey: ['evaluation', caseId, 'visit'],
    queryFn: () => call<OnsiteVisit | UnscheduledVisit>('assessment', 'get', '/cases/{caseId}/onsite-visit', { path: { caseId } }),
    refetchInterval: 5000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['evaluation', caseId] });
  const v = visit.data?.scheduled ? visit.data : null;
  const today = visit.data?.today;
  const started = !!v?.members.some((m) => m.signedInAt);
  const mine = v?.members.find((m) => m.expertId === me);
  const signIn = useMutation({
    mutationFn: () => call('assessment', 'post', '/cases/{caseId}/onsite-visit/sign-in', { path: { caseId } }),
    onSuccess: refresh,
  });

  return (
    <Card title="现场技术评估" size="small">
      <ErrorAlert error={visit.error} />
      {v ? (
        <Descriptions size="small" column={{ xs: 1, md: 2 }} aria-label="现场评估安排">
          <Descriptions.Item label="日期">{v.date}</Descriptions.Item>
          <Descriptions.Item label="地点">{v.place}</Descriptions.Item>
          <Descriptions.Item label="参加成员" span={2}>
            <Space wrap aria-label="签到情况">
              {v.members.map((m) => (
                <Tag key={m.expertId} color={m.signedInAt ? 'green' : undefined}>
                  {m.name}
                  {m.signedInAt ? ` · ${dayjs(m.signedInAt).format('HH:mm')} 已签到` : ' · 未签到'}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
        </Descriptions>
      ) : (
        !visit.isLoading && <Typography.Paragraph type="secondary">组长尚未安排现场评估的日期、地点和参加成员。</Typography.Paragraph>
      )}
      {leader && !started && !closed && today && <ScheduleForm caseId={caseId} evaluation={evaluation} visit={v} today={today} onDone={refresh} />}
      {v && mine && !mine.signedInAt && evaluation.stage === 'ONSITE_EVALUATION' && (
        <Space style={{ marginTop: 8 }} wrap>
          <Button type="primary" onClick={() => signIn.mutate()} loading={signIn.isPending}>
            现场签到
          </Button>
          <Typography.Text type="secondary">只能在现场评估当天（{v.date}）签到</Typography.Text>
          <ErrorAlert error={signIn.error} />
        </Space>
      )}
      {v && <RecordsTable caseId={caseId} visit={v} canAttach={!!mine?.signedInAt && !closed} onDone={refresh} />}
      {v && mine?.signedInAt && !closed && <RecordForm caseId={caseId} evaluation={evaluation} onDone={refresh} />}
      {v && v.records.length > 0 && <CoverageTable visit={v} />}
    </Card>
  );
}

function ScheduleForm({
  caseId,
  evaluation,
  visit,
  today,
  onDone,
}: {
  caseId: string;
  evaluation: Evaluation;
  visit: OnsiteVisit | null;
  today: string;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ date: string; place: string; memberIds: string[] }>();
  const schedule = useMutation({
    mutationFn: (x: { date: string; place: string; memberIds: string[] }) =>
      call('assessment', 'put', '/cases/{caseId}/onsite-visit', { path: { caseId }, body: { date: x.date, place: x.place.trim(), memberIds: x.memberIds } }),
    onSuccess: onDone,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="安排现场评估"
      style={{ marginTop: 12 }}
      initialValues={{
        date: visit?.date ?? today,
        place: visit?.place ?? '',
        memberIds: visit?.members.map((m) => m.expertId) ?? evaluation.members.map((m) => m.expertId),
      }}
      onFinish={(x) => schedule.mutate(x)}
    >
      <Space wrap align="start">
        <Form.Item name="date" label="现场评估日期" rules={[{ required: true, message: '请选择日期' }]}>
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="place" label="现场评估地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }]}>
          <Input style={{ width: 380 }} maxLength={500} />
        </Form.Item>
      </Space>
      <Form.Item name="memberIds" label="参加成员" rules={[{ required: true, type: 'array', min: 1, message: '请选择参加成员' }]}>
        <Checkbox.Group options={evaluation.members.map((m) => ({ value: m.expertId, label: m.name }))} />
      </Form.Item>
      <ErrorAlert error={schedule.error} />
      <Button htmlType="submit" loading={schedule.isPending}>
        {visit ? '修改现场评估安排' : '保存现场评估安排'}
      </Button>
    </Form>
  );
}

function RecordForm({ caseId, evaluation, onDone }: { caseId: string; evaluation: Evaluation; onDone: () => void }) {
  const [form] = Form.useForm<RecordForm>();
  const method = Form.useWatch('method', form);
  // The materials card fetches the list (each read is logged): this one only follows the cache.
  const materials =
    useQuery({
      queryKey: ['case', caseId, 'materials'],
      queryFn: () => call<MaterialHistoryItem[]>('intake', 'get', '/applications/{id}/materials', { path: { id: caseId } }),
      enabled: false,
    }).data ?? [];
  const versions = materials.flatMap((m) => m.versions.map((v) => ({ ...v, title: m.title })));
  const record = useMutation({
    mutationFn: (x: RecordForm) =>
      call('assessment', 'post', '/cases/{caseId}/onsite-visit/records', {
        path: { caseId },
        body: recordBody(x, (id) => versions.find((v) => v.materialId === id)?.version),
      }),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
  });
  const items = (evaluation.scope?.items ?? []).flatMap((i) => [
    { value: i.id, label: `${i.id} ${i.title}` },
    ...i.subItems.map((s) => ({ value: s.id, label: `　${s.id} ${s.title}` })),
  ]);
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label="现场评估记录"
      style={{ marginTop: 16 }}
      initialValues={{ method: '听取汇报', itemIds: [] }}
      onFinish={(x) => record.mutate(x)}
    >
      <Typography.Title level={5}>记录一项现场评估</Typography.Title>
      <Space wrap align="start">
        <Form.Item name="method" label="评估方式" rules={[{ required: true }]}>
          <Radio.Group aria-label="评估方式" optionType="button" options={ONSITE_METHODS.map((m) => ({ value: m, label: m }))} />
        </Form.Item>
        <Form.Item name="itemIds" label="支撑的评估项目" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个评估项目' }]}>
          <Select mode="multiple" style={{ minWidth: 360 }} options={items} optionFilterProp="label" placeholder="选择项目或子项" />
        </Form.Item>
      </Space>
      {method === '听取汇报' && (
        <Form.Item name="reporter" label="汇报人" rules={[{ required: true, whitespace: true, message: '请填写汇报人' }]}>
          <Input maxLength={200} placeholder="姓名（职务）" />
        </Form.Item>
      )}
      {method === '现场查看' && (
        <Form.Item name="sites" label="查看的场所（每行一处）" rules={[{ required: true, whitespace: true, message: '请填写查看的场所' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {method === '访谈咨询' && (
        <Form.Item name="interviewees" label="访谈对象（每行一人：姓名，岗位）" rules={[{ required: true, whitespace: true, message: '请填写访谈对象' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {method === '质询答疑' && (
        <>
          <Form.Item name="question" label="提出的问题" rules={[{ required: true, whitespace: true, message: '请填写问题' }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="answer" label="答复" rules={[{ required: true, whitespace: true, message: '请填写答复' }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </>
      )}
      {method === '技术抽查' && (
        <Space wrap align="start">
          <Form.Item name="checkSubject" label="抽查内容" rules={[{ required: true, whitespace: true, message: '请填写抽查内容' }]}>
            <Input style={{ width: 300 }} maxLength={500} />
          </Form.Item>
          <Form.Item name="checkResult" label="抽查结果" initialValue="符合">
            <Select style={{ width: 120 }} options={['符合', '部分符合', '不符合'].map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item name="checkNote" label="说明（选填）">
            <Input style={{ width: 260 }} maxLength={2000} />
          </Form.Item>
        </Space>
      )}
      <Form.Item name="notes" label="记录">
        <Input.TextArea rows={3} maxLength={8000} placeholder="所听、所见、所查的情况" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="materialId" label="对照的申报材料（选填）">
          <Select
            allowClear
            style={{ width: 320 }}
            options={versions.map((v) => ({ value: v.materialId, label: `${v.title} 第 ${v.version} 版` }))}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="page" label="页码">
          <InputNumber min={1} precision={0} style={{ width: 100 }} />
        </Form.Item>
      </Space>
      <ErrorAlert error={record.error} />
      <Button htmlType="submit" loading={record.isPending}>
        保存这条记录
      </Button>
    </Form>
  );
}

function RecordsTable({ caseId, visit, canAttach, onDone }: { caseId: string; visit: OnsiteVisit; canAttach: boolean; onDone: () => void }) {
  const [failure, setFailure] = useState<unknown>(null);
  const send = async (recordId: string, file: File) => {
    setFailure(null);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await upload('assessment', `/cases/${caseId}/onsite-visit/records/${recordId}/evidence`, form, () => undefined);
      onDone();
    } catch (err) {
      setFailure(err);
    }
  };
  if (!visit.records.length)
    return (
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        尚无现场评估记录。
      </Typography.Paragraph>
    );
  return (
    <>
      <ErrorAlert error={failure} />
      <Table
        aria-label="现场评估记录"
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="recordId"
        dataSource={visit.records}
        columns={[
          { title: '方式', dataIndex: 'method', width: 90 },
          {
            title: '记录',
            render: (_, r) => (
              <div>
                <div>{r.detail}</div>
                {r.notes && <div style={{ color: '#555' }}>{r.notes}</div>}
                {r.materials.map((m) => (
                  <Typography.Text key={m.materialId} type="secondary">
                    对照材料 {m.materialId} 第 {m.version} 版{m.page ? ` 第 ${m.page} 页` : ''}
                  </Typography.Text>
                ))}
              </div>
            ),
          },
          { title: '支撑项目', render: (_, r) => r.itemIds.join('、'), width: 120 },
          { title: '记录人', dataIndex: 'name', width: 80 },
          {
            title: '佐证',
            width: 260,
            render: (_, r) => (
              <Space orientation="vertical" size={2}>
                {r.evidence.map((e) => (
                  <Button
                    key={e.evidenceId}
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => void downloadWithToken('assessment', `/cases/${caseId}/onsite-visit/evidence/${e.evidenceId}`, e.fileName)}
                  >
                    {e.fileName}（{formatBytes(e.size)}）
                  </Button>
                ))}
                {canAttach && (
                  <Upload
                    accept="image/jpeg,image/png,application/pdf,.docx,.xlsx"
                    showUploadList={false}
                    beforeUpload={(f) => {
                      void send(r.recordId, f);
                      return false;
                    }}
                  >
                    <Button size="small" icon={<UploadOutlined />} aria-label={`为${r.method}记录上传佐证`}>
                      上传佐证
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function CoverageTable({ visit }: { visit: OnsiteVisit }) {
  return (
    <Table
      aria-label="评估方式覆盖的评估项目"
      size="small"
      style={{ marginTop: 12 }}
      pagination={false}
      rowKey="itemId"
      dataSource={visit.coverage}
      columns={[
        { title: '评估项目', render: (_, c) => `${c.itemId} ${c.title}` },
        ...ONSITE_METHODS.map((m) => ({
          title: m,
          align: 'center' as const,
          render: (_: unknown, c: OnsiteVisit['coverage'][number]) => (c.methods.includes(m) ? '✓' : ''),
        })),
      ]}
    />
  );
}
