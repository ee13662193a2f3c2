import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, Result, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { call } from '../../../services/api';
import { ErrorAlert } from '../../../components/error-alert';
import { jurisdictionName } from '../../../lib/vocabulary';
import { verifyDrawLocally, type LocalVerification, type PublishedDraw } from '../../../lib/draw-verifier';

interface Verification {
  drawId: string;
  caseId: string;
  databaseLevel: string;
  commitment: string;
  snapshotHash: string;
  committedAt: string;
  drawnAt: string | null;
  state: 'sealed' | 'revealed';
  seedRevealedAt?: string;
  note?: string;
  published?: PublishedDraw;
}

/**
 * 抽取验证: for a draw whose seed is revealed, the draw is re-run here, in this browser, from the published snapshot,
 * seed and the officer's entropy; the result is compared with what was published. Nothing is asked of the server
 * but the published data, so the check does not depend on trusting it.
 */
export default function DrawVerificationPage() {
  const { drawId = '' } = useParams();
  const navigate = useNavigate();
  const v = useQuery({
    enabled: !!drawId,
    queryKey: ['draw-verification', drawId],
    queryFn: () => call<Verification>('expert-pool', 'get', '/draws/{id}/verification', { path: { id: drawId } }),
  });
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<LocalVerification | null>(null);
  const [running, setRunning] = useState(false);
  const [parseError, setParseError] = useState<string | null>(null);
  useEffect(() => {
    if (v.data?.published) setText(JSON.stringify(v.data.published, null, 2));
    setOutcome(null);
  }, [v.data]);

  const run = async () => {
    setParseError(null);
    setOutcome(null);
    let published: PublishedDraw;
    try {
      published = JSON.parse(text);
    } catch (err) {
      setParseError(`公开数据不是有效的 JSON：${(err as Error).message}`);
      return;
    }
    setRunning(true);
    try {
      setOutcome(await verifyDrawLocally(published));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        专家抽取验证
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        抽取前公布承诺值（快照哈希与保密种子的 SHA-256）；评审结束后公布种子。本页在您的浏览器中按公开算法（HMAC-DRBG / SHA-256
        洗牌）重新抽取，并与公布的结果比对，无需信任服务器。
      </Typography.Paragraph>
      <Input.Search
        aria-label="抽取编号"
        placeholder="请输入抽取编号"
        enterButton="查询"
        defaultValue={drawId}
        size="large"
        onSearch={(id) => id.trim() && navigate(`/draws/${encodeURIComponent(id.trim())}/verify`)}
      />
      <ErrorAlert error={v.error} />
      {v.data && (
        <Card size="small" title="抽取前公布的承诺">
          <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="抽取编号">{v.data.drawId}</Descriptions.Item>
            <Descriptions.Item label="专家库">{jurisdictionName(v.data.databaseLevel)}专家库</Descriptions.Item>
            <Descriptions.Item label="承诺值">
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {v.data.commitment}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="承诺公布时间">{dayjs(v.data.committedAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
            <Descriptions.Item label="抽取时间">{v.data.drawnAt ? dayjs(v.data.drawnAt).format('YYYY-MM-DD HH:mm:ss') : '尚未抽取'}</Descriptions.Item>
            <Descriptions.Item label="种子">
              {v.data.state === 'revealed' ? `已于 ${dayjs(v.data.seedRevealedAt).format('YYYY-MM-DD HH:mm:ss')} 公布` : '尚未公布（综合评审意见提交后公布）'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {v.data?.state === 'sealed' && (
        <Alert
          type="info"
          showIcon
          title="种子尚未公布"
          description="种子在综合技术评估意见提交后公布，届时即可在本页验证。可先记下上面的承诺值，以便事后核对。"
        />
      )}
      {v.data?.state === 'revealed' && (
        <Card size="small" title="公开数据（快照、种子、纪检人员随机输入、抽取结果）">
          <Typography.Paragraph type="secondary">
            可以修改下面的内容（例如删去快照中的一名专家），验证结果会随之不符——这正说明任何事后改动都会被发现。
          </Typography.Paragraph>
          <Input.TextArea
            aria-label="公开数据"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 20 }}
            style={{ fontFamily: 'monospace', fontSize: 12 }}
            spellCheck={false}
          />
          <Space style={{ marginTop: 12 }}>
            <Button type="primary" onClick={() => void run()} loading={running}>
              在浏览器中验证
            </Button>
            <Button onClick={() => v.data?.published && setText(JSON.stringify(v.data.published, null, 2))}>恢复公布的数据</Button>
          </Space>
          {parseError && <Alert type="error" showIcon title={parseError} style={{ marginTop: 12 }} />}
          {outcome && (
            <Result
              status={outcome.match ? 'success' : 'error'}
              title={outcome.match ? '验证一致：本地重新抽取的结果与公布的结果完全相同' : '验证不一致'}
              subTitle={
                outcome.match ? (
                  <>
                    <div>承诺值：{outcome.recomputed?.commitment}</div>
                    <div>
                      成员 {outcome.recomputed?.members.length} 名、备选 {outcome.recomputed?.reserves.length} 名，顺序一致。
                    </div>
                  </>
                ) : (
                  <ul style={{ textAlign: 'left', display: 'inline-block', wordBreak: 'break-all' }}>
                    {outcome.mismatches.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                )
              }
            />
          )}
        </Card>
      )}
    </Space>
  );
}
