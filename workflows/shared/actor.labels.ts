// Chinese names of the roles, for rejection messages, the API and exports (the board keeps its own copy).
import type { Role } from './actor.types';

export const ROLE_LABELS: Record<Role, string> = {
  LEADER: '领导小组',
  OFFICE: '创建办',
  SUPERVISOR: '督查检查组',
  ARCHIVIST: '档案组',
  UNIT_HEAD: '单位负责人',
  UNIT_MEMBER: '责任单位成员',
};
