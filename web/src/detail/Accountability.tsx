// 问责 decisions in the card drawer (issue 16): the decisions recorded on a task or an item, with who proposed and who
// decided; for the office, once the ladder has reached 问责, a form to propose one (who, form, reason); for a leader,
// approve or return the pending one. What may be done now is the card's `accountabilityActions`, never decided here.
import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Flex, Input, Radio, Select, Tag, Typography } from 'antd';
import { gql } from '../api/client';
import { useI18n, useWords } from '../i18n';
import { ACCOUNTABILITY_FORM_WORDS, ACCOUNTABILITY_WORDS as WORDS, wordOf } from '../i18n/detail';
import { formatDay, formatTime } from './format';
import {
  ACCOUNTABILITY_PEOPLE,
  APPROVE_ITEM_ACCOUNTABILITY,
  APPROVE_TASK_ACCOUNTABILITY,
  PROPOSE_ITEM_ACCOUNTABILITY,
  PROPOSE_TASK_ACCOUNTABILITY,
  RETURN_ITEM_ACCOUNTABILITY,
  RETURN_TASK_ACCOUNTABILITY,
} from './documents';
import type { AccountabilityForm, AccountabilityPeopleQuery } from '../api/graphql.generated';
import type { ItemDetail, TaskDetail } from './types';

type Decision = TaskDetail['accountabilityDecisions'][number];
type Card = { kind: 'task'; data: TaskDetail } | { kind: 'item'; data: ItemDetail };

const STATUS_COLORS: Record<string, string> = { PENDING: 'processing', APPROVED: 'error', RETURNED: 'default' };
const FORMS: AccountabilityForm[] = ['CRITICISM_NOTICE', 'INTERVIEW', 'ADMONITION', 'OTHER'];

/** The section: the decisions, then the form or the leader's buttons when the card offers them. */
export function AccountabilitySection({ card, unitCode, onChanged }: { card: Card; unitCode: string | null; onChanged(card: Card): void }) {
  const w = useWords(WORDS);
  const { decisions, actions } = { decisions: card.data.accountabilityDecisions, actions: card.data.accountabilityActions };
  if (decisions.length === 0 && actions.length === 0) return null;
  return (
    <section className="detail-section" data-testid="accountability">
      <Typography.Title level={5}>{`${w('title')}（${decisions.length}）`}</Typography.Title>
      {decisions.length === 0 ? <Typography.Text type="secondary">{w('none')}</Typography.Text> : <DecisionList decisions={decisions} />}
      {actions.includes('PROPOSE_ACCOUNTABILITY') && <ProposeForm card={card} unitCode={unitCode} onChanged={onChanged} />}
      {(actions.includes('APPROVE_ACCOUNTABILITY') || actions.includes('RETURN_ACCOUNTABILITY')) && <ReviewForm card={card} onChanged={onChanged} />}
    </section>
  );
}

