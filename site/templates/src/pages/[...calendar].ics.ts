import type { APIRoute, GetStaticPaths } from 'astro'

import { allCalendars, renderCalendar, type CalendarFeed } from './_lib/calendar'

// `/konsultacijos/kalendorius.ics`, `/en/consultations/calendar.ics`: the path minus `.ics`.
export const getStaticPaths = (() =>
  allCalendars().map((feed) => ({ params: { calendar: feed.path.replace(/^\//, '').replace(/\.ics$/, '') }, props: { feed } }))) satisfies GetStaticPaths

export const GET: APIRoute = ({ props }) =>
  new Response(renderCalendar((props as { feed: CalendarFeed }).feed), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  })
