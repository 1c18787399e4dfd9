// 重点难点 in the card drawer (issue 20): the mark the office (or a leader) set on a task or an item, with why and by
// whom; for those who may, a form to mark, change or clear it. What may be done now is the card's `keyFlagActions`.
import { useState } from 'react';
import { App, Button, Flex, Input, Radio, Tag, Typography } from 'antd';
import { gql } from '../api/client';
import { useWords } from '../i18n';
import { KEY_FLAG_WORDS as WORDS } from '../i18n/detail';
import { formatTime } from './format';
import { CLEAR_ITEM_KEY_FLAG, CLEAR_TASK_KEY_FLAG, SET_ITEM_KEY_FLAG, SET_TASK_KEY_FLAG } from './documents';
import type { KeyFlagKind } from '../api/graphql.generated';
import type { ItemDetail, TaskDetail } from './types';

type Card = { kind: 'task'; data: TaskDetail } | { kind: 'item'; data: ItemDetail };
const KINDS: KeyFlagKind[] = ['KEY', 'DIFFICULT', 'BOTH'];

export function KeyFlagSection({ card, onChanged }: { card: Card; onChanged(card: Card): void }) {
  const w = useWords(WORDS);
  const { message } = App.useApp();
  const flag = card.data.keyFlag;
  const actions = card.data.keyFlagActions;
  const [kind, setKind] = useState<KeyFlagKind>(flag?.kind ?? 'KEY');
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!flag && actions.length === 0) return null;

  const run = async (send: () => Promise<Card>, done: string) => {
    setSending(true);
    setError(null);
    try {
      onChanged(await send());
      setReason('');
      void message.success(done);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };
  const mark = () => {
    if (!reason.trim()) return setError(w('reasonRequired'));
    return run(
      async (): Promise<Card> =>
        card.kind === 'task'
          ? { kind: 'task', data: (await gql<{ setTaskKeyFlag: TaskDetail }>(SET_TASK_KEY_FLAG, { input: { taskId: card.data.id, kind, reason, expectedVersion: card.data.version } })).setTaskKeyFlag }
          : { kind: 'item', data: (await gql<{ setItemKeyFlag: ItemDetail }>(SET_ITEM_KEY_FLAG, { input: { itemId: card.data.id, kind, reason, expectedVersion: card.data.version } })).setItemKeyFlag },
      w('saved'),
    );
  };
  const clear = () =>
    run(
      async (): Promise<Card> =>
        card.kind === 'task'
          ? { kind: 'task', data: (await gql<{ clearTaskKeyFlag: TaskDetail }>(CLEAR_TASK_KEY_FLAG, { input: { taskId: card.data.id, reason: reason || null, expectedVersion: card.data.version } })).clearTaskKeyFlag }
          : { kind: 'item', data: (await gql<{ clearItemKeyFlag: ItemDetail }>(CLEAR_ITEM_KEY_FLAG, { input: { itemId: card.data.id, reason: reason || null, expectedVersion: card.data.version } })).clearItemKeyFlag },
      w('cleared'),
    );

  return (
    <section className="detail-section" data-testid="key-flag">
      <Typography.Title level={5}>{w('title')}</Typography.Title>
      {flag ? (
        <div>
          <Tag color="volcano">{w(flag.kind)}</Tag>
          <span className="prewrap">
            {w('reasonLabel')}：{flag.reason}
          </span>
          <div>
            <Typography.Text type="secondary">
              {w('flaggedBy')} {flag.flaggedBy.displayName} {formatTime(flag.flaggedAt)}
            </Typography.Text>
          </div>
        </div>
      ) : (
        <Typography.Text type="secondary">{w('none')}</Typography.Text>
      )}
      {actions.includes('SET_KEY_FLAG') && (
        <Flex vertical gap={8} className="comment-form" data-testid="key-flag-form">
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as KeyFlagKind)} aria-label={w('kind')}>
            {KINDS.map((k) => (
              <Radio key={k} value={k}>
                {w(k)}
              </Radio>
            ))}
          </Radio.Group>
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={w('reason')} aria-label={w('reason')} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          {error && <Typography.Text type="danger">{error}</Typography.Text>}
          <Flex gap={8}>
            <Button type="primary" loading={sending} onClick={() => void mark()}>
              {flag ? w('change') : w('set')}
            </Button>
            {actions.includes('CLEAR_KEY_FLAG') && (
              <Button danger loading={sending} onClick={() => void clear()}>
                {w('clear')}
              </Button>
            )}
          </Flex>
        </Flex>
      )}
    </section>
  );
}