function DecisionList({ decisions }: { decisions: Decision[] }) {
  const w = useWords(WORDS);
  return (
    <ol className="comment-list">
      {decisions.map((d, i) => (
        <li key={i} data-testid="accountability-decision">
          <div>
            <Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag>
            <Typography.Text strong>{[d.holdsUnit ? d.unit.name : null, ...d.persons.map((p) => p.displayName)].filter(Boolean).join('、')}</Typography.Text>
            <Typography.Text> · {d.formLabel}</Typography.Text>
          </div>
          <div className="prewrap">
            {w('reasonLabel')}：{d.reason}
          </div>
          <Typography.Text type="secondary">
            {w('deadline')} {formatDay(d.deadline)} · {w('proposedBy')} {d.proposedBy.displayName} {formatTime(d.proposedAt)}
            {d.decidedBy && d.decidedAt ? ` · ${w('decidedBy')} ${d.decidedBy.displayName} ${formatTime(d.decidedAt)}` : ''}
          </Typography.Text>
          {d.decisionNote && (
            <div className="prewrap">
              {w('noteLabel')}：{d.decisionNote}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Sends one step and hands the card as it now stands to `onChanged`; a refusal stays under the form. */
function useStep(onChanged: (card: Card) => void) {
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (send: () => Promise<Card>, done: string) => {
    setSending(true);
    setError(null);
    try {
      onChanged(await send());
      message.success(done);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };
  return { sending, error, setError, run };
}

function ProposeForm({ card, unitCode, onChanged }: { card: Card; unitCode: string | null; onChanged(card: Card): void }) {
  const w = useWords(WORDS);
  const { locale } = useI18n();
  const [people, setPeople] = useState<{ value: string; label: string }[]>([]);
  const [holdsUnit, setHoldsUnit] = useState(true);
  const [logins, setLogins] = useState<string[]>([]);
  const [form, setForm] = useState<AccountabilityForm>('CRITICISM_NOTICE');
  const [formNote, setFormNote] = useState('');
  const [reason, setReason] = useState('');
  const { sending, error, setError, run } = useStep(onChanged);

  useEffect(() => {
    let live = true;
    gql<AccountabilityPeopleQuery>(ACCOUNTABILITY_PEOPLE)
      .then((d) => live && setPeople(d.organisation.people.filter((p) => p.unit?.code === unitCode && (p.role === 'UNIT_HEAD' || p.role === 'UNIT_MEMBER')).map((p) => ({ value: p.login, label: `${p.displayName}（${p.login}）` }))))
      .catch(() => live && setPeople([]));
    return () => {
      live = false;
    };
  }, [unitCode]);

  const send = async () => {
    if (!holdsUnit && logins.length === 0) return setError(w('whoRequired'));
    if (form === 'OTHER' && !formNote.trim()) return setError(w('formNoteRequired'));
    if (!reason.trim()) return setError(w('reasonRequired'));
    const input = { holdsUnit, personLogins: logins, form, formNote: form === 'OTHER' ? formNote : null, reason };
    const propose = async (): Promise<Card> =>
      card.kind === 'task'
        ? { kind: 'task', data: (await gql<{ proposeAccountabilityDecision: TaskDetail }>(PROPOSE_TASK_ACCOUNTABILITY, { input: { ...input, taskId: card.data.id } })).proposeAccountabilityDecision }
        : { kind: 'item', data: (await gql<{ proposeItemAccountabilityDecision: ItemDetail }>(PROPOSE_ITEM_ACCOUNTABILITY, { input: { ...input, itemId: card.data.id } })).proposeItemAccountabilityDecision };
    await run(propose, w('proposed'));
  };

  return (
    <Flex vertical gap={8} className="comment-form" data-testid="accountability-form">
      <Typography.Text type="secondary">{w('proposeHint')}</Typography.Text>
      <Checkbox checked={holdsUnit} onChange={(e) => setHoldsUnit(e.target.checked)}>
        {w('holdsUnit')}
      </Checkbox>
      <Select mode="multiple" aria-label={w('persons')} placeholder={w('persons')} options={people} value={logins} onChange={setLogins} maxCount={20} optionFilterProp="label" />
      <Radio.Group value={form} onChange={(e) => setForm(e.target.value as AccountabilityForm)} aria-label={w('form')}>
        {FORMS.map((f) => (
          <Radio key={f} value={f}>
            {wordOf(ACCOUNTABILITY_FORM_WORDS, f, locale)}
          </Radio>
        ))}
      </Radio.Group>
      {form === 'OTHER' && <Input value={formNote} onChange={(e) => setFormNote(e.target.value)} placeholder={w('formNote')} aria-label={w('formNote')} maxLength={100} />}
      <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} placeholder={w('reason')} aria-label={w('reason')} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      <Button type="primary" danger loading={sending} onClick={() => void send()}>
        {w('propose')}
      </Button>
    </Flex>
  );
}

function ReviewForm({ card, onChanged }: { card: Card; onChanged(card: Card): void }) {
  const w = useWords(WORDS);
  const [note, setNote] = useState('');
  const { sending, error, setError, run } = useStep(onChanged);
  const send = async (approve: boolean) => {
    if (!approve && !note.trim()) return setError(w('returnReasonRequired'));
    const step = async (): Promise<Card> => {
      if (card.kind === 'task') {
        const input = approve ? { taskId: card.data.id, note: note.trim() || null } : { taskId: card.data.id, reason: note };
        const data = approve
          ? (await gql<{ approveAccountabilityDecision: TaskDetail }>(APPROVE_TASK_ACCOUNTABILITY, { input })).approveAccountabilityDecision
          : (await gql<{ returnAccountabilityDecision: TaskDetail }>(RETURN_TASK_ACCOUNTABILITY, { input })).returnAccountabilityDecision;
        return { kind: 'task', data };
      }
      const input = approve ? { itemId: card.data.id, note: note.trim() || null } : { itemId: card.data.id, reason: note };
      const data = approve
        ? (await gql<{ approveItemAccountabilityDecision: ItemDetail }>(APPROVE_ITEM_ACCOUNTABILITY, { input })).approveItemAccountabilityDecision
        : (await gql<{ returnItemAccountabilityDecision: ItemDetail }>(RETURN_ITEM_ACCOUNTABILITY, { input })).returnItemAccountabilityDecision;
      return { kind: 'item', data };
    };
    await run(step, approve ? w('approved') : w('returned'));
  };
  return (
    <Flex vertical gap={8} className="comment-form" data-testid="accountability-review">
      <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={w('note')} aria-label={w('note')} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      <Flex gap={8}>
        <Button type="primary" danger loading={sending} onClick={() => void send(true)}>
          {w('approve')}
        </Button>
        <Button loading={sending} onClick={() => void send(false)}>
          {w('returnIt')}
        </Button>
      </Flex>
    </Flex>
  );
}
