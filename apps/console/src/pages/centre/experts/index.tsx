import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';
import { useAuth } from '../../../auth/auth-context';
import { LEVEL_NAMES, jurisdictionName } from '../../../lib/vocabulary';
import type { ExpertList, ExpertRecord } from '../../../services/expert-pool/views';
import { ExpertForm } from './expert-form';
import { ExpertImport } from './expert-import';

const STATUS: Record<ExpertRecord['status'], { text: string; color: string }> = {
  active: { text: '在库', color: 'green' },
  suspended: { text: '已暂停', color: 'orange' },
  removed: { text: '已除名', color: 'default' },
};

type StatusCommand = { expert: ExpertRecord; command: 'suspend' | 'reinstate' };

/** 专家库: the experts of my level's database — search, add, edit, suspend (暂停) and reinstate, and bulk import. */
export default function ExpertDatabasePage() {
  const { session } = useAuth();
  const level = session?.user.jurisdiction ?? '';
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<ExpertRecord['status'] | undefined>();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useQuery({
    queryKey: ['experts', search, status, page],
    queryFn: () =>
      call<ExpertList>('expert-pool', 'get', '/experts', { query: { q: search || undefined, status, limit: pageSize, offset: (page - 1) * pageSize } }),
  });
  const [editing, setEditing] = useState<{ expert: ExpertRecord | null } | null>(null);
  const [changing, setChanging] = useState<StatusCommand | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['experts'] });
  const change = useMutation({
    mutationFn: (c: StatusCommand) =>
      call<ExpertRecord>('expert-pool', 'post', c.command === 'suspend' ? '/experts/{id}/suspend' : '/experts/{id}/reinstate', {
        path: { id: c.expert.id },
        body: { reason: reason.trim() },
      }),
    onSuccess: (e, c) => {
      setNotice(`已${c.command === 'suspend' ? '暂停' : '恢复'}专家 ${e.name}`);
      setChanging(null);
      setReason('');
      refresh();
    },
  });

  const listPane = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          aria-label="搜索专家"
          placeholder="姓名或工作单位"
          allowClear
          style={{ width: 280 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => {
            setSearch(v.trim());
            setPage(1);
          }}
          enterButton="搜索"
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.text }))}
        />
        <Button type="primary" onClick={() => setEditing({ expert: null })}>
          新增专家
        </Button>
      </Space>
      {notice && <Alert type="success" showIcon closable title={notice} onClose={() => setNotice(null)} />}
      <ErrorAlert error={list.error} />
      <Table<ExpertRecord>
        size="small"
        aria-label="专家名单"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1520 }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 名专家`, showSizeChanger: false }}
        locale={{ emptyText: search || status ? '没有符合条件的专家' : '专家库中还没有专家' }}
        columns={[
          { title: '姓名', dataIndex: 'name', fixed: 'left', width: 110 },
          { title: '性别', dataIndex: 'gender', width: 60, render: (g) => (g === 'male' ? '男' : g === 'female' ? '女' : '—') },
          { title: '身份证号', dataIndex: 'idNumber', width: 170 },
          { title: '工作单位', width: 220, render: (_, e) => e.employer.name },
          { title: '职称 / 等级', width: 150, render: (_, e) => [e.title, e.skillLevel ? LEVEL_NAMES[e.skillLevel] : null].filter(Boolean).join(' · ') },
          { title: '擅长职业', width: 170, render: (_, e) => e.occupationCodes.join('、') },
          { title: '所在地区', width: 90, render: (_, e) => jurisdictionName(e.region) },
          { title: '联系电话', width: 120, render: (_, e) => e.contact.phone },
          { title: '聘期', width: 190, render: (_, e) => `${e.termStart} 至 ${e.termEnd ?? '—'}` },
          {
            title: '状态',
            fixed: 'right',
            width: 110,
            render: (_, e) => (
              <Space orientation="vertical" size={0}>
                <Tag color={STATUS[e.status].color}>{STATUS[e.status].text}</Tag>
                {e.status !== 'active' && e.statusReason && <Typography.Text type="secondary">{e.statusReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: '操作',
            fixed: 'right',
            width: 120,
            render: (_, e) =>
              e.status === 'removed' ? null : (
                <Space size={4}>
                  <Button size="small" type="link" aria-label={`编辑 ${e.name}`} onClick={() => setEditing({ expert: e })}>
                    编辑
                  </Button>
                  {e.status === 'active' ? (
                    <Button size="small" type="link" danger aria-label={`暂停 ${e.name}`} onClick={() => setChanging({ expert: e, command: 'suspend' })}>
                      暂停
                    </Button>
                  ) : (
                    <Button size="small" type="link" aria-label={`恢复 ${e.name}`} onClick={() => setChanging({ expert: e, command: 'reinstate' })}>
                      恢复
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        专家库 · {jurisdictionName(level)}
      </Typography.Title>
      <Typography.Text type="secondary">本级专家库的专家。只有“在库”的专家参加抽取；暂停的专家不被抽取，恢复后重新参加。</Typography.Text>
      <Card size="small">
        <Tabs
          items={[
            { key: 'list', label: '专家名单', children: listPane },
            { key: 'import', label: '批量导入', children: <ExpertImport onImported={refresh} /> },
          ]}
        />
      </Card>
      <ExpertForm
        open={!!editing}
        expert={editing?.expert ?? null}
        level={level}
        onClose={() => setEditing(null)}
        onSaved={(e) => {
          setNotice(`${editing?.expert ? '已保存对' : '已新增专家'} ${e.name}${editing?.expert ? ' 的修改' : ''}`);
          setEditing(null);
          refresh();
        }}
      />
      <Modal
        open={!!changing}
        title={changing ? `${changing.command === 'suspend' ? '暂停' : '恢复'}专家 · ${changing.expert.name}` : ''}
        okText={changing?.command === 'suspend' ? '确认暂停' : '确认恢复'}
        cancelText="取消"
        okButtonProps={{ disabled: !reason.trim(), danger: changing?.command === 'suspend' }}
        confirmLoading={change.isPending}
        onOk={() => changing && change.mutate(changing)}
        onCancel={() => {
          setChanging(null);
          setReason('');
          change.reset();
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>
          {changing?.command === 'suspend' ? '暂停后该专家不再被抽取，已在专家组中的任务不受影响。' : '恢复后该专家重新参加抽取。'}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={changing?.command === 'suspend' ? '暂停原因' : '恢复原因'}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <ErrorAlert error={change.error} style={{ marginTop: 12 }} />
      </Modal>
    </Space>
  );
}
