// Limits on what one GraphQL operation may ask for, as graphql-js validation rules: an operation is refused
// before anything is resolved when it nests too deep (QUERY_TOO_DEEP) or would resolve too many fields
// (QUERY_TOO_COMPLEX). Both are counted per operation with fragments expanded; each fragment is measured once
// however often it is spread (a "fragment bomb" costs validation linear time), and fragment cycles are skipped
// (graphql-js reports those itself).
//
// Depth: a field is one level deeper than the field it is selected in: `{ me { unit { name } } }` is 3 deep.
// Cost: every field costs 1 (`__typename` 0); a field whose type is a list multiplies the cost of what is
// selected inside it by `listSize`, once per list level. With a list size of 10,
// `{ board { columns { cards { id } } } }` costs 1 + (1 + 10 × (1 + 10 × 1)) = 112.
//
// Introspection (`__schema`, `__type`) reads the schema in memory, not the database, and stays open (the schema
// is public documentation): it does not count towards the depth, and its lists are not multiplied (each of its
// fields costs 1). What keeps it from being abused is a shape rule of its own: below `__schema`/`__type` no field
// but `ofType` may appear twice on one path (`types { fields { type { fields … } } }` is refused) and no path is
// deeper than INTROSPECTION_MAX_DEPTH. The standard introspection query (getIntrospectionQuery) is 15 deep.
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  isNonNullType,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DomainError, type ErrorCode } from './domain-error';

export interface QueryLimits {
  /** Deepest field selection allowed; deeper operations are refused with QUERY_TOO_DEEP. */
  maxDepth: number;
  /** Highest cost allowed; costlier operations are refused with QUERY_TOO_COMPLEX. */
  maxCost: number;
  /** How many elements a list field is assumed to hold when counting the cost. */
  listSize: number;
}

/** The defaults of MAX_QUERY_DEPTH, MAX_QUERY_COST and QUERY_LIST_SIZE (src/platform/config/config.ts). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxCost: 20_000, listSize: 10 };

/**
 * Tokens a document may have (graphql-js's `maxTokens`, checked while parsing, before these rules run). The
 * board's largest document has 158 and the standard introspection query 184. The parser is recursive and, with
 * cold (unoptimised) code, overflows the stack at about 2,000 levels of nesting; a level takes at least three
 * tokens (`a {` … `}`), so 2,000 tokens keep every document under about 670 levels, well within what it parses.
 */
export const MAX_QUERY_TOKENS = 2000;

/** The Chinese refusal of a document over the token limit (the formatter gives Apollo's the same words). */
export function tooManyTokensMessage(maxTokens: number): string {
  return `查询文本过长：超过 ${maxTokens} 个词法单元（token）的上限，请精简查询或拆成几次查询`;
}

/**
 * For servers that parse without a token limit (graphql-ws): the refusal of a document with more than
 * `maxTokens` tokens, counted by the lexer alone (no recursion), or null. A document the lexer cannot read is
 * left to the parser to report.
 */
export function documentTooLong(query: unknown, maxTokens = MAX_QUERY_TOKENS): GraphQLError | null {
  if (typeof query !== 'string') return null;
  try {
    const lexer = new Lexer(new Source(query));
    for (let count = 0; lexer.advance().kind !== TokenKind.EOF; ) {
      if (++count > maxTokens) {
        const message = tooManyTokensMessage(maxTokens);
        return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' }, originalError: new DomainError('QUERY_TOO_COMPLEX', message) });
      }
    }
  } catch {
    return null;
  }
  return null;
}

/** The standard introspection query is 15 deep (nine `ofType` levels); tools never need more. */
export const INTROSPECTION_MAX_DEPTH = 20;
/** Fields visited while checking the shape of introspection, beyond which it is refused as too complex. */
const INTROSPECTION_MAX_VISITS = 10_000;
/** Nesting beyond which counting stops: such an operation is refused whatever the configured limits. */
const MAX_NESTING = 1000;
/** The only introspection field that legitimately nests in itself (NON_NULL of LIST of NON_NULL of …). */
const REPEATABLE_INTROSPECTION_FIELD = 'ofType';

const isIntrospectionRoot = (name: string) => name === '__schema' || name === '__type';

/** How many list levels wrap a type: `[Card!]!` is 1, `[[Int]]` is 2, `Card` is 0. */
export function listLevels(type: GraphQLType | null | undefined): number {
  let levels = 0;
  let current: GraphQLType | null | undefined = type;
  while (current) {
    if (isNonNullType(current)) current = getNullableType(current) as GraphQLType;
    else if (isListType(current)) {
      levels += 1;
      current = current.ofType as GraphQLType;
    } else break;
  }
  return levels;
}

