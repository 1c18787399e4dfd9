// 档案库 (文书档案's tab): the campaign's library of documents that belong to no single task — 方案, 简报, 会议纪要,
// 活动照片 — tagged to the 测评项目 and 指标 they serve as evidence for. The office (for the campaign) and units (for
// their own) hand them in; the archivist accepts or returns them with a reason; a returned one is resubmitted. Below,
// the archive packages. What each person may do is the API's canReview/canResubmit, never a rule copied here.
import { useState } from 'react';
import { Alert, App, Button, Divider, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, gql, uploadFile } from '../api/client';
import type { ArchiveDocumentKind, ArchiveDocumentsQuery } from '../api/graphql.generated';
import { useQuery } from '../api/useQuery';
import { downloadFile } from '../detail/files';
import { useMe } from '../session/session';
import { ArchivePackages, formatSize } from './ArchivePackages';
import { ACCEPT_ARCHIVE_DOCUMENT, ARCHIVE_DOCUMENTS, RESUBMIT_ARCHIVE_DOCUMENT, RETURN_ARCHIVE_DOCUMENT, SUBMIT_ARCHIVE_DOCUMENT } from './documents';

type Doc = ArchiveDocumentsQuery['archiveDocuments'][number];

const KINDS: { value: ArchiveDocumentKind; label: string }[] = [
  { value: 'PLAN', label: '方案' },
  { value: 'BRIEFING', label: '简报' },
  { value: 'MINUTES', label: '会议纪要' },
  { value: 'PHOTO', label: '活动照片' },
  { value: 'OTHER', label: '其他' },
];
const STATE_COLORS: Record<Doc['state'], string> = { SUBMITTED: 'processing', ACCEPTED: 'success', RETURNED: 'warning' };
const SUBMITTERS = ['OFFICE', 'UNIT_HEAD', 'UNIT_MEMBER'];

interface SubmitForm {
  title: string;
  kind: ArchiveDocumentKind;
  tags: string;
  file: File | null;
}

/** 「A3, A4 B1」 → ['A3', 'A4', 'B1']. */
const tagCodes = (text: string) => text.split(/[\s,，、;；]+/).map((t) => t.trim()).filter((t) => t !== '');

