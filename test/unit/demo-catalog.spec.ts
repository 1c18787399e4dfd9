// The demo catalog's criteria and materials, and the contract around the problem codes: the codes the imports
// produce are the GraphQL enum's, the shared ones and those catalog.graphql adds, in the same order.
import type { GraphQLEnumType } from 'graphql';
import { DEFAULT_DEDUCTION_RULE, demoCriteria, demoMaterials } from '../../src/demo/demo-catalog';
import { PROBLEM_CODES } from '../../src/platform/spreadsheet';
import { readDemoCatalog } from '../../src/demo/demo-catalog';
import { loadSchema } from '../support/schema';

describe('demoCriteria', () => {
  const catalog = readDemoCatalog();
  const criteria = demoCriteria(catalog);

  it('gives every demo indicator one criterion: <indicator>-1, its standard, method and points', () => {
    expect(criteria).toHaveLength(catalog.length);
    expect(criteria[0]).toEqual({
      code: 'A1-1',
      indicatorCode: 'A1',
      position: 1,
      content: '主次干道每200米不少于1处公益广告；每缺一处扣0.5分',
      method: 'FIELD',
      points: 3,
      deductionRule: '每缺一处扣0.5分',
    });
    expect(criteria.every((c, i) => c.points === catalog[i].points && c.method === catalog[i].method && c.content === catalog[i].standard)).toBe(true);
  });

  it('takes the deduction rule from after the first ；, else the default', () => {
    const a2 = criteria.find((c) => c.indicatorCode === 'A2')!;
    expect(a2.deductionRule).toBe(DEFAULT_DEDUCTION_RULE);
    expect(DEFAULT_DEDUCTION_RULE).toBe('不符合要求的，扣除本项分值');
  });
});

describe('demoMaterials', () => {
  const materials = demoMaterials(readDemoCatalog());

  it('asks material reviews for a ledger and photos, surveys for the questionnaires, the rest for before-and-after photos', () => {
    const of = (code: string) => materials.filter((m) => m.indicatorCode === code).map((m) => `${m.code} ${m.name}`);
    expect(of('A3')).toEqual(['A3-M1 台账', 'A3-M2 照片']);
    expect(of('A4')).toEqual(['A4-M1 问卷及统计结果']);
    expect(of('A1')).toEqual(['A1-M1 整改前后照片']);
    expect(new Set(materials.map((m) => m.code)).size).toBe(materials.length);
  });
});

describe('problem codes', () => {
  it('are the GraphQL ImportProblemCode values, shared ones first, in the same order', () => {
    const schema = loadSchema();
    const values = (schema.getType('ImportProblemCode') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values).toEqual([...PROBLEM_CODES]);
  });
});