function compositeOf(type: GraphQLType | null | undefined): GraphQLCompositeType | null {
  if (!type) return null;
  const named = getNamedType(type);
  return isCompositeType(named) ? named : null;
}

function rootOf(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLCompositeType | null {
  if (operation.operation === 'mutation') return schema.getMutationType() ?? null;
  if (operation.operation === 'subscription') return schema.getSubscriptionType() ?? null;
  return schema.getQueryType() ?? null;
}

/** Measures the operations of one document against one schema; fragments are measured once each. */
export class OperationMeter {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly fragmentDepths = new Map<string, number>();
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly listSize: number,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === 'FragmentDefinition') this.fragments.set(definition.name.value, definition);
    }
  }

  /** Depth of the operation's data fields, counted up to `cap` (anything deeper reads as `cap`). */
  depth(operation: OperationDefinitionNode, cap = MAX_NESTING): number {
    return this.depthOf(operation.selectionSet, cap, new Set());
  }

  /** Cost of the operation; Number.MAX_SAFE_INTEGER when it is beyond counting. */
  cost(operation: OperationDefinitionNode): number {
    return this.costOf(operation.selectionSet, rootOf(this.schema, operation), false, 0, new Set());
  }

  /** The shape rule of introspection: a refusal, or null when the operation's introspection is acceptable. */
  introspectionProblem(operation: OperationDefinitionNode): { code: ErrorCode; message: string } | null {
    let visits = 0;
    let problem: { code: ErrorCode; message: string } | null = null;
    // `path` holds the field names from the introspection root down; empty while outside introspection.
    const walk = (set: SelectionSetNode | undefined, path: string[], inProgress: Set<string>): void => {
      if (!set) return;
      for (const selection of set.selections) {
        if (problem) return;
        if (++visits > INTROSPECTION_MAX_VISITS) {
          problem = { code: 'QUERY_TOO_COMPLEX', message: '内省查询过于复杂，请使用标准的内省查询' };
          return;
        }
        if (selection.kind === 'InlineFragment') {
          walk(selection.selectionSet, path, inProgress);
        } else if (selection.kind === 'FragmentSpread') {
          const name = selection.name.value;
          const fragment = this.fragments.get(name);
          if (!fragment || inProgress.has(name)) continue;
          inProgress.add(name);
          walk(fragment.selectionSet, path, inProgress);
          inProgress.delete(name);
        } else {
          const name = selection.name.value;
          if (path.length === 0) {
            // graphql-js allows the roots only on Query; anywhere else it reports them itself.
            if (isIntrospectionRoot(name)) walk(selection.selectionSet, [name], inProgress);
            continue;
          }
          if (name !== REPEATABLE_INTROSPECTION_FIELD && path.includes(name)) {
            problem = { code: 'QUERY_TOO_DEEP', message: `内省查询中「${name}」不能循环嵌套` };
          } else if (path.length + 1 > INTROSPECTION_MAX_DEPTH) {
            problem = { code: 'QUERY_TOO_DEEP', message: `内省查询嵌套过深：超过 ${INTROSPECTION_MAX_DEPTH} 层的上限` };
          } else {
            walk(selection.selectionSet, [...path, name], inProgress);
          }
        }
      }
    };
    walk(operation.selectionSet, [], new Set());
    return problem;
  }

  /** min(actual depth, cap): nothing below `cap` levels is visited. */
  private depthOf(set: SelectionSetNode | undefined, cap: number, inProgress: Set<string>): number {
    if (!set || cap <= 0) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      let depth: number;
      if (selection.kind === 'Field') {
        if (isIntrospectionRoot(selection.name.value)) continue;
        depth = 1 + this.depthOf(selection.selectionSet, cap - 1, inProgress);
      } else if (selection.kind === 'InlineFragment') {
        depth = this.depthOf(selection.selectionSet, cap, inProgress);
      } else {
        depth = this.spreadDepth(selection.name.value, inProgress);
      }
      deepest = Math.max(deepest, depth);
      if (deepest >= cap) return cap;
    }
    return deepest;
  }

  /** A fragment's own depth, independent of where it is spread (so measured once, up to MAX_NESTING). */
  private spreadDepth(name: string, inProgress: Set<string>): number {
    const known = this.fragmentDepths.get(name);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const depth = this.depthOf(fragment.selectionSet, MAX_NESTING, inProgress);
    inProgress.delete(name);
    this.fragmentDepths.set(name, depth);
    return depth;
  }

  private costOf(set: SelectionSetNode | undefined, parent: GraphQLCompositeType | null, introspection: boolean, nesting: number, inProgress: Set<string>): number {
    if (!set) return 0;
    if (nesting > MAX_NESTING) return Number.MAX_SAFE_INTEGER;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const inIntrospection = introspection || isIntrospectionRoot(name);
        const type =
          name === '__schema' ? this.schema.getType('__Schema') : name === '__type' ? this.schema.getType('__Type') : parent && 'getFields' in parent ? parent.getFields()[name]?.type : null;
        const multiplier = inIntrospection ? 1 : this.listSize ** listLevels(type);
        total += 1 + multiplier * this.costOf(selection.selectionSet, compositeOf(type), inIntrospection, nesting + 1, inProgress);
      } else if (selection.kind === 'InlineFragment') {
        const condition = selection.typeCondition ? compositeOf(this.schema.getType(selection.typeCondition.name.value)) : parent;
        total += this.costOf(selection.selectionSet, condition, introspection, nesting, inProgress);
      } else {
        total += this.spreadCost(selection.name.value, introspection, nesting, inProgress);
      }
      // Far beyond any limit need not be exact (and must not become Infinity or lose integer precision).
      if (total >= Number.MAX_SAFE_INTEGER) return Number.MAX_SAFE_INTEGER;
    }
    return total;
  }

  /** A fragment's cost depends only on itself (and whether it is read as introspection): measured once. */
  private spreadCost(name: string, introspection: boolean, nesting: number, inProgress: Set<string>): number {
    const key = `${introspection ? 'introspection' : 'data'}:${name}`;
    const known = this.fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = this.fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const type = compositeOf(this.schema.getType(fragment.typeCondition.name.value));
    const cost = this.costOf(fragment.selectionSet, type, introspection, nesting, inProgress);
    inProgress.delete(name);
    this.fragmentCosts.set(key, cost);
    return cost;
  }
}

