import { describe, expect, it } from 'vitest'

import { isEmail, MAX_EMAIL, normalizeEmail } from '../../cms/model/email'
import { validateEmail } from '../../cms/model/validators'
import { parseSignup } from '../../site/templates/src/newsletter/form'

/** One table for every place that takes an address: staff fields, the newsletter, the site's forms. */
const accepted = [
  'info@example.org',
  'vardas.pavarde@pajuris.lt',
  'a+tag@sub.example.co.uk',
  'Info@Example.ORG',
  'jonas@pavyzdys.lietuva',
  'ąžuolas@miestas.lt',
  'info@пример.рф',
  'x@y.io',
  `${'a'.repeat(64)}@${'b'.repeat(MAX_EMAIL - 64 - 1 - 3)}.lt`,
]
const refused = [
  '',
  'info',
  'info@',
  '@example.org',
  'info@example',
  'info@example.o',
  'info@example.',
  'in fo@example.org',
  'info@@example.org',
  'a@b@example.org',
  '<info@example.org>',
  'Jonas <info@example.org>',
  'info@example.org, other@example.org',
  'info@example.org;other@example.org',
  '"info"@example.org',
  'info@exa(mple).org',
  'info@example.org\nBcc: other@example.org',
  `${'a'.repeat(64)}@${'b'.repeat(MAX_EMAIL - 64 - 1 - 3 + 1)}.lt`,
]

const signup = (email: string) => {
  const data = new FormData()
  data.set('email', email)
  data.set('consent', '1')
  data.set('frequency', 'daily')
  data.set('allTopics', '1')
  return parseSignup(data, { locales: ['lt'], topicIds: [], fallbackLocale: 'lt' })
}

describe('the e-mail address rule', () => {
  it.each(accepted)('accepts %j everywhere', (address) => {
    expect(isEmail(address)).toBe(true)
    expect(validateEmail(address)).toBe(true)
    expect(signup(address).errors.email).toBeUndefined()
  })

  it.each(refused.filter((a) => a !== ''))('refuses %j everywhere', (address) => {
    expect(isEmail(address)).toBe(false)
    expect(validateEmail(address)).toMatch(/is not an email address/)
    expect(signup(address).errors.email).toBe(true)
  })

  it('an empty optional field passes the staff validator; a form needs an address', () => {
    expect(isEmail('')).toBe(false)
    expect(validateEmail('')).toBe(true)
    expect(signup('').errors.email).toBe(true)
  })

  it('surrounding spaces are trimmed by the validator and the forms', () => {
    expect(validateEmail('  info@example.org ')).toBe(true)
    expect(signup('  info@example.org ').errors.email).toBeUndefined()
  })

  it('normalizes one mailbox however it is typed', () => {
    expect(normalizeEmail('  Info@Example.ORG ')).toBe('info@example.org')
    expect(normalizeEmail('a\u0328zuolas@miestas.lt')).toBe('ązuolas@miestas.lt')
    expect(isEmail(normalizeEmail(' Ąžuolas@Miestas.LT '))).toBe(true)
  })
})
