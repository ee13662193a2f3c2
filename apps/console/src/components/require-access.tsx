import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert } from 'antd';
import { access, type AccessKey } from '../access';
import { useAuth } from '../auth/auth-context';

/** A page for signed-in users with a given access key: others are sent to sign in, or told why not. */
export function RequireAccess({ need, children }: { need: AccessKey; children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!access(session.user)[need]) return <Alert type="warning" showIcon title="无权访问" description="当前登录的账号不能使用此页面，请以相应身份登录。" />;
  return <>{children}</>;
}
