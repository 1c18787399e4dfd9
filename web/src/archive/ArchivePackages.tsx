// The archive packages (档案包): build one (the office and the archivist), follow it while it is built, its warning
// when materials are missing (never a silently partial package), download it, and record its hand-over to the
// 区创建办 (送审, the office, once) with its SHA-256. Also the 工作台 button that builds one.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Empty, Flex, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, FileZipOutlined } from '@ant-design/icons';
import { ApiError, gql } from '../api/client';
import type { ArchivePackagesQuery, ExportArchivePackageMutation, SubmitArchivePackageMutation } from '../api/graphql.generated';
import { useQuery } from '../api/useQuery';
import { downloadFile } from '../detail/files';
import { useMe } from '../session/session';
import { ARCHIVE_PACKAGES, EXPORT_ARCHIVE_PACKAGE, SUBMIT_ARCHIVE_PACKAGE } from './documents';

type Pkg = ArchivePackagesQuery['archivePackages'][number];

const STATE_COLORS: Record<Pkg['state'], string> = { BUILDING: 'processing', BUILT: 'blue', FAILED: 'error', SUBMITTED: 'success' };

export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

/** The 工作台 button: builds a package and says where to follow it. */
export function ExportArchivePackageButton() {
  const me = useMe();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (me.role !== 'OFFICE' && me.role !== 'ARCHIVIST') return null;
  const build = async () => {
    setBusy(true);
    try {
      await gql<ExportArchivePackageMutation>(EXPORT_ARCHIVE_PACKAGE);
      message.success('档案包正在生成，可在「文书档案 → 档案库」查看进度、下载和送审');
      location.hash = '#/paperwork?tab=archive';
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileZipOutlined />} loading={busy} onClick={build} data-testid="workbench-export-archive">
      生成档案包
    </Button>
  );
}

export function ArchivePackages() {
  const me = useMe();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useQuery<ArchivePackagesQuery>(ARCHIVE_PACKAGES);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const packages = data?.archivePackages ?? [];
  const building = packages.some((p) => p.state === 'BUILDING');

  // While a package is being built, ask again every two seconds.
  useEffect(() => {
    if (!building) return;
    const timer = setTimeout(reload, 2_000);
    return () => clearTimeout(timer);
  }, [building, data, reload]);

  const run = async (key: string, action: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await action();
      message.success(done);
      reload();
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const canBuild = me.role === 'OFFICE' || me.role === 'ARCHIVIST';
  return (
    <section data-testid="archive-packages">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          档案包（送区创建办）
        </Typography.Title>
        {canBuild && (
          <Button type="primary" icon={<FileZipOutlined />} loading={busy === 'export'} onClick={() => run('export', () => gql(EXPORT_ARCHIVE_PACKAGE), '档案包正在生成')}>
            生成档案包
          </Button>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} />}
      {!loading && packages.length === 0 && <Empty description="尚未生成档案包" />}
      <Flex vertical gap={12}>
        {packages.map((p) => (
          <div key={p.id} className="archive-package" data-testid="archive-package" data-state={p.state}>
            <Descriptions
              size="small"
              bordered
              column={2}
              title={
                <Space>
                  <Tag color={STATE_COLORS[p.state]}>{p.stateLabel}</Tag>
                  {p.complete === true && <Tag color="green">档案完整</Tag>}
                  {p.complete === false && <Tag color="orange">有缺项</Tag>}
                  <span>{p.fileName ?? '档案包'}</span>
                </Space>
              }
              items={[
                { key: 'by', label: '申请人', children: `${p.requestedByName ?? '—'}（${time(p.requestedAt)}）` },
                { key: 'built', label: '生成时间', children: time(p.builtAt) },
                { key: 'files', label: '文件数', children: p.fileCount ?? '—' },
                { key: 'size', label: '大小', children: formatSize(p.size) },
                { key: 'sha', label: 'SHA-256', span: 2, children: <Typography.Text code copyable={!!p.sha256}>{p.sha256 ?? '—'}</Typography.Text> },
                ...(p.submittedAt ? [{ key: 'submitted', label: '送审', span: 2, children: `${p.submittedByName ?? ''} 于 ${time(p.submittedAt)} 送交区创建办` }] : []),
              ]}
            />
            {p.warning && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={p.warning} data-testid="archive-package-warning" />}
            {p.failure && <Alert type="error" showIcon style={{ marginTop: 8 }} title={p.failure} />}
            <Flex gap={8} style={{ marginTop: 8 }}>
              {p.downloadUrl && (
                <Button
                  icon={<DownloadOutlined />}
                  loading={busy === `download:${p.id}`}
                  data-testid="archive-package-download"
                  onClick={() => run(`download:${p.id}`, () => downloadFile(p.downloadUrl!, p.fileName ?? '档案包.zip'), '已开始下载')}
                >
                  下载
                </Button>
              )}
              {p.canSubmit && (
                <Popconfirm
                  title="确认已将该档案包送交区创建办？"
                  description={<Input placeholder="送审说明（选填）" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
                  okText="送审"
                  cancelText="取消"
                  onConfirm={() => run(`submit:${p.id}`, () => gql<SubmitArchivePackageMutation>(SUBMIT_ARCHIVE_PACKAGE, { id: p.id, note: note.trim() || null }).then(() => setNote('')), '已记录送审')}
                >
                  <Button type="primary" loading={busy === `submit:${p.id}`} data-testid="archive-package-submit">
                    送审
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          </div>
        ))}
      </Flex>
    </section>
  );
}

