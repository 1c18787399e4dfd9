// The 责任人 of an indicator task or a rectification item (issue 16): one person of the record's responsible unit,
// named by the breakdown import or by the unit head, shared by both kinds' rules.
import type { Rejection } from './decision.types';

/**
 * The 责任人 of a task or an item: one person (a user login) of its responsible unit, with the name shown on the
 * card. Null until someone is named. The API checks that the login is a person of the unit; the workflow keeps it.
 */
export interface ResponsiblePerson {
  login: string;
  name: string;
}

/** Longest login and name a responsible person may carry (the users table's own limits are lower). */
export const RESPONSIBLE_LOGIN_MAX = 64;
export const RESPONSIBLE_NAME_MAX = 100;

/**
 * A 责任人 as the API sends it: a login and a name within their limits, for the unit the record still has, and not
 * the person already named. (Whether the login is a person of the unit is the API's check: it reads the roster.)
 */
export function validResponsiblePerson(
  command: { unitCode: unknown; login: unknown; name: unknown },
  unitCode: string | null,
  currentLogin: string | null,
  what: string,
): Rejection | null {
  const { login, name } = command;
  if (typeof login !== 'string' || login.trim() === '') return { code: 'BAD_USER_INPUT', field: 'login', message: '请选择责任人' };
  if (login.length > RESPONSIBLE_LOGIN_MAX) return { code: 'BAD_USER_INPUT', field: 'login', message: `责任人账号不能超过${RESPONSIBLE_LOGIN_MAX}个字符` };
  if (typeof name !== 'string' || name.trim() === '') return { code: 'BAD_USER_INPUT', field: 'name', message: '责任人姓名不能为空' };
  if ([...name].length > RESPONSIBLE_NAME_MAX) return { code: 'BAD_USER_INPUT', field: 'name', message: `责任人姓名不能超过${RESPONSIBLE_NAME_MAX}字` };
  if (unitCode === null || command.unitCode !== unitCode) {
    return { code: 'CONFLICT', field: 'login', message: `${what}的责任单位已变更，请刷新后在新的责任单位中指定责任人` };
  }
  if (login.trim() === currentLogin) return { code: 'BAD_USER_INPUT', field: 'login', message: `该人员已是本${what}的责任人` };
  return null;
}


/** Roles whose people may be named 责任人: the people of a unit. */
export const RESPONSIBLE_ROLES: readonly string[] = ['UNIT_MEMBER', 'UNIT_HEAD'];

/** A person as the roster holds them, for the API's check of a login. */
export interface RosterPerson {
  login: string;
  displayName: string;
  role: string;
  unitCode: string | null;
}

/**
 * Why `person` (looked up by `login`) may not be the 责任人 of a record of `unit`, in Chinese; null when they may.
 * Unknown logins and people of other units are refused alike, naming what was asked (cut short) and the unit.
 */
export function personRefusal(person: RosterPerson | undefined, login: string, unit: { code: string; name: string }, what: string): string | null {
  const asked = login.length > 40 ? `${login.slice(0, 40)}…` : login;
  if (!person) return `找不到账号为「${asked}」的人员，无法指定为责任人`;
  if (person.unitCode !== unit.code || !RESPONSIBLE_ROLES.includes(person.role)) {
    return `「${person.displayName}」不是「${unit.name}」的人员，不能担任本${what}的责任人（责任人须是责任单位的人员）`;
  }
  return null;
}
