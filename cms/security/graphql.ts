import depthLimit from 'graphql-depth-limit'
import { GraphQLError, Kind, parse, visit, type ASTVisitor, type DocumentNode, type ValidationContext, type ValidationRule } from 'graphql'

import type { Words } from './messages'

/**
 * Limits of one GraphQL request, checked before anything runs. Payload's complexity
 * rule counts each field once, so 200 aliases of a list query (each a database query
 * with its relationships) stayed under its default of 1,000 and ran for 30 s: aliases
 * are counted on their own, the depth is bounded, and the complexity ceiling is lower.
 */
const GRAPHQL_MAX_COMPLEXITY = 300
const GRAPHQL_MAX_DEPTH = 10
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

/** Fragment name → the fragments it spreads. */
function spreadsByFragment(document: DocumentNode): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const d of document.definitions) {
    if (d.kind !== Kind.FRAGMENT_DEFINITION) continue
    const names: string[] = []
    visit(d, { FragmentSpread: (node) => void names.push(node.name.value) })
    map.set(d.name.value, names)
  }
  return map
}

/** Every spread names a defined fragment, and no fragment reaches itself. */
function fragmentsAreSound(document: DocumentNode): boolean {
  const fragments = spreadsByFragment(document)
  let sound = true
  visit(document, { FragmentSpread: (node) => void (fragments.has(node.name.value) || (sound = false)) })
  if (!sound) return false
  const done = new Set<string>()
  const reaches = (name: string, path: Set<string>): boolean => {
    if (path.has(name)) return true
    if (done.has(name)) return false
    path.add(name)
    const cyclic = (fragments.get(name) ?? []).some((next) => reaches(next, path))
    path.delete(name)
    done.add(name)
    return cyclic
  }
  return ![...fragments.keys()].some((name) => reaches(name, new Set()))
}

/**
 * graphql-depth-limit, except on a document whose fragments are undefined or spread
 * themselves: it would crash or recurse for ever on those, while GraphQL's own rules
 * already refuse them with a clear error.
 */
export function depthRule(max: number): ValidationRule {
  const rule = depthLimit(max) as unknown as ValidationRule
  return (context: ValidationContext): ASTVisitor => {
    if (fragmentsAreSound(context.getDocument())) rule(context)
    return {}
  }
}

/**
 * Checked on the request body before Payload parses and validates it: the validation
 * rules (Payload's complexity rule, this depth rule) expand every fragment spread
 * again, so a few nested spreads multiply into millions of visits. A query's size,
 * its tokens and its fragment spreads are bounded first.
 */
const GRAPHQL_MAX_QUERY_LENGTH = 20_000
const GRAPHQL_MAX_TOKENS = 3_000
export const GRAPHQL_MAX_SPREADS = 20

export async function graphqlRequestProblem(request: Request): Promise<Words | null> {
  let query: unknown
  try {
    query = ((await request.json()) as { query?: unknown } | null)?.query
  } catch {
    return null // not JSON: GraphQL answers that itself
  }
  if (typeof query !== 'string') return null
  const tooBig: Words = {
    lt: `Užklausa per didelė: daugiausia ${GRAPHQL_MAX_QUERY_LENGTH} simbolių, ${GRAPHQL_MAX_TOKENS} žodžių ir ${GRAPHQL_MAX_SPREADS} fragmentų. Padalykite ją į kelias.`,
    en: `The query is too large: at most ${GRAPHQL_MAX_QUERY_LENGTH} characters, ${GRAPHQL_MAX_TOKENS} tokens and ${GRAPHQL_MAX_SPREADS} fragment spreads. Split it into several.`,
    uk: `Запит завеликий: щонайбільше ${GRAPHQL_MAX_QUERY_LENGTH} символів, ${GRAPHQL_MAX_TOKENS} лексем і ${GRAPHQL_MAX_SPREADS} фрагментів. Розділіть його на кілька.`,
  }
  if (query.length > GRAPHQL_MAX_QUERY_LENGTH) return tooBig
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: GRAPHQL_MAX_TOKENS, noLocation: true })
  } catch (error) {
    return /tokens/i.test((error as Error).message) ? tooBig : null // a syntax error: GraphQL says where
  }
  let spreads = 0
  visit(document, { FragmentSpread: () => void spreads++ })
  return spreads > GRAPHQL_MAX_SPREADS ? tooBig : null
}

export const graphqlLimits = {
  maxComplexity: GRAPHQL_MAX_COMPLEXITY,
  validationRules: () => [depthRule(GRAPHQL_MAX_DEPTH), aliasLimit(GRAPHQL_MAX_ALIASES)],
}
