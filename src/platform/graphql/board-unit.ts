// The unit a board is asked for: its `unitCode` argument and its filter's `unitCode` name the same thing, so both
// may be given only when they agree (two different units would make a board that can hold nothing).
import { DomainError } from '../errors/domain-error';

export function boardUnit(argument: string | null | undefined, fromFilter: string | null | undefined): string | null {
  if (argument && fromFilter && argument !== fromFilter) {
    throw new DomainError('BAD_USER_INPUT', `参数 unitCode「${argument.slice(0, 50)}」与筛选条件中的单位「${fromFilter.slice(0, 50)}」不一致，请只给一个`, 'filter.unitCode');
  }
  return argument || fromFilter || null;
}
