// A card's history as a timeline, newest first: what happened (the event's Chinese label), who, when, and the
// facts the event carries (a reason, a note, a new deadline…).
import { Timeline, Typography } from 'antd';
import { AREA_LABELS, CLASSIFICATION_LABELS, ESCALATION_LABELS } from '../i18n/labels';
import { useI18n, useWords } from '../i18n';
import { formatDay, formatTime } from './format';
import type { HistoryEntry } from './types';
import { HISTORY_WORDS as WORDS } from '../i18n/detail';

type Key = keyof typeof WORDS;

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The facts an event's data carries, as label and value pairs (see workflows/*\/…events.ts for the shapes). */
function details(data: HistoryEntry['data'], w: (k: Key) => string): [string, string][] {
  if (!data || typeof data !== 'object') return [];
  const out: [string, string][] = [];
  const add = (key: Key, value: string | null) => value && out.push([w(key), value]);
  add('description', str(data.description));
  const location = data.location as { address?: unknown } | undefined;
  add('address', str(location?.address));
  add('area', str(data.area) ? (AREA_LABELS[String(data.area)] ?? String(data.area)) : null);
  if (Array.isArray(data.photos) && data.photos.length) add('photos', `${data.photos.length} ${w('photoCount')}`);
  add('classification', str(data.classification) ? (CLASSIFICATION_LABELS[String(data.classification)] ?? String(data.classification)) : null);
  add('level', str(data.level) ? (ESCALATION_LABELS[String(data.level)] ?? String(data.level)) : null);
  if (typeof data.passed === 'boolean') add('passed', data.passed ? w('pass') : w('fail'));
  if (typeof data.score === 'number' && typeof data.maxScore === 'number') {
    add('score', `${data.score} / ${data.maxScore}${typeof data.scoreRate === 'number' ? `（${Math.round(data.scoreRate * 10) / 10}%）` : ''}`);
  }
  add('material', str(data.materialCode));
  // A 责任人 named (ResponsiblePersonAssigned: login and name; a creation event: responsiblePerson), not a file's name.
  const person = (str(data.login) ? data : data.responsiblePerson) as { login?: unknown; name?: unknown } | null | undefined;
  add('responsible', str(person?.login) ? `${str(person?.name) ?? ''}（${String(person?.login)}）` : null);
  add('previousResponsible', str(data.previousLogin));
  const file = data.file as { name?: unknown } | null | undefined;
  add('file', str(data.login) ? null : (str(data.name) ?? str(file?.name)));
  add('unit', str(data.unitCode));
  add('previousUnit', str(data.previousUnitCode));
  add('plan', str(data.plan));
  add('deadline', str(data.deadline) ? formatDay(String(data.deadline)) : null);
  add('requestedDueAt', str(data.requestedDueAt) ? formatDay(String(data.requestedDueAt)) : null);
  add('dueAt', str(data.dueAt) ? formatDay(String(data.dueAt)) : null);
  add('stageDueAt', str(data.stageDueAt) ? formatDay(String(data.stageDueAt)) : null);
  add('text', str(data.text));
  add('reason', str(data.reason));
  add('note', str(data.note));
  return out;
}

export function HistoryTimeline({ history }: { history: HistoryEntry[] }) {
  const w = useWords(WORDS);
  const { locale } = useI18n();
  if (history.length === 0) return <Typography.Text type="secondary">{w('none')}</Typography.Text>;
  const newestFirst = [...history].reverse();
  return (
    <div data-testid="history">
    <Timeline
      className="history-timeline"
      items={newestFirst.map((e) => ({
        key: e.streamVersion,
        content: (
          <div className="history-entry" data-testid="history-entry">
            <div className="history-head">
              <Typography.Text strong>{e.label}</Typography.Text>
              <Typography.Text type="secondary" className="history-who">
                {e.actor.displayName} · <time dateTime={e.occurredAt}>{formatTime(e.occurredAt)}</time>
              </Typography.Text>
            </div>
            {details(e.data, w).map(([k, v]) => (
              <div key={k} className="history-detail">
                <Typography.Text type="secondary">{k}{locale === 'zh' ? '：' : ': '}</Typography.Text>
                <span className="prewrap">{v}</span>
              </div>
            ))}
          </div>
        ),
      }))}
    />
    </div>
  );
}
