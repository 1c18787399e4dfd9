import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseDateTime(value: unknown): string {
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) throw new GraphQLError('时间格式不正确，应为 ISO 8601', { extensions: { code: 'BAD_USER_INPUT' } });
  return date.toISOString();
}

export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('时间须为字符串', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDateTime(ast.value);
  },
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
});

const FEN_MESSAGE = '金额须为以分为单位的非负整数（不超过 9007199254740991 分，不能有小数，不能是字符串）';

function fenInput(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new GraphQLError(FEN_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } });
  return value;
}

/**
 * Fen: an amount in fen (分) as a non-negative safe integer. GraphQL Int is 32-bit (about 21.47 million yuan), too
 * small for a budget's totals. A float, a negative, a string or a number past 2^53−1 is refused before any resolver.
 * Out: a number, or the string pg gives for a bigint, checked to be a safe integer.
 */
export const FenScalar = new GraphQLScalarType<number, number>({
  name: 'Fen',
  serialize: (value) => {
    const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new GraphQLError('金额不是以分为单位的非负整数');
    return n;
  },
  parseValue: fenInput,
  parseLiteral: (ast) => {
    // A literal past 16 digits is past 2^53 anyway: refused before it is turned into a number.
    if (ast.kind !== Kind.INT || ast.value.length > 16) throw new GraphQLError(FEN_MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } });
    return fenInput(Number(ast.value));
  },
});
