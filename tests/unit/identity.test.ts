/**
 * The city's identity as configuration: which brand colours are readable where the site
 * uses them (and what staff are told when not), the CSS a brand becomes, and how the
 * snapshot reads staff's top tasks and menu.
 */
import { describe, expect, it } from 'vitest'

import { brandColourMessage } from '../../cms/globals/identity'
import { brandColourProblem, defaultNavigation, taskIconKeys, taskIcons } from '../../cms/model/identity'
import type { DocLink } from '../../cms/model/snapshot'
import { schemas } from '../../cms/seed/schema'
import { brandOf, navigationOf, topTasksOf } from '../../site/publisher/snapshot'
import { brandCss, hasBrand } from '../../site/templates/src/lib/brand'
import { iconNodes } from '../../site/templates/src/lib/icons'

describe('a brand colour', () => {
  it.each([
    // The site's own defaults, and the two demo cities' colours.
    ['#0b4f8a', 'light', null],
    ['#8fc6ff', 'dark', null],
    ['#005f73', 'light', null],
    ['#7ad3e0', 'dark', null],
    ['#8a1538', 'light', null],
    ['#f4a3bd', 'dark', null],
    // Too light on white: the worst background is the one named (the notices' pale blue).
    ['#7fa8d0', 'light', { kind: 'contrast', background: 'notice', backgroundHex: '#e3eefa', ratio: 2.1 }],
    // Passes on white (5.3:1) and the menu bar (4.71:1), not on notices (4.51 passes; 4.49 below): every background counts.
    ['#0172a8', 'light', { kind: 'contrast', background: 'notice', backgroundHex: '#e3eefa' }],
    ['#2f6fa8', 'light', null],
    // A dark-scheme colour that is dark itself (1.59:1 on the notices' #1c3047).
    ['#0b4f8a', 'dark', { kind: 'contrast', background: 'notice', ratio: 1.5 }],
    ['#ffffff', 'light', { kind: 'contrast', background: 'page', ratio: 1 }],
    // Not a colour at all.
    ['blue', 'light', { kind: 'format' }],
    ['#0b4f8', 'light', { kind: 'format' }],
    ['#0b4f8a;}', 'light', { kind: 'format' }],
  ] as const)('%s in the %s scheme → %j', (value, scheme, expected) => {
    const problem = brandColourProblem(value, scheme)
    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toMatchObject(expected)
  })

  it('rounds the ratio down, so a colour just short of 4.5:1 never reads as 4.5:1', () => {
    // #0172a8 on the notices' #e3eefa is 4.49:1: rounded to nearest it would read "4.5:1" and be refused.
    expect(brandColourProblem('#0172a8', 'light')).toMatchObject({ kind: 'contrast', background: 'notice', ratio: 4.4 })
  })

  it('is refused in the staff language, naming the background, the ratio and what to do', () => {
    expect(brandColourMessage('#7fa8d0', 'light', 'lt')).toBe(
      'Spalva #7fa8d0 per šviesi: šviesiame pranešimų fone jos kontrastas tik 2,1:1, o tekstui reikia bent 4,5:1 (WCAG AA). Pasirinkite tamsesnį atspalvį.',
    )
    expect(brandColourMessage('#0b4f8a', 'dark', 'en')).toBe(
      'The colour #0b4f8a is too dark: on the dark background of notices its contrast is only 1.5:1, and text needs at least 4.5:1 (WCAG AA). Choose a lighter shade.',
    )
    expect(brandColourMessage('red', 'light', 'lt')).toBe('Įrašykite spalvą šešioliktainiu kodu – grotelės ir šeši ženklai, pvz., #0b4f8a (dabar „red“).')
    // The admin's Ukrainian too; a language the admin lacks gets English; an empty field keeps the default.
    expect(brandColourMessage('#7fa8d0', 'light', 'uk')).toBe(
      'Колір #7fa8d0 занадто світлий: на світлому тлі повідомлень його контраст становить лише 2,1:1, а для тексту потрібно щонайменше 4,5:1 (WCAG AA). Виберіть темніший відтінок.',
    )
    expect(brandColourMessage('#7fa8d0', 'light', 'el')).toMatch(/^The colour #7fa8d0 is too light/)
    expect(brandColourMessage('', 'light', 'lt')).toBe(true)
    expect(brandColourMessage('#005f73', 'light', 'lt')).toBe(true)
  })

  it('becomes custom properties for the screen, per scheme, and none when Settings give none', () => {
    const css = brandCss({ colour: '#8a1538', colourDark: '#f4a3bd' })
    expect(css).toContain('@media screen { :root { --accent: #8a1538; --link: #8a1538; } }')
    expect(css).toContain('@media screen and (prefers-color-scheme: dark) { :root { --accent: #f4a3bd; --link: #f4a3bd; } }')
    expect(brandCss({ colour: '#8a1538' })).not.toContain('prefers-color-scheme')
    expect(brandCss({})).not.toContain('--accent')
    expect([hasBrand({}), hasBrand(undefined), hasBrand({ colourDark: '#f4a3bd' })]).toEqual([false, false, true])
  })

  it('reaches the snapshot only as a well-formed colour', () => {
    expect(brandOf({ colour: ' #8A1538 ', colourDark: 'url(x)' })).toEqual({ colour: '#8a1538' })
    expect(brandOf(null)).toEqual({})
  })
})

describe('top tasks and the menu in the snapshot', () => {
  const links: Record<string, DocLink> = {
    'guides:1': { collection: 'guides', id: '1', title: 'Kaip užregistruoti vaiką į darželį', url: '/gidai/darzelis/' },
    'services:2': { collection: 'services', id: '2', title: 'Viešasis transportas', url: '/paslaugos/transportas/', lang: 'lt' },
  }
  const docLink = (relationTo: string, id: unknown) => links[`${relationTo}:${String(id)}`]

  it('keeps staff order, uses the short name or the title, and leaves out what is not published', () => {
    const tasks = topTasksOf(
      [
        { doc: { relationTo: 'services', value: 2 }, icon: 'transport' },
        { doc: { relationTo: 'guides', value: { id: 3 } }, icon: 'education' }, // a draft: no live link
        { doc: { relationTo: 'guides', value: { id: 1 } }, icon: 'education', label: 'Registracija į darželį' },
        { doc: null, icon: 'waste' },
        { doc: { relationTo: 'services', value: 2 }, icon: 'no-such-icon' },
      ],
      docLink,
    )
    expect(tasks).toEqual([
      // An untranslated title keeps its language for the page's lang attribute.
      { title: 'Viešasis transportas', url: '/paslaugos/transportas/', icon: 'transport', lang: 'lt' },
      { title: 'Registracija į darželį', url: '/gidai/darzelis/', icon: 'education' },
      { title: 'Viešasis transportas', url: '/paslaugos/transportas/', icon: 'document', lang: 'lt' },
    ])
    expect(topTasksOf(undefined, docLink)).toEqual([])
  })

  it('names each section once, in staff order, and falls back to what residents come for', () => {
    expect(navigationOf([{ section: 'news' }, { section: 'services' }, { section: 'news' }, { section: 'nope' }])).toEqual(['news', 'services'])
    expect(navigationOf([])).toEqual(defaultNavigation)
    expect(navigationOf(undefined)).toEqual(['services', 'guides', 'handbook', 'news', 'consultations'])
  })

  it('has an icon drawing for every icon key staff can choose', () => {
    for (const key of taskIconKeys) expect(iconNodes(key).length, `${key} → ${taskIcons[key]}`).toBeGreaterThan(0)
  })
})

describe('identity in seed files', () => {
  const S = schemas(['lt', 'en'], 'lt').settings
  const base = {
    cityName: { lt: 'Vėjava' },
    tagline: { lt: 'Miestas prie upės' },
    contact: { phone: '+370 400 00000', email: 'info@vejava.example', address: { street: 'Turgaus g. 1', postcode: 'LT-00001', city: { lt: 'Vėjava' } }, hours: { lt: 'I–V 8–17' } },
    footerLinks: [],
    socialLinks: [],
  }
  const problems = (extra: Record<string, unknown>) => {
    const r = S.safeParse({ ...base, ...extra })
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  }

  it.each([
    [{ brand: { colour: '#8a1538', colourDark: '#f4a3bd' }, topTasks: [{ doc: 'guides:kindergarten', icon: 'education' }], navigation: ['news', 'services'] }, []],
    [{ brand: { colour: '#7fa8d0' } }, ['brand.colour: contrast on the light notice background (#e3eefa) is 2.1:1, text needs at least 4.5:1: choose a darker shade']],
    [{ brand: { colourDark: '#0b4f8a' } }, ['brand.colourDark: contrast on the dark notice background (#1c3047) is 1.5:1, text needs at least 4.5:1: choose a lighter shade']],
    [{ brand: { colour: 'navy' } }, ['brand.colour: expected a colour as #rrggbb']],
    [{ topTasks: [{ doc: 'news:storm', icon: 'waste' }] }, ['topTasks.0.doc: a top task leads to one of: services, guides, handbook, pages, leaflets, consultations']],
    [{ topTasks: [{ doc: 'guides:x', icon: 'rocket' }] }, [expect.stringMatching(/^topTasks\.0\.icon: /)]],
    [{ navigation: ['news', 'news'] }, ['navigation: a section is named twice']],
    [{ navigation: ['events'] }, [expect.stringMatching(/^navigation\.0: /)]],
  ])('%j → %j', (extra, expected) => {
    expect(problems(extra)).toEqual(expected)
  })

  it('takes at most eight top tasks', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ({ doc: `guides:g${i}`, icon: 'document' }))
    expect(problems({ topTasks: nine })).toEqual([expect.stringMatching(/^topTasks: /)])
  })
})
