import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import type { Evaluation } from '../../../services/assessment/views';
import type { MaterialHistoryItem } from '../../../services/intake/views';
import { ErrorAlert } from '../../../components/error-alert';

interface Finding {
  id: string;
  round: number;
  expertId: string;
  materialRef: string | null;
  text: string;
  recordedAt: string;
}

/** 初审: what the members found in the materials; the leader's preliminary opinion carries them. */
export function FindingsCard({ caseId, evaluation, canRecord }: { caseId: string; evaluation: Evaluation; canRecord: boolean }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ text: string; materialRef?: string }>();
  const findings = useQuery({
    queryKey: ['evaluation', caseId, 'findings'],
    queryFn: () => call<Finding[]>('assessment', 'get', '/cases/{caseId}/findings', { path: { caseId } }),
    refetchInterval: 10_000,
  });
  // The materials card fetches the list (each read is logged): this one only follows the cache.
  const materials =
    useQuery({
      queryKey: ['case', caseId, 'materials'],
      queryFn: () => call<MaterialHistoryItem[]>('intake', 'get', '/applications/{id}/materials', { path: { id: caseId } }),
      enabled: false,
    }).data ?? [];
  const record = useMutation({
    mutationFn: (v: { text: string; materialRef?: string }) =>
      call('assessment', 'post', '/cases/{caseId}/findings', {
        path: { caseId },
        body: { text: v.text.trim(), ...(v.materialRef ? { materialRef: v.materialRef } : {}) },
      }),
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['evaluation', caseId, 'findings'] });
    },
  });
  const nameOf = (id: string) => evaluation.members.find((m) => m.expertId === id)?.name ?? id;
  const titleOf = (item: string | null) => (item ? (materials.find((m) => m.item === item)?.title ?? item) : null);
  const current = (findings.data ?? []).filter((f) => f.round === evaluation.preliminaryRound);
  return (
    <Card title={`材料审查发现（第 ${evaluation.preliminaryRound} 轮）`} size="small">
      <ErrorAlert error={findings.error} />
      {current.length === 0 ? (
        <Typography.Paragraph type="secondary">尚无审查发现。</Typography.Paragraph>
      ) : (
        <ul className="work-list" aria-label="审查发现">
          {current.map((f) => (
            <li key={f.id}>
              <span>
                {nameOf(f.expertId)}
                {f.materialRef ? `（${titleOf(f.materialRef)}）` : ''}：{f.text}
              </span>
              <Typography.Text type="secondary">{dayjs(f.recordedAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {canRecord && (
        <Form form={form} layout="vertical" aria-label="记录审查发现" onFinish={(v) => record.mutate(v)} style={{ marginTop: 12 }}>
          <Form.Item name="materialRef" label="涉及材料（选填）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={materials.filter((m) => m.versions.length > 0).map((m) => ({ value: m.item, label: m.title }))}
            />
          </Form.Item>
          <Form.Item name="text" label="审查发现" rules={[{ required: true, whitespace: true, message: '请填写审查发现' }]}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <ErrorAlert error={record.error} />
          <Button htmlType="submit" loading={record.isPending}>
            记录审查发现
          </Button>
        </Form>
      )}
    </Card>
  );
}