export default function ArchiveTab() {
  const me = useMe();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useQuery<ArchiveDocumentsQuery>(ARCHIVE_DOCUMENTS);
  const [submitting, setSubmitting] = useState<{ resubmit: Doc | null } | null>(null);
  const [returning, setReturning] = useState<Doc | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<SubmitForm>();
  const [file, setFile] = useState<File | null>(null);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      reload();
      return true;
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const send = async () => {
    const values = await form.validateFields();
    const resubmit = submitting?.resubmit ?? null;
    const ok = await run(async () => {
      const fileId = file ? (await uploadFile(file)).id : null;
      if (resubmit) {
        await gql(RESUBMIT_ARCHIVE_DOCUMENT, { input: { id: resubmit.id, title: values.title, tags: tagCodes(values.tags ?? ''), fileId } });
      } else {
        if (!fileId) throw new ApiError('请选择要上传的文件', 'BAD_USER_INPUT');
        await gql(SUBMIT_ARCHIVE_DOCUMENT, { input: { title: values.title, kind: values.kind, tags: tagCodes(values.tags ?? ''), fileId } });
      }
    }, resubmit ? '已重新提交，等待档案组验收' : '已提交，等待档案组验收');
    if (ok) {
      setSubmitting(null);
      setFile(null);
      form.resetFields();
    }
  };

  const docs = data?.archiveDocuments ?? [];
  return (
    <div data-testid="archive-tab">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          档案库资料
        </Typography.Title>
        {SUBMITTERS.includes(me.role) && (
          <Button
            icon={<UploadOutlined />}
            onClick={() => {
              form.resetFields();
              setFile(null);
              setSubmitting({ resubmit: null });
            }}
          >
            上传资料
          </Button>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<Doc>
        rowKey="id"
        size="small"
        loading={loading && !data}
        dataSource={docs}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '暂无资料' }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (_, d) => <Flex vertical><span>{d.title}</span>{d.source && <Typography.Text type="secondary">系统登记</Typography.Text>}</Flex> },
          { title: '类别', dataIndex: 'kindLabel', width: 90 },
          { title: '单位', render: (_, d) => d.unit?.name ?? '创建办', width: 120 },
          { title: '测评项目/指标', render: (_, d) => d.tags.map((t) => <Tag key={t.code}>{`${t.code} ${t.name}`}</Tag>) },
          {
            title: '状态',
            width: 200,
            render: (_, d) => (
              <Flex vertical>
                <Tag color={STATE_COLORS[d.state]}>{d.stateLabel}</Tag>
                {d.returnReason && d.state === 'RETURNED' && <Typography.Text type="warning">退回原因：{d.returnReason}</Typography.Text>}
                {d.reviewedByName && <Typography.Text type="secondary">{d.reviewedByName}</Typography.Text>}
              </Flex>
            ),
          },
          {
            title: '文件',
            width: 180,
            render: (_, d) => (
              <Button size="small" type="link" icon={<DownloadOutlined />} onClick={() => run(() => downloadFile(d.downloadUrl, d.fileName), '已开始下载')}>
                {d.fileName}（{formatSize(d.fileSize)}）
              </Button>
            ),
          },
          {
            title: '操作',
            width: 170,
            render: (_, d) => (
              <Space>
                {d.canReview && (
                  <Button size="small" type="primary" loading={busy} onClick={() => run(() => gql(ACCEPT_ARCHIVE_DOCUMENT, { id: d.id }), `已验收「${d.title}」`)}>
                    验收
                  </Button>
                )}
                {d.canReview && (
                  <Button size="small" danger onClick={() => setReturning(d)}>
                    退回
                  </Button>
                )}
                {d.canResubmit && (
                  <Button
                    size="small"
                    onClick={() => {
                      form.setFieldsValue({ title: d.title, kind: d.kind, tags: d.tags.map((t) => t.code).join('，') });
                      setFile(null);
                      setSubmitting({ resubmit: d });
                    }}
                  >
                    重新提交
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />

      <Modal
        open={submitting !== null}
        title={submitting?.resubmit ? `重新提交「${submitting.resubmit.title}」` : '上传档案资料'}
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        onOk={send}
        onCancel={() => setSubmitting(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'PLAN' }}>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 100, message: '最多 100 字' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label="类别">
            <Select options={KINDS} disabled={!!submitting?.resubmit} />
          </Form.Item>
          <Form.Item name="tags" label="测评项目或指标编码（可多个，用逗号分隔；不填归入「综合资料」）">
            <Input placeholder="如：A3，B1" />
          </Form.Item>
          <Form.Item label={submitting?.resubmit ? '新文件（不选则沿用原文件）' : '文件（照片、PDF、Word 或 Excel）'} required={!submitting?.resubmit}>
            <Upload
              maxCount={1}
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              onRemove={() => setFile(null)}
              fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            >
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={returning !== null}
        title={`退回「${returning?.title ?? ''}」`}
        okText="退回"
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        cancelText="取消"
        confirmLoading={busy}
        onOk={async () => {
          if (returning && (await run(() => gql(RETURN_ARCHIVE_DOCUMENT, { id: returning.id, reason: reason.trim() }), '已退回'))) {
            setReturning(null);
            setReason('');
          }
        }}
        onCancel={() => setReturning(null)}
      >
        <Input.TextArea rows={3} maxLength={500} placeholder="退回原因（必填）" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>

      {['OFFICE', 'ARCHIVIST', 'LEADER'].includes(me.role) && (
        <>
          <Divider />
          <ArchivePackages />
        </>
      )}
    </div>
  );
}
