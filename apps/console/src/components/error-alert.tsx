import { Alert } from 'antd';
import { describeError } from '../api/problem';

/** An error of a service, in Chinese, with the help-desk reference for a 5xx. */
export function ErrorAlert({ error, style }: { error: unknown; style?: React.CSSProperties }) {
  if (!error) return null;
  const v = describeError(error);
  const fields = Object.values(v.fields);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={v.title}
      description={
        <>
          <div>{v.description}</div>
          {fields.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
              {fields.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
