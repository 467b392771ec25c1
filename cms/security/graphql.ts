import depthLimit from 'graphql-depth-limit'
import { GraphQLError, Kind, visit, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql'

/**
 * Limits of one GraphQL request, checked before anything runs. Payload's complexity
 * rule counts each field once, so 200 aliases of a list query (each a database query
 * with its relationships) stayed under its default of 1,000 and ran for 30 s: aliases
 * are counted on their own, the depth is bounded, and the complexity ceiling is lower.
 */
export const GRAPHQL_MAX_COMPLEXITY = 300
export const GRAPHQL_MAX_DEPTH = 10
export const GRAPHQL_MAX_ALIASES = 10

/** At most `max` aliased fields in the whole document (fragments included). */
export function aliasLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(
            new GraphQLError(
              `Per daug pseudonimų (alias): leidžiama ${max} vienoje užklausoje. / Too many aliases: at most ${max} in one query. Split the query into several requests.`,
              { nodes: [node] },
            ),
          )
        }
      },
    }
  }
}

/**
 * graphql-depth-limit, except on a document that spreads an undefined fragment: it
 * would crash on it (and print a stack trace), while GraphQL's own rules already
 * refuse that document with a clear error.
 */
export function depthRule(max: number): ValidationRule {
  const rule = depthLimit(max) as unknown as ValidationRule
  return (context: ValidationContext): ASTVisitor => {
    const { definitions } = context.getDocument()
    const defined = new Set(definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])))
    let complete = true
    visit(context.getDocument(), {
      FragmentSpread(node) {
        if (!defined.has(node.name.value)) complete = false
      },
    })
    if (complete) rule(context)
    return {}
  }
}

export const graphqlLimits = {
  maxComplexity: GRAPHQL_MAX_COMPLEXITY,
  validationRules: () => [depthRule(GRAPHQL_MAX_DEPTH), aliasLimit(GRAPHQL_MAX_ALIASES)],
}
