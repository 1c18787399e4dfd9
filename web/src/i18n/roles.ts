// The roles as the glossary names them. The server has the same words (src/organisation/organisation.types.ts,
// workflows/indicator-task/indicator-task.labels.ts), which the web cannot import: test/unit/web-labels.spec.ts keeps
// the copies equal.
import type { Role } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  LEADER: '领导小组',
  OFFICE: '创建办',
  SUPERVISOR: '督查检查组',
  ARCHIVIST: '档案组',
  UNIT_HEAD: '单位负责人',
  UNIT_MEMBER: '责任单位成员',
};
