import { Button, Layout, Space, Typography } from 'antd';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { routes } from '../config/routes';
import { access } from '../access';
import { oidcSignIn, useAuth } from '../auth/auth-context';
import { roleName, jurisdictionName } from '../lib/vocabulary';
import { NotificationBell } from './notification-bell';
import './console-layout.css';

const { Header, Content, Footer } = Layout;

/**
 * The frame of every page: the site's name, the menu (public pages, then the signed-in user's own), who is signed
 * in. Plain links in a <nav> (no menu widget): light for the public pages' first load, and it wraps on a phone.
 */
export function ConsoleLayout() {
  const { session, signOut } = useAuth();
  const user = session?.user;
  const can = access(user);
  const location = useLocation();
  const navigate = useNavigate();
  // The signed-in user's own pages first, then the public ones.
  const permitted = routes.filter((r) => r.menu && (!r.access || can[r.access]));
  const entries = [...permitted.filter((r) => r.area !== 'public'), ...permitted.filter((r) => r.area === 'public')];
  const current = [...entries]
    .sort((a, b) => b.path.length - a.path.length)
    .find((r) => location.pathname === r.path || location.pathname.startsWith(`${r.path}/`))?.path;

  return (
    <Layout className="console">
      <Header className="console-header">
        <Link to="/notices" className="console-title" aria-label="吉林省职业技能等级认定机构备案评估 首页">
          <span className="console-title-long">吉林省职业技能等级认定机构备案评估</span>
          <span className="console-title-short">吉林省认定机构备案</span>
        </Link>
        <nav aria-label="主菜单" className="console-nav">
          <ul>
            {entries.map((r) => (
              <li key={r.path}>
                <NavLink to={r.path} className={r.path === current ? 'active' : undefined} aria-current={r.path === current ? 'page' : undefined} end>
                  {r.menu}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className={user ? 'console-user signed-in' : 'console-user'}>
          {user ? (
            <Space size={8}>
              <NotificationBell />
              <span className="console-user-who" aria-label="当前登录">
                <span className="console-user-name">{user.name ?? user.sub}</span>
                <span className="console-user-role">{`${user.roles.map(roleName).join('、') || '未分配角色'} · ${jurisdictionName(user.jurisdiction) || '未设置辖区'}`}</span>
              </span>
              <Button size="small" ghost onClick={() => void signOut().then(() => navigate('/notices'))}>
                退出
              </Button>
            </Space>
          ) : (
            <Button
              size="small"
              ghost
              onClick={() =>
                oidcSignIn() ? void oidcSignIn()!.signIn() : navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`)
              }
            >
              登录
            </Button>
          )}
        </div>
      </Header>
      <Content className="console-content">
        <main>
          <Outlet />
        </main>
      </Content>
      <Footer className="console-footer">
        <Typography.Text type="secondary">依据《吉林省职业技能等级认定机构备案评估规程（试行）》（吉人社规〔2022〕7号）</Typography.Text>
        <br />
        <Typography.Text type="secondary">主办：吉林省人力资源和社会保障厅 · 承办：吉林省职业技能鉴定中心</Typography.Text>
      </Footer>
    </Layout>
  );
}
