import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Segmented, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { call } from '../../services/api';
import type { Notice, NoticePage } from '../../services/notification/views';
import { ErrorAlert } from '../../components/error-alert';

/** 我的通知: what awaits the signed-in person, newest first; each notice links to the page that acts on it. */
export default function NotificationsPage() {
  const [filter, setFilter] = useState<'unread' | 'all'>('all');
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['notifications', 'mine', filter],
    queryFn: () => call<NoticePage>('notification', 'get', '/notifications/mine', { query: { unread: filter === 'unread', limit: 100 } }),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['notifications'] });
  const markOne = useMutation({
    mutationFn: (id: string) => call<Notice>('notification', 'post', '/notifications/{id}/read', { path: { id } }),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => call('notification', 'post', '/notifications/mine/read'), onSuccess: refresh });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          我的通知
        </Typography.Title>
        <Space wrap>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as 'unread' | 'all')}
            options={[
              { label: '全部', value: 'all' },
              { label: `未读${list.data ? `（${list.data.unread}）` : ''}`, value: 'unread' },
            ]}
          />
          <Button onClick={() => markAll.mutate()} disabled={!list.data?.unread} loading={markAll.isPending}>
            全部标为已读
          </Button>
        </Space>
      </Space>
      <ErrorAlert error={list.error ?? markOne.error ?? markAll.error} />
      <List<Notice>
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: filter === 'unread' ? '没有未读通知。' : '还没有通知。' }}
        renderItem={(n) => (
          <List.Item
            aria-label={n.title}
            actions={[
              <Link key="open" to={n.link} onClick={() => !n.readAt && markOne.mutate(n.id)}>
                前往办理
              </Link>,
              n.readAt ? (
                <Typography.Text key="read" type="secondary">
                  已读
                </Typography.Text>
              ) : (
                <Button key="mark" type="link" size="small" onClick={() => markOne.mutate(n.id)}>
                  标为已读
                </Button>
              ),
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={8}>
                  {!n.readAt && <Badge status="processing" aria-label="未读" />}
                  <Link to={n.link} onClick={() => !n.readAt && markOne.mutate(n.id)}>
                    {n.title}
                  </Link>
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 4 }} ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
                    {n.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{dayjs(n.createdAt).format('YYYY年M月D日 HH:mm')}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