/** A validation error that the API formats as the DomainError it carries (its code and Chinese message). */
function limitError(code: ErrorCode, message: string, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(message, { nodes: [node], extensions: { code }, originalError: new DomainError(code, message) });
}

/** Refuses operations deeper than `maxDepth`, and introspection of the wrong shape. */
export function queryDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let meter: OperationMeter | null = null;
    return {
      OperationDefinition(operation) {
        meter ??= new OperationMeter(context.getSchema(), context.getDocument(), 1);
        if (meter.depth(operation, maxDepth + 1) > maxDepth) {
          context.reportError(limitError('QUERY_TOO_DEEP', `查询嵌套过深：超过 ${maxDepth} 层的上限，请减少嵌套层数`, operation));
        }
        const problem = meter.introspectionProblem(operation);
        if (problem) context.reportError(limitError(problem.code, problem.message, operation));
        return false;
      },
    };
  };
}

/** Refuses operations whose cost, counted as this file's header says, exceeds `maxCost`. */
export function queryCostRule(limits: Pick<QueryLimits, 'maxCost' | 'listSize'>): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let meter: OperationMeter | null = null;
    return {
      OperationDefinition(operation) {
        meter ??= new OperationMeter(context.getSchema(), context.getDocument(), limits.listSize);
        const cost = meter.cost(operation);
        if (cost > limits.maxCost) {
          const shown = cost >= Number.MAX_SAFE_INTEGER ? '极高' : String(cost);
          context.reportError(
            limitError('QUERY_TOO_COMPLEX', `查询过于复杂：估算代价 ${shown}，超过上限 ${limits.maxCost}，请减少字段或列表嵌套，或拆成几次查询`, operation),
          );
        }
        return false;
      },
    };
  };
}

/** The rules the API adds to graphql-js's own. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [queryDepthRule(limits.maxDepth), queryCostRule(limits)];
}

/** Depth and cost of every operation of a document, as the rules count them. */
export function measureDocument(schema: GraphQLSchema, document: DocumentNode, listSize = DEFAULT_QUERY_LIMITS.listSize): { name: string | null; depth: number; cost: number }[] {
  const meter = new OperationMeter(schema, document, listSize);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
    .map((operation) => ({ name: operation.name?.value ?? null, depth: meter.depth(operation), cost: meter.cost(operation) }));
}
