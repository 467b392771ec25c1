import type { APIRoute, GetStaticPaths } from 'astro'

import { allFeeds, renderFeed, type Feed } from './_lib/feeds'

// `/rss.xml`, `/en/rss.xml`, `/temos/<topic>/rss.xml`: the path minus `.xml`.
export const getStaticPaths = (() =>
  allFeeds().map((feed) => ({ params: { feed: feed.path.replace(/^\//, '').replace(/\.xml$/, '') }, props: { feed } }))) satisfies GetStaticPaths

export const GET: APIRoute = ({ props }) =>
  new Response(renderFeed((props as { feed: Feed }).feed), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  })
