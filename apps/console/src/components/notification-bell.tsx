import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { call } from '../services/api';

/** The bell in the header of every signed-in page: how many notices are unread; opens the inbox. */
export function NotificationBell() {
  const navigate = useNavigate();
  const unread = useQuery({
    queryKey: ['notifications', 'unread'],
    queryFn: () => call<{ unread: number }>('notification', 'get', '/notifications/mine/unread-count'),
    // A person waiting for an invitation sees it arrive without reloading.
    refetchInterval: 15_000,
  });
  const n = unread.data?.unread ?? 0;
  return (
    <Badge count={n} size="small" overflowCount={99}>
      <Button
        size="small"
        ghost
        icon={<BellOutlined />}
        style={{ color: '#fff', borderColor: 'rgba(255, 255, 255, 0.75)' }}
        aria-label={n > 0 ? `通知，${n} 条未读` : '通知'}
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  );
}
