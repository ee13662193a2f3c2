import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Button, Space, Spin } from 'antd';
import { oidcSignIn, useAuth } from '../../auth/auth-context';
import { homeOf, safeNext } from '../../auth/home';

/** Back from the identity provider: the code is exchanged for tokens, then on to where the person was going. */
export default function SignedInPage() {
  const { setSession } = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const provider = oidcSignIn();
    if (!provider) {
      navigate('/sign-in', { replace: true });
      return;
    }
    provider.completeSignIn().then(
      ({ session, next }) => {
        setSession(session);
        navigate(safeNext(next) ?? homeOf(session.user.roles), { replace: true });
      },
      (err: Error) => setFailed(err.message),
    );
  }, [navigate, setSession]);

  if (!failed) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} aria-label="正在完成登录" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }}>
      <Alert
        type="error"
        showIcon
        role="alert"
        title="登录未完成"
        description={`统一身份认证平台的登录结果无法确认（可能是登录页面停留过久，或在另一个窗口中已完成登录）。请重新登录。（${failed}）`}
      />
      <Link to="/sign-in">
        <Button type="primary">重新登录</Button>
      </Link>
    </Space>
  );
}
