// The 责任人 column of a task breakdown (issue 16): each name or mobile number written in a row is resolved against
// the roster's people of the row's responsible units. A person of another unit, an unknown person, a name two
// people of the unit share, a number two people share, and two people for one unit are row problems. Pure: the
// roster comes in as data. Every lookup is a map read, so a row costs time linear in what is written.
import { nameKey } from '../platform/spreadsheet';
import type { BreakdownReference, ImportProblemCode } from './task-breakdown.types';

type Person = NonNullable<BreakdownReference['people']>[number];

/** Longest name or number one person may be written as (a name of 50 characters is not a person's). */
export const PERSON_TEXT_MAX = 50;

export interface PersonProblem {
  code: ImportProblemCode;
  detail: string;
}

/** What was written, safe to quote back: one line, cut short. */
function quoted(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('');
}

/** A mainland mobile number as digits (spaces, dashes and a leading +86 or 86 ignored); null for anything else. */
export function mobileKey(text: string): string | null {
  const normal = text.normalize('NFKC').trim();
  if (!/^\+?[\d\s-]{7,20}$/.test(normal)) return null;
  const digits = normal.replace(/\D/g, '');
  const local = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
  return /^1\d{10}$/.test(local) ? local : null;
}

export class PeopleIndex {
  private readonly byName = new Map<string, Person[]>();
  private readonly byPhone = new Map<string, Person[]>();

  constructor(people: readonly Person[], private readonly unitName: (code: string) => string) {
    for (const person of people) {
      const name = nameKey(person.name);
      this.byName.set(name, [...(this.byName.get(name) ?? []), person]);
      const phone = person.phone ? mobileKey(person.phone) : null;
      if (phone) this.byPhone.set(phone, [...(this.byPhone.get(phone) ?? []), person]);
    }
  }

  /**
   * The people a row names, one per responsible unit, for the units the row has (`unitCodes`, resolved already).
   * Problems are collected, never thrown; the row's tasks get a person only when there are none.
   */
  resolve(written: readonly string[], unitCodes: readonly string[]): { byUnit: Map<string, Person>; problems: PersonProblem[] } {
    const byUnit = new Map<string, Person>();
    const problems: PersonProblem[] = [];
    const units = new Set(unitCodes);
    const rowUnits = unitCodes.map((c) => `「${this.unitName(c)}」`).join('');
    for (const text of written) {
      if ([...text].length > PERSON_TEXT_MAX) {
        problems.push({ code: 'UNKNOWN_PERSON', detail: `责任人「${quoted(text)}」过长：请填写一位人员的姓名或手机号（不超过${PERSON_TEXT_MAX}字），多人用顿号分开` });
        continue;
      }
      const phone = mobileKey(text);
      const found = (phone ? this.byPhone.get(phone) : this.byName.get(nameKey(text))) ?? [];
      const mine = found.filter((p) => units.has(p.unitCode));
      if (mine.length === 0) {
        const elsewhere = [...new Set(found.map((p) => `「${this.unitName(p.unitCode)}」`))].join('');
        problems.push({
          code: 'UNKNOWN_PERSON',
          detail: elsewhere
            ? `责任人「${quoted(text)}」是${elsewhere}的人员，不是本行责任单位${rowUnits}的人员。责任人须是责任单位的人员`
            : `找不到责任人「${quoted(text)}」。请填写组织机构中${rowUnits}人员的姓名或手机号，或先导入组织机构`,
        });
        continue;
      }
      if (mine.length > 1) {
        const logins = mine.map((p) => p.login).join('、');
        problems.push({
          code: 'AMBIGUOUS_PERSON',
          detail: phone
            ? `手机号「${quoted(text)}」对应多位人员（账号 ${logins}）。请改填姓名，或在组织机构中更正手机号`
            : `「${quoted(text)}」是${[...new Set(mine.map((p) => `「${this.unitName(p.unitCode)}」`))].join('')}多位同名人员的姓名（账号 ${logins}）。请改填其手机号`,
        });
        continue;
      }
      const [person] = mine;
      const earlier = byUnit.get(person.unitCode);
      if (earlier && earlier.login !== person.login) {
        problems.push({
          code: 'DUPLICATE',
          detail: `「${this.unitName(person.unitCode)}」只能有一位责任人，这一行填了「${earlier.name}」和「${person.name}」。请只保留一位`,
        });
        continue;
      }
      byUnit.set(person.unitCode, person);
    }
    return { byUnit, problems };
  }
}
