import type { ReactNode } from 'react';
import { Spin } from 'antd';

/**
 * A short named list of what awaits the user (a home page's sections): each item its link and details, with a tag
 * on the right; a plain <ul> so the list and its name are what assistive technology (and the tests) find.
 */
export function WorkList<T>({
  label,
  items,
  loading,
  empty,
  render,
  extra,
  rowKey,
}: {
  label: string;
  items: T[];
  loading?: boolean;
  empty: string;
  render: (item: T) => ReactNode;
  extra?: (item: T) => ReactNode;
  rowKey: (item: T) => string;
}) {
  if (loading) return <Spin size="small" aria-label="正在加载" />;
  return (
    <ul aria-label={label} className="work-list">
      {items.length === 0 && <li className="work-list-empty">{empty}</li>}
      {items.map((i) => (
        <li key={rowKey(i)}>
          <div className="work-list-main">{render(i)}</div>
          {extra && <div className="work-list-extra">{extra(i)}</div>}
        </li>
      ))}
    </ul>
  );
}
