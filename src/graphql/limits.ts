// Bounded work per request: the limits every GraphQL operation is validated against before it
// touches the database, and the production switches. Chosen for this schema: the deepest
// question the README asks is 6 levels (organization → engagements → edges → node → controller
// → name), the largest page 200 rows.
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { GraphQLError } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { createComplexityRule, fieldExtensionsEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

export interface QueryLimits {
  /** Nesting of selections (fields, edges and nodes count). */
  maxDepth: number;
  /** Aliased fields per operation: one request must not repeat a field hundreds of times. */
  maxAliases: number;
  /** Lexer tokens per document: bounds parsing work and query size together. */
  maxTokens: number;
  maxDirectives: number;
  /**
   * Rows an operation may ask for: each field costs 1, and a list or connection field
   * multiplies what is below it by its page size (`first`, else the default of 50), so four
   * nested `first: 200` connections (1.6 billion rows) are refused while the README's questions
   * (a few hundred) pass.
   */
  maxComplexity: number;
  /** Characters in the query document itself (inline arguments included). */
  maxQueryLength: number;
  /** Characters in one string argument or variable (a vendor name, a country, a URL); ingestPolicy's text and html are exempt. */
  maxStringArgument: number;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 10,
  maxComplexity: 50_000,
  maxStringArgument: 1_000,
  maxQueryLength: 20_000,
};

const DEFAULT_PAGE = 50;

/** A field's cost: itself plus what is below it, times the rows a list or connection returns. */
const rowsEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const paged = field.args.some((a) => a.name === 'first' || a.name === 'top');
  const asked = [args.first, args.last, args.top].find((v): v is number => typeof v === 'number');
  const rows = paged ? (asked ?? DEFAULT_PAGE) : 1;
  return 1 + childComplexity * Math.max(1, rows);
};

/** Refuses an operation whose estimated row count exceeds the limit, before it runs (a validation rule, so other limit errors show beside it). */
function useComplexityLimit(max: number): Plugin {
  return {
    onValidate({ context, addValidationRule }) {
      const variables = (context as { params?: { variables?: Record<string, unknown> } }).params?.variables ?? {};
      addValidationRule(
        createComplexityRule({
          maximumComplexity: max,
          variables,
          // a field whose work exceeds the rows it returns (a multi-hop traversal) states its own estimate as `extensions.complexity`
          estimators: [fieldExtensionsEstimator(), rowsEstimator],
          createError: (limit, cost) =>
            new GraphQLError(`Query too expensive: about ${cost} rows requested, at most ${limit} allowed. Ask for smaller pages or fewer nested lists.`, { extensions: { code: 'QUERY_TOO_EXPENSIVE' } }),
        }),
      );
    },
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Long strings, NUL bytes and lone surrogates in arguments are refused with a typed error instead of reaching the database. */
function useArgumentGuard(maxString: number, maxQuery: number): Plugin {
  const bad = (v: unknown, path: string, exempt: boolean): string | null => {
    if (typeof v === 'string') {
      if (exempt) return null; // a policy's text or HTML: ingestPolicy checks its own input and answers with a typed result
      if (v.length > maxString) return `${path} is longer than ${maxString} characters`;
      if (v.includes('\u0000')) return `${path} contains a NUL character`;
      if (LONE_SURROGATE.test(v)) return `${path} contains an unpaired surrogate`;
      return null;
    }
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) {
        const r = bad(x, `${path}[${i}]`, exempt);
        if (r) return r;
      }
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const r = bad(x, `${path}.${k}`, exempt || k === 'text' || k === 'html');
        if (r) return r;
      }
    }
    return null;
  };
  // inline arguments live in the query string, whose size maxTokens bounds
  const nulOrSurrogate = (q: string) => (q.includes('\u0000') ? 'the query contains a NUL character' : LONE_SURROGATE.test(q) ? 'the query contains an unpaired surrogate' : null);
  return {
    onParams({ params }) {
      const query = params.query ?? '';
      const reason = query.length > maxQuery ? `the query is longer than ${maxQuery} characters` : bad(params.variables ?? {}, 'variables', false) ?? nulOrSurrogate(query);
      if (reason) throw createGraphQLError(`Invalid input: ${reason}.`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    },
  };
}

/** The plugins that bound every request; `production` also turns introspection off. */
export function limitPlugins(opts: { limits?: Partial<QueryLimits>; production: boolean; introspection?: boolean }): Plugin[] {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { enabled: false }, // replaced by the row estimate above, which knows page sizes
    blockFieldSuggestion: { enabled: opts.production },
  }).protect();
  const plugins: Plugin[] = [
    // a browser's form or text/plain POST (no preflight) must not run a mutation: JSON bodies, or the header
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'x-policy-graph'] }),
    useArgumentGuard(limits.maxStringArgument, limits.maxQueryLength),
    ...(armor.plugins as Plugin[]),
    useComplexityLimit(limits.maxComplexity),
  ];
  if (opts.production && !opts.introspection) plugins.push(useDisableIntrospection());
  return plugins;
}
