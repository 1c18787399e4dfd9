// Takes an action: builds the mutation's input from what the form gathered and sends it with the version of the
// card the person saw (the API answers CONFLICT when someone acted first). Answers the card as it now stands.
import { ApiError, gql } from '../api/client';
import type { AnyCard, BoardItemCard, Kind, TaskCard } from '../board/types';
import * as DOCS from './documents';
import { specOf, type ActionSpec, type FieldSpec } from './specs';
import type { ActOnItemCardMutation } from '../api/graphql.generated';

/** A file uploaded with POST /files, named by the id the API answered. */
export interface UploadedFile {
  fileId: string;
}

/** What a form gathered, already checked and uploaded (files by their upload ids); dates as YYYY-MM-DD in Shanghai. */
export interface ActionValues {
  classification?: string;
  note?: string;
  reason?: string;
  plan?: string;
  text?: string;
  deadline?: string;
  requestedDueAt?: string;
  dueAt?: string;
  passed?: boolean;
  scores?: { criterionCode: string; score: number }[];
  unitCode?: string;
  materialCode?: string;
  file?: UploadedFile | { evidenceSha256: string };
  photos?: UploadedFile[];
}

/** A deadline picked as a day is the end of that day in Shanghai, like every deadline of the campaign. */
export function endOfShanghaiDay(day: string): string {
  return `${day}T23:59:59+08:00`;
}

function text(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Puts one field of the form into the mutation's input, as the API takes it. A task's mutations declare their required
 * texts non-null, so a blank one is sent empty (`blankRequiredText`) and the API answers with its own refusal; the
 * item's one input takes every text as optional, and a blank one is left out.
 */
function putField(input: Record<string, unknown>, field: FieldSpec, values: ActionValues, blankRequiredText: boolean): void {
  switch (field.name) {
    case 'deadline':
    case 'dueAt':
    case 'requestedDueAt':
      if (values[field.name]) input[field.name] = endOfShanghaiDay(values[field.name]!);
      break;
    case 'passed':
      input.passed = values.passed;
      break;
    case 'scores':
      input.scores = values.scores ?? [];
      break;
    case 'photos':
      input.photos = values.photos ?? [];
      break;
    case 'file':
      if (values.file && 'evidenceSha256' in values.file) input.evidenceSha256 = values.file.evidenceSha256;
      else if (values.file) Object.assign(input, values.file);
      break;
    case 'classification':
    case 'unitCode':
    case 'materialCode':
      if (values[field.name]) input[field.name] = values[field.name];
      break;
    case 'note':
    case 'reason':
    case 'plan':
    case 'text': {
      const value = text(values[field.name]);
      if (value !== undefined) input[field.name] = value;
      else if (blankRequiredText && field.required === true) input[field.name] = '';
      break;
    }
    default: {
      const unknown: never = field.name;
      throw new Error(`unknown field ${String(unknown)}`);
    }
  }
}

export function taskInput(card: TaskCard, spec: ActionSpec, values: ActionValues): Record<string, unknown> {
  const input: Record<string, unknown> = { taskId: card.id };
  if (!spec.versionless) input.expectedVersion = card.version;
  for (const field of spec.fields) putField(input, field, values, true);
  return input;
}

export function itemInput(card: BoardItemCard, action: string, spec: ActionSpec, values: ActionValues): Record<string, unknown> {
  const input: Record<string, unknown> = { itemId: card.id, action, expectedVersion: card.version };
  for (const field of spec.fields) putField(input, field, values, false);
  return input;
}

/** Sends the action; the answer is the card after it (or an ApiError with the API's Chinese reason). */
export async function runAction(kind: Kind, card: AnyCard, action: string, values: ActionValues): Promise<AnyCard> {
  const spec = specOf(kind, action);
  if (!spec) throw new ApiError(`未知的操作「${action}」`, 'BAD_USER_INPUT');
  if (kind === 'item') {
    const data = await gql<ActOnItemCardMutation>(DOCS.ACT_ON_ITEM, { input: itemInput(card as BoardItemCard, action, spec, values) });
    return data.actOnItem;
  }
  const document = (DOCS as Record<string, unknown>)[action];
  if (typeof document !== 'string' || !spec.mutation) throw new ApiError(`未知的操作「${action}」`, 'BAD_USER_INPUT');
  const data = await gql<Record<string, TaskCard>>(document, { input: taskInput(card as TaskCard, spec, values) });
  return data[spec.mutation];
}

/** Whether what the drop already says (e.g. a re-check that passed) is all the action needs. */
export function completeWith(spec: ActionSpec, preset: ActionValues): boolean {
  return spec.fields.every((field) => {
    if (field.required === false) return true;
    if (field.required === 'whenFailed') return preset.passed === true;
    return preset[field.name] !== undefined;
  });
}
