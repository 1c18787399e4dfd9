// 通知设置: the person's channels (those this deployment has configured) and quiet hours, opened from the bell.
// The server checks everything again (HH:MM strictly, known channels only) and answers in Chinese.
import { useEffect, useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Space, Spin, Switch, Typography, message } from 'antd';
import { ApiError, gql } from '../api/client';
import type {
  DeliveryChannel,
  MyNotificationPreferencesQuery,
  NotificationPreferencesFieldsFragment,
  UpdateNotificationPreferencesMutation,
} from '../api/graphql.generated';
import { useWords } from '../i18n';
import { CHANNEL_WORDS, DELIVERY_WORDS } from '../i18n/inbox';
import { MY_NOTIFICATION_PREFERENCES, UPDATE_NOTIFICATION_PREFERENCES } from './documents';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Mounted while open, so that each opening reads the preferences afresh. */
export function NotificationSettings({ onClose }: { onClose(): void }) {
  const w = useWords(DELIVERY_WORDS);
  const channelWord = useWords(CHANNEL_WORDS);
  const [prefs, setPrefs] = useState<NotificationPreferencesFieldsFragment | null>(null);
  const [channels, setChannels] = useState<DeliveryChannel[]>([]);
  const [quiet, setQuiet] = useState({ enabled: true, start: '22:00', end: '07:00' });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    gql<MyNotificationPreferencesQuery>(MY_NOTIFICATION_PREFERENCES)
      .then((d) => {
        if (!live) return;
        const p = d.myNotificationPreferences;
        setPrefs(p);
        setChannels(p.channels);
        setQuiet({ enabled: p.quietHoursEnabled, start: p.quietStart, end: p.quietEnd });
      })
      .catch((err: unknown) => live && setError(err instanceof ApiError ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, []);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await gql<UpdateNotificationPreferencesMutation>(UPDATE_NOTIFICATION_PREFERENCES, {
        input: { channels, quietHoursEnabled: quiet.enabled, ...(quiet.enabled ? { quietStart: quiet.start, quietEnd: quiet.end } : {}) },
      });
      void message.success(w('saved'));
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  const badTime = quiet.enabled && (!HH_MM.test(quiet.start) || !HH_MM.test(quiet.end));
  return (
    <Modal
      open
      title={w('settings')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={w('save')}
      cancelText={w('cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: prefs === null || badTime }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {prefs === null && !error ? (
        <Spin />
      ) : (
        prefs && (
          <Form layout="vertical" data-testid="notification-settings">
            <Form.Item label={w('channels')} extra={w('channelsHelp')}>
              {prefs.availableChannels.length === 0 ? (
                <Typography.Text type="secondary">{w('noChannels')}</Typography.Text>
              ) : (
                <Checkbox.Group value={channels} onChange={(v) => setChannels(v as DeliveryChannel[])} options={prefs.availableChannels.map((c) => ({ value: c, label: channelWord(c) }))} />
              )}
            </Form.Item>
            <Form.Item label={w('quietHours')} extra={w('quietHelp')}>
              <Space wrap>
                <Switch checked={quiet.enabled} onChange={(enabled) => setQuiet((q) => ({ ...q, enabled }))} aria-label={w('quietHours')} />
                {w('from')}
                <Input
                  style={{ width: 80 }}
                  maxLength={5}
                  disabled={!quiet.enabled}
                  value={quiet.start}
                  status={quiet.enabled && !HH_MM.test(quiet.start) ? 'error' : undefined}
                  onChange={(e) => setQuiet((q) => ({ ...q, start: e.target.value }))}
                  aria-label="quiet-start"
                />
                {w('to')}
                <Input
                  style={{ width: 80 }}
                  maxLength={5}
                  disabled={!quiet.enabled}
                  value={quiet.end}
                  status={quiet.enabled && !HH_MM.test(quiet.end) ? 'error' : undefined}
                  onChange={(e) => setQuiet((q) => ({ ...q, end: e.target.value }))}
                  aria-label="quiet-end"
                />
              </Space>
            </Form.Item>
          </Form>
        )
      )}
    </Modal>
  );
}
