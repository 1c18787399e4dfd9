// Issue 5, item 8: every type and field of the public schema is described, in Chinese first and English second
// ("中文 / English"), so that people reading the schema in GraphiQL or in the generated types know what each
// name means. Covers types, fields, arguments, input fields, enum values, scalars and custom directives of every
// graphql/*.graphql file; the built-in scalars, directives and introspection types are left out.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLNamedType,
} from 'graphql';
import { loadSchema } from '../support/schema';

const CHINESE = /\p{Script=Han}/u;
const ENGLISH = /[A-Za-z]/;

type Described = { path: string; description: string | null | undefined };

/** Every element of the schema that should carry a description, named by a path such as `Query.board(campaignId)`. */
function describedElements(): Described[] {
  const schema = loadSchema();
  const out: Described[] = [];
  const args = (owner: string, list: readonly GraphQLArgument[]) => {
    for (const arg of list) out.push({ path: `${owner}(${arg.name})`, description: arg.description });
  };

  const types = Object.values(schema.getTypeMap()) as GraphQLNamedType[];
  for (const type of types) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    out.push({ path: type.name, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ path: `${type.name}.${field.name}`, description: field.description });
        args(`${type.name}.${field.name}`, field.args);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        out.push({ path: `${type.name}.${field.name}`, description: field.description });
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) out.push({ path: `${type.name}.${value.name}`, description: value.description });
    }
  }
  for (const directive of schema.getDirectives()) {
    if (isSpecifiedDirective(directive)) continue;
    out.push({ path: `@${directive.name}`, description: directive.description });
    args(`@${directive.name}`, directive.args);
  }
  return out;
}

/** What is wrong with a description, or null when it has both languages. */
function problemOf(description: string | null | undefined): string | null {
  const text = description?.trim() ?? '';
  if (!text) return '没有说明 / no description';
  const missing = [!CHINESE.test(text) && '中文 / Chinese', !ENGLISH.test(text) && '英文 / English'].filter(Boolean);
  return missing.length ? `缺少 / lacks ${missing.join(', ')}: "${text}"` : null;
}

describe('SDL descriptions (中文 / English)', () => {
  const elements = describedElements();

  it('finds the schema’s types, fields, arguments and enum values', () => {
    const paths = elements.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['IndicatorTask', 'IndicatorTask.dueAt', 'Query.board(campaignId)', 'Stage.SELF_CHECK', 'DateTime']));
    expect(paths).not.toEqual(expect.arrayContaining(['String']));
    expect(paths.some((p) => p.startsWith('__'))).toBe(false);
  });

  it('describes every element in Chinese and in English', () => {
    const problems = elements
      .map((e) => ({ path: e.path, problem: problemOf(e.description) }))
      .filter((e): e is { path: string; problem: string } => e.problem !== null)
      .map((e) => `  ${e.path} — ${e.problem}`);
    if (problems.length) {
      throw new Error(
        `${problems.length} 处 SDL 说明缺失或不全（应为「中文 / English」） / ` +
          `${problems.length} SDL elements lack a "中文 / English" description:\n${problems.join('\n')}`,
      );
    }
  });

  it('tells a missing description from a one-language one', () => {
    expect(problemOf(undefined)).toMatch(/no description/);
    expect(problemOf('SHA-256')).toMatch(/Chinese/);
    expect(problemOf('文件名')).toMatch(/English/);
    expect(problemOf('文件名 / File name')).toBeNull();
  });
});
