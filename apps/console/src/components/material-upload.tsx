import { useRef, useState } from 'react';
import { Button, Progress, Space, Tag, Typography } from 'antd';
import { upload } from '../api/http';
import { describeError } from '../api/problem';
import type { ChecklistItem, MaterialVersion } from '../services/intake/views';
import { fileSha256, formatBytes } from '../lib/file-digest';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,application/pdf,image/png,image/jpeg';
const MAX_BYTES = 20 * 1024 * 1024;

type Phase =
  { kind: 'idle' } | { kind: 'hashing' } | { kind: 'uploading'; percent: number } | { kind: 'done'; match: boolean } | { kind: 'failed'; message: string };

/**
 * One checklist item: choose a file, its sha-256 is computed here, the upload shows its progress, and the server's
 * sha-256 is compared with ours — so the applicant knows the centre received exactly this file.
 */
export function MaterialUpload({
  applicationId,
  item,
  current,
  onUploaded,
  highlight,
}: {
  applicationId: string;
  item: ChecklistItem;
  current?: MaterialVersion;
  onUploaded: (m: MaterialVersion) => void;
  highlight?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [localSha, setLocalSha] = useState<string | null>(null);

  const send = async (file: File) => {
    if (file.size > MAX_BYTES) {
      setPhase({ kind: 'failed', message: `文件 ${formatBytes(file.size)}，超过 20 MB 的上限` });
      return;
    }
    if (file.size === 0) {
      setPhase({ kind: 'failed', message: '文件为空' });
      return;
    }
    setPhase({ kind: 'hashing' });
    const sha = await fileSha256(file);
    setLocalSha(sha);
    const form = new FormData();
    form.append('checklistItem', item.item);
    form.append('file', file, file.name);
    setPhase({ kind: 'uploading', percent: 0 });
    try {
      const m = await upload<MaterialVersion>('intake', `/applications/${applicationId}/materials`, form, (p) =>
        setPhase({ kind: 'uploading', percent: p.total ? Math.round((p.loaded / p.total) * 100) : 0 }),
      );
      setPhase({ kind: 'done', match: m.sha256 === sha });
      onUploaded(m);
    } catch (err) {
      const v = describeError(err);
      setPhase({ kind: 'failed', message: `${v.description}${Object.values(v.fields).length ? `：${Object.values(v.fields).join('；')}` : ''}` });
    }
  };

  const id = `material-${item.item}`;
  return (
    <div role="group" aria-labelledby={`${id}-title`} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Typography.Text strong id={`${id}-title`}>
            {item.title}
          </Typography.Text>
          {item.required ? <Tag color="red">必需</Tag> : <Tag>选填</Tag>}
          {highlight && <Tag color="orange">{highlight}</Tag>}
          {current ? <Tag color="green">已上传第 {current.version} 版</Tag> : item.required ? <Tag color="default">未上传</Tag> : null}
        </Space>
        <Space>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            aria-label={`选择文件：${item.title}`}
            style={{ display: 'none' }}
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void send(f);
            }}
          />
          <Button onClick={() => input.current?.click()} loading={phase.kind === 'hashing' || phase.kind === 'uploading'} aria-describedby={`${id}-title`}>
            {current ? '上传新版本' : '选择文件上传'}
          </Button>
        </Space>
      </Space>
      {current && (
        <div style={{ fontSize: 13, color: '#555', marginTop: 4 }}>
          {current.fileName} · {formatBytes(current.size)} · SHA-256{' '}
          <Typography.Text code style={{ fontSize: 12 }}>
            {current.sha256.slice(0, 16)}…
          </Typography.Text>
        </div>
      )}
      {phase.kind === 'hashing' && <Typography.Text type="secondary">正在计算文件校验值（SHA-256）…</Typography.Text>}
      {phase.kind === 'uploading' && <Progress percent={phase.percent} size="small" status="active" aria-label={`${item.title}上传进度`} />}
      {phase.kind === 'done' &&
        (phase.match ? (
          <Typography.Text type="success" role="status">
            ✓ 上传完成，服务器校验值与本地计算一致（{localSha?.slice(0, 16)}…）
          </Typography.Text>
        ) : (
          <Typography.Text type="danger" role="alert">
            服务器收到的文件校验值与本地不一致，请重新上传
          </Typography.Text>
        ))}
      {phase.kind === 'failed' && (
        <Typography.Text type="danger" role="alert">
          上传失败：{phase.message}
        </Typography.Text>
      )}
    </div>
  );
}
